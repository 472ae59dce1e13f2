import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AclMessage } from '../protocol/message';
import { createManualClock } from './clock';
import { Correlation } from './state/correlation';
import { MessageQueue } from './state/messageQueue';
import { createSeededRng } from './rng';

const msg = (id: string, extra: Partial<AclMessage> = {}): AclMessage => ({
  id,
  performative: 'inform',
  sender: 'a',
  receiver: 'b',
  content: null,
  sent_at: 0,
  ...extra,
});

describe('createManualClock', () => {
  it('moves only forward, when told', () => {
    const clock = createManualClock(5);
    expect(clock.now()).toBe(5);
    expect(clock.advance(10)).toBe(15);
    clock.set(20);
    expect(clock.now()).toBe(20);
    expect(() => clock.set(19)).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

describe('createSeededRng', () => {
  it('is deterministic per seed, in [0, 1), and seeds differ', () => {
    const a = createSeededRng(42);
    const b = createSeededRng(42);
    const c = createSeededRng(43);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
    const ints = Array.from({ length: 1000 }, () => a.int(6));
    expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
  });
});

describe('MessageQueue', () => {
  it('behaves like an array under push, unshift, drop and removeAt (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const) }),
      fc.record({ kind: fc.constant('unshift' as const) }),
      fc.record({ kind: fc.constant('drop' as const) }),
      fc.record({ kind: fc.constant('removeAt' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const queue = new MessageQueue();
        const model: [string, string][] = [];
        let n = 0;
        for (const o of ops) {
          if (o.kind === 'push' || o.kind === 'unshift') {
            const id = `m${n++}`;
            queue[o.kind](msg(id), `l${id}`);
            model[o.kind]([id, `l${id}`]);
          } else if (model.length > 0) {
            const i = o.kind === 'drop' ? 0 : o.at % model.length;
            if (o.kind === 'drop') queue.drop();
            else queue.removeAt(i);
            model.splice(i, 1);
          }
          expect(queue.length).toBe(model.length);
        }
        expect(queue.toArray().map((m, i) => [m.id, queue.linkAt(i)])).toEqual(model);
        for (const [i, [id]] of model.entries()) expect(queue.indexOf(id)).toBe(i);
      }),
    );
  });
});

describe('Correlation', () => {
  it('takes due requests in (deadline, registration) order and skips settled ones (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 50 }), settle: fc.boolean() }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (reqs, now) => {
          const c = new Correlation();
          reqs.forEach((r, i) => c.register(msg(`m${i}`, { reply_with: `r${i}`, reply_by: r.at })));
          reqs.forEach((r, i) => r.settle && expect(c.settle('a', `r${i}`)).toBe('settled'));
          const expected = reqs
            .map((r, i) => ({ ...r, i }))
            .filter((r) => !r.settle && r.at <= now)
            .sort((x, y) => x.at - y.at || x.i - y.i)
            .map((r) => `r${r.i}`);
          expect(c.takeDue(now).map((p) => p.replyWith)).toEqual(expected);
          const rest = reqs.filter((r) => !r.settle && r.at > now).map((r) => r.at);
          expect(c.next()).toBe(rest.length ? Math.min(...rest) : undefined);
        },
      ),
    );
  });
});
