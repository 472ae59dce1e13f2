import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ObservedViolation, ViolationCounts } from '../../experiments/contracts/types';
import { emptyCounts } from '../../browser/stream/violationTypes';
import { emptyViolations, reduceViolations } from './contractsSlice';
import { createWorkbenchStore } from './createWorkbenchStore';
import type { WorkbenchApi } from '../../hosts/types';

const violation = (messageId: string, side: 'sender' | 'receiver' = 'receiver'): ObservedViolation => ({
  contract: { kind: 'echo', performative: 'request', direction: side === 'sender' ? 'sends' : 'accepts' },
  side,
  agent: 'echo-1',
  messageId,
  problems: ['content.n: expected integer, received string "x"'],
  from: 'you',
  to: 'echo-1',
  performative: 'request',
  seq: 1,
  t: 1,
});

const counts = (violations: number): ViolationCounts => ({ ...emptyCounts(), checked: violations + 1, violations, messages: violations });

describe('reduceViolations', () => {
  it('groups violations by message id and takes the counts as the worker sent them', () => {
    let view = reduceViolations(emptyViolations(), { violations: [violation('m1', 'sender')], omitted: 0, counts: counts(1) });
    view = reduceViolations(view, { violations: [violation('m1'), violation('m2')], omitted: 3, counts: counts(6) });
    expect(view.order).toEqual(['m1', 'm2']);
    expect(view.byMessage['m1']!.map((v) => v.side)).toEqual(['sender', 'receiver']);
    expect(view.counts.violations).toBe(6);
    expect(view.omitted).toBe(3);
  });

  it('a violation sent twice is kept once', () => {
    const batch = { violations: [violation('m1', 'sender'), violation('m1')], omitted: 0, counts: counts(2) };
    const view = reduceViolations(reduceViolations(emptyViolations(), batch), batch);
    expect(view.byMessage['m1']!.map((v) => v.side)).toEqual(['sender', 'receiver']);
  });

  it('keeps the latest messages only, never more than the bound (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 8 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 10 }),
        (batches, max) => {
          let view = emptyViolations();
          let kept: string[] = [];
          let total = 0;
          for (const ids of batches) {
            const violations = ids.map((n) => violation(`m${n}`));
            for (const v of violations) if (!kept.includes(v.messageId!)) kept.push(v.messageId!);
            kept = kept.slice(-max);
            view = reduceViolations(view, { violations, omitted: 0, counts: emptyCounts() }, max);
            total += violations.length;
          }
          expect(view.order.length).toBeLessThanOrEqual(max);
          expect(Object.keys(view.byMessage).sort()).toEqual([...view.order].sort());
          expect(view.order).toEqual(kept);
          // Nothing is invented: at most the violations sent.
          expect(Object.values(view.byMessage).flat().length).toBeLessThanOrEqual(total);
        },
      ),
    );
  });
});

describe('the contracts slice', () => {
  const store = () => createWorkbenchStore({} as WorkbenchApi);
  const file = { schema: 'orrery.contract/1', version: '1', kinds: { echo: { request: { accepts: { type: 'object' } } } } };

  it('a refused file raises ORR601 naming each path and keeps the contracts in use', () => {
    const s = store();
    expect(s.getState().loadContracts(file)).toEqual({ ok: true });
    const refused = s.getState().loadContracts({ ...file, version: '', kinds: { echo: { ask: {} } } });
    expect(refused.ok).toBe(false);
    const notice = s.getState().notices.at(-1)!;
    expect(notice.code).toBe('ORR601');
    expect(notice.message).toContain('version');
    expect(notice.message).toContain('kinds.echo.ask');
    expect(s.getState().contracts).toEqual(file);
  });

  it('new contracts start the violations over', () => {
    const s = store();
    s.getState().applyViolations({ violations: [violation('m1')], omitted: 0, counts: counts(1) });
    expect(s.getState().violations.order).toEqual(['m1']);
    s.getState().loadContracts(file);
    expect(s.getState().violations).toEqual(emptyViolations());
  });
});
