import { describe, expect, it } from 'vitest';
import { PostGate, type GateTimers } from './postGate';

/** A gate over a list of written items; `expectsAnswer` says whether a posted batch awaits one. */
function gate(expectsAnswer = true) {
  const written: string[] = [];
  const posted: string[][] = [];
  const due: Array<{ fn: () => void; cancelled: boolean }> = [];
  const timers: GateTimers = {
    setTimeout: (fn) => {
      const timer = { fn, cancelled: false };
      due.push(timer);
      return timer;
    },
    clearTimeout: (timer) => {
      (timer as { cancelled: boolean }).cancelled = true;
    },
  };
  const g = new PostGate(() => {
    if (written.length === 0) return false;
    posted.push(written.splice(0));
    return expectsAnswer;
  }, timers);
  const write = (item: string) => {
    written.push(item);
    g.written();
  };
  const fireDeadline = () => {
    const timer = due.shift();
    if (timer && !timer.cancelled) timer.fn();
  };
  return { g, write, posted, due, fireDeadline };
}

describe('PostGate', () => {
  it('posts at once when nothing is outstanding', () => {
    const { write, posted } = gate();
    write('a');
    expect(posted).toEqual([['a']]);
  });

  it('holds what is written while an answer is awaited, and sends it whole with the answer', () => {
    const { g, write, posted } = gate();
    write('a');
    write('b');
    write('c');
    expect(posted).toEqual([['a']]);
    g.answered();
    expect(posted).toEqual([['a'], ['b', 'c']]);
  });

  it('flushes a held partial batch at its deadline when no answer comes', () => {
    const { write, posted, due, fireDeadline } = gate();
    write('a');
    write('b');
    expect(due.filter((t) => !t.cancelled)).toHaveLength(1);
    write('c'); // one deadline per held batch
    expect(due.filter((t) => !t.cancelled)).toHaveLength(1);
    fireDeadline();
    expect(posted).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps one deadline armed across held batches: a later batch waits no longer than the hold', () => {
    const { g, write, posted, due, fireDeadline } = gate();
    write('a');
    write('b');
    g.answered();
    write('c'); // held again: the deadline armed for 'b' still runs, and serves
    write('d');
    expect(due).toHaveLength(1);
    expect(due[0]!.cancelled).toBe(false);
    fireDeadline();
    expect(posted).toEqual([['a'], ['b'], ['c', 'd']]);
    // Nothing held when a deadline fires: it posts nothing.
    g.answered();
    write('e');
    expect(posted).toEqual([['a'], ['b'], ['c', 'd'], ['e']]);
  });

  it('clears its deadline when disposed', () => {
    const { g, write, due } = gate();
    write('a');
    write('b');
    g.dispose();
    expect(due[0]!.cancelled).toBe(true);
  });

  it('keeps the order of everything written across answers, deadlines and forced posts', () => {
    const { g, write, posted, fireDeadline } = gate();
    const expected: string[] = [];
    for (let i = 0; i < 40; i++) {
      write(`m${i}`);
      expected.push(`m${i}`);
      if (i % 5 === 0) g.answered();
      if (i % 7 === 0) fireDeadline();
      if (i % 11 === 0) g.force();
    }
    g.force();
    expect(posted.flat()).toEqual(expected);
  });

  it('a batch that expects no answer (kills, faults) never holds the next one', () => {
    const { write, posted } = gate(false);
    write('kill');
    write('fault');
    expect(posted).toEqual([['kill'], ['fault']]);
  });
});
