import { describe, expect, it } from 'vitest';
import type { Effect } from '../../kernel/types';
import { HostOutbox } from './hostOutbox';

const kill = (n: number): Effect => ({ type: 'kill', agent: `a${n}`, instance: n });

/** An outbox whose deadline fires only when the test says so. */
function outbox(maxBatch: number) {
  const batches: Effect[][] = [];
  const deadlines: Array<() => void> = [];
  const box = new HostOutbox((effects) => batches.push([...effects]), { maxBatch, defer: (flush) => deadlines.push(flush) });
  const fireDeadline = () => deadlines.shift()?.();
  return { box, batches, deadlines, fireDeadline };
}

describe('HostOutbox', () => {
  it('holds a partial batch until its deadline, then hands it over whole', () => {
    const { box, batches, deadlines, fireDeadline } = outbox(10);
    box.batch(() => box.push(kill(1)));
    box.batch(() => box.push(kill(2)));
    expect(batches).toEqual([]);
    expect(deadlines).toHaveLength(1); // one deadline per batch, not per call
    fireDeadline();
    expect(batches).toEqual([[kill(1), kill(2)]]);
  });

  it('hands over a full batch at once, without waiting for the deadline', () => {
    const { box, batches, fireDeadline } = outbox(3);
    for (let i = 1; i <= 7; i++) box.batch(() => box.push(kill(i)));
    expect(batches).toEqual([
      [kill(1), kill(2), kill(3)],
      [kill(4), kill(5), kill(6)],
    ]);
    fireDeadline();
    expect(batches.at(-1)).toEqual([kill(7)]);
  });

  it('keeps every effect in order across batches and deadlines', () => {
    const { box, batches, deadlines, fireDeadline } = outbox(4);
    const expected: Effect[] = [];
    for (let i = 1; i <= 30; i++) {
      box.batch(() => {
        box.push(kill(i));
        expected.push(kill(i));
      });
      if (i % 7 === 0) fireDeadline();
    }
    while (deadlines.length > 0) fireDeadline();
    expect(batches.flat()).toEqual(expected);
  });

  it('nested batches settle once, at the outermost', () => {
    const { box, batches, deadlines } = outbox(2);
    box.batch(() => {
      box.push(kill(1));
      box.batch(() => box.push(kill(2)));
      box.push(kill(3));
      expect(batches).toEqual([]); // still inside: nothing goes mid-step
    });
    expect(batches).toEqual([[kill(1), kill(2), kill(3)]]);
    expect(deadlines).toHaveLength(0);
  });

  it('by default the deadline is the end of the current task', async () => {
    const batches: Effect[][] = [];
    const box = new HostOutbox((effects) => batches.push([...effects]));
    box.batch(() => box.push(kill(1)));
    box.batch(() => box.push(kill(2)));
    expect(batches).toEqual([]);
    await Promise.resolve();
    expect(batches).toEqual([[kill(1), kill(2)]]);
  });
});
