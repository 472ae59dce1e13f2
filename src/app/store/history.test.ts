import { describe, expect, it } from 'vitest';
import { combine, emptyHistory, nextRedo, nextUndo, record, redone, undone, type HistoryEntry } from './history';

const entry = (n: number): HistoryEntry => ({
  label: `edit ${n}`,
  forward: { commands: [{ type: 'topic.create', name: `t${n}` }], positions: { [`t${n}`]: { x: n, y: n } } },
  backward: { commands: [{ type: 'node.remove', name: `t${n}` }] },
});

describe('undo history', () => {
  it('undoes and redoes in order, and a new edit clears what could be redone', () => {
    let h = record(record(emptyHistory(), entry(1)), entry(2));
    expect(nextUndo(h)?.label).toBe('edit 2');
    h = undone(h);
    expect(nextUndo(h)?.label).toBe('edit 1');
    expect(nextRedo(h)?.label).toBe('edit 2');
    h = redone(h);
    expect(nextRedo(h)).toBeUndefined();
    h = undone(undone(h));
    expect(nextUndo(h)).toBeUndefined();
    expect(undone(h)).toBe(h);
    h = record(h, entry(3));
    expect(h.future).toEqual([]);
    expect(h.past.map((e) => e.label)).toEqual(['edit 3']);
  });

  it('keeps at most the limit, dropping the oldest', () => {
    let h = emptyHistory();
    for (let i = 0; i < 5; i++) h = record(h, entry(i), 3);
    expect(h.past.map((e) => e.label)).toEqual(['edit 2', 'edit 3', 'edit 4']);
  });

  it('combines entries: forward in order, backward reversed', () => {
    const c = combine('both', [entry(1), entry(2)]);
    expect(c.forward.commands.map((x) => (x as { name: string }).name)).toEqual(['t1', 't2']);
    expect(c.backward.commands.map((x) => (x as { name: string }).name)).toEqual(['t2', 't1']);
    expect(c.forward.positions).toEqual({ t1: { x: 1, y: 1 }, t2: { x: 2, y: 2 } });
    expect(c.backward.positions).toBeUndefined();
  });
});
