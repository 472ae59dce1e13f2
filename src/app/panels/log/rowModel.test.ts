import { describe, expect, it } from 'vitest';
import type { AclMessage } from '../../../protocol/message';
import { EMPTY_FILTER, type LogFilter } from './messageViewSlice';
import { reduceEvents } from '../../store/reduceEvents';
import { initialData } from '../../store/createWorkbenchStore';
import type { KernelEvent } from '../../../kernel/types';
import type { LogRow } from '../../store/types';
import { createRowModel, rowAt } from './rowModel';

function row(i: number, over: Partial<AclMessage> = {}): LogRow {
  const message: AclMessage = {
    id: `m${i}`,
    performative: i % 2 ? 'inform' : 'request',
    sender: i % 3 ? 'you' : 'echo-1',
    receiver: i % 3 ? 'echo-1' : 'you',
    content: { n: i },
    sent_at: i,
    conversation_id: `c${i % 5}`,
    ...over,
  };
  return {
    key: message.id,
    seq: i,
    t: i,
    performative: message.performative,
    sender: message.sender,
    receiver: String(message.receiver),
    content: JSON.stringify(message.content),
    outcome: 'delivered',
    message,
  };
}

const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => row(from + i));
const f = (patch: Partial<LogFilter>): LogFilter => ({ ...EMPTY_FILTER, ...patch });
const keys = (view: ReturnType<ReturnType<typeof createRowModel>['view']>) =>
  Array.from({ length: view.length }, (_, i) => rowAt(view, i)!.key);

describe('the log row model', () => {
  it('shows every row when nothing is filtered, without copying', () => {
    const all = rows(10);
    const view = createRowModel().view(all, 0, EMPTY_FILTER);
    expect(view.matches).toBeNull();
    expect(view.length).toBe(10);
    expect(rowAt(view, 3)).toBe(all[3]);
  });

  it('each filter narrows the rows', () => {
    const all = rows(30);
    const model = () => createRowModel();
    expect(model().view(all, 0, f({ performative: 'inform' })).length).toBe(15);
    expect(model().view(all, 0, f({ conversation: 'c2' })).length).toBe(6);
    // echo-1 is sender or receiver of every row; 'you' likewise.
    expect(model().view(all, 0, f({ agent: 'echo-1' })).length).toBe(30);
    expect(keys(model().view(all, 0, f({ text: '"n":17}' })))).toEqual(['m17']);
    expect(model().view(all, 0, f({ agent: 'nobody' })).length).toBe(0);
    expect(keys(model().view(all, 0, f({ performative: 'request', conversation: 'c0' })))).toEqual(['m0', 'm10', 'm20']);
  });

  it('matches list receivers and is case-insensitive in free text', () => {
    const all = [row(1, { receiver: ['a', 'b'] }), row(2, { content: { text: 'Hello' } })];
    expect(createRowModel().view(all, 0, f({ agent: 'b' })).length).toBe(1);
    expect(keys(createRowModel().view(all, 0, f({ text: 'hello' })))).toEqual(['m2']);
  });

  it('scans only the new rows of a batch and keeps the view stable when nothing changed', () => {
    const model = createRowModel();
    const filter = f({ performative: 'inform' });
    const first = rows(10);
    const v1 = model.view(first, 0, filter);
    expect(model.view(first, 0, filter)).toBe(v1);
    const second = [...first, ...rows(10, 10)];
    const v2 = model.view(second, 0, filter);
    expect(v2.length).toBe(10);
    expect(v1.length).toBe(5);
    // Dropping rows from the front removes their matches.
    const v3 = model.view(second.slice(4), 4, filter);
    expect(keys(v3)[0]).toBe('m5');
    expect(v3.length).toBe(8);
  });

  it('tests each row once: a 300-row batch on 100k filtered rows scans those 300', () => {
    const model = createRowModel();
    const filter = f({ text: 'echo', performative: 'inform' });
    const big = rows(100_000);
    const v = model.view(big, 0, filter);
    expect(v.length).toBe(50_000);
    expect(model.scanned).toBe(100_000);
    // The store appends in place: the same array, longer.
    big.push(...rows(300, 100_000));
    expect(model.view(big, 0, filter).length).toBe(50_150);
    expect(model.scanned).toBe(100_300);
    // A patched row (same slot, new object) is not tested again.
    big[5] = { ...big[5]!, outcome: 'failed' };
    model.view(big, 0, filter);
    expect(model.scanned).toBe(100_300);
    // Dropping rows from the front scans nothing.
    big.splice(0, 5_000);
    expect(model.view(big, 5_000, filter).length).toBe(47_650);
    expect(model.scanned).toBe(100_300);
  });

  it('ends a paused view where it was paused', () => {
    const model = createRowModel();
    const all = rows(20);
    expect(model.view(all, 0, EMPTY_FILTER, 8).length).toBe(8);
    const filter = f({ performative: 'inform' });
    expect(keys(model.view(all, 0, filter, 8))).toEqual(['m1', 'm3', 'm5', 'm7']);
    expect(model.view(all, 0, filter).length).toBe(10);
    expect(model.view(all, 0, filter, 8).length).toBe(4);
  });
});

describe('the reducer at 100k rows', () => {
  it('appends in place: a batch copies neither the rows nor the id index', () => {
    let state = { ...initialData() } as ReturnType<typeof initialData>;
    let seq = 0;
    const sent = (i: number): KernelEvent =>
      ({
        seq: seq++,
        t: i,
        type: 'message.sent',
        message: { id: `m${i}`, performative: 'inform', sender: 'you', receiver: 'a', content: null, sent_at: i },
      }) as KernelEvent;
    const { rows: firstRows, rowById } = state;
    for (let b = 0; b < 100; b++) {
      const batch = Array.from({ length: 1000 }, (_, i) => sent(b * 1000 + i));
      state = { ...state, ...reduceEvents(state, batch) };
    }
    expect(state.rows.length).toBe(100_000);
    const version = state.logVersion;
    for (let b = 0; b < 10; b++) {
      const batch: KernelEvent[] = [];
      for (let i = 0; i < 150; i++) {
        const n = 200_000 + b * 150 + i;
        batch.push(sent(n), { seq: seq++, t: n, type: 'message.delivered', messageId: `m${n}`, to: 'a' } as KernelEvent);
      }
      state = { ...state, ...reduceEvents(state, batch) };
    }
    expect(state.rows).toBe(firstRows);
    expect(state.rowById).toBe(rowById);
    // One version per batch that changed the rows.
    expect(state.logVersion).toBe(version + 10);
    const last = state.rows[state.rows.length - 1]!;
    expect(last.outcome).toBe('delivered');
    expect(state.rowById.get(last.key)! - state.droppedRows).toBe(state.rows.length - 1);
  });
});
