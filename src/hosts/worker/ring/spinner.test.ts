import { describe, expect, it } from 'vitest';
import { Spinner, type SpinTarget } from './spinner';

/** A clock that moves 1 µs each time it is read, and deferred spins run when the test says. */
function rig(options: { spinUs?: number; waitUs?: number; chainMs?: number } = {}) {
  let t = 0;
  const deferred: Array<() => void> = [];
  const afterTurn: Array<() => void> = [];
  const spinner = new Spinner({
    spinUs: 10,
    waitUs: 0,
    chainMs: 1,
    ...options,
    now: () => (t += 0.001),
    defer: (fn) => deferred.push(fn),
    yieldThen: (fn) => afterTurn.push(fn),
  });
  spinner.turned();
  const run = () => deferred.splice(0).forEach((fn) => fn());
  const turnLoop = () => afterTurn.splice(0).forEach((fn) => fn());
  return { spinner, run, turnLoop, deferred, advance: (ms: number) => (t += ms), now: () => t };
}

function target(hasInbound: () => boolean = () => false) {
  const t = { settled: 0, hasInbound, settle: () => void t.settled++ };
  return t satisfies SpinTarget;
}

describe('Spinner', () => {
  it('settles every armed target once after one spin, whether the answer came or not', () => {
    const { spinner, run } = rig();
    const a = target();
    const b = target(() => true);
    expect(spinner.arm(a)).toBe(true);
    expect(spinner.arm(b)).toBe(true);
    expect(spinner.arm(a)).toBe(true);
    run();
    expect([a.settled, b.settled]).toEqual([1, 1]);
    expect(spinner.stats).toMatchObject({ spins: 1, found: 1 });
  });

  it('backs off after spins that found nothing (skipping 1, 2, 4 … chances) and resumes at once when one finds something', () => {
    const { spinner, run } = rig();
    let answer = false;
    const t = target(() => answer);
    const chances: boolean[] = [];
    const chance = () => {
      const armed = spinner.arm(t);
      chances.push(armed);
      spinner.turned();
      run();
    };
    for (let i = 0; i < 10; i++) chance();
    // miss, miss → skip 1; miss, miss → skip 2; miss, miss → skip 4 …
    expect(chances).toEqual([true, true, false, true, true, false, false, true, true, false]);
    for (let i = 0; i < 3; i++) chance(); // still skipping (4 in all)
    answer = true;
    chance();
    expect(chances.at(-1)).toBe(true);
    answer = false;
    chance();
    chance();
    expect(chances.slice(-3)).toEqual([true, true, true]);
    expect(spinner.stats.skipped).toBe(7);
  });

  it('lets the event loop turn before spinning once a chain has gone on longer than chainMs', () => {
    const { spinner, advance, deferred, turnLoop } = rig({ chainMs: 1 });
    const t = target(() => true);
    advance(2);
    expect(spinner.arm(t)).toBe(true);
    expect(deferred).toHaveLength(0); // not in this task's microtasks
    expect(spinner.stats.chainBreaks).toBe(1);
    turnLoop();
    expect(t.settled).toBe(1);
    // The turn started a new chain: the next spin is a microtask again.
    expect(spinner.arm(t)).toBe(true);
    expect(deferred).toHaveLength(1);
  });

  it('stops polling when it finds itself descheduled mid-poll, and blocks instead', () => {
    let t = 0;
    let jump = false;
    const spinner = new Spinner({
      spinUs: 30,
      waitUs: 0,
      now: () => (t += jump ? 0.2 : 0.001),
      defer: (fn) => fn(),
    });
    spinner.turned();
    jump = true; // every reading of the clock now comes 200 µs after the last
    spinner.arm(target());
    expect(spinner.stats.preempted).toBe(1);
    expect(spinner.pollUs).toBe(0);
  });

  it('polls less when the answer only ever comes once it blocks, and in full again when polling finds it', () => {
    const { spinner, run, now } = rig({ spinUs: 8, waitUs: 20 });
    let answerAt = Infinity;
    const t = target(() => now() >= answerAt);
    const spinFor = (after: number) => {
      answerAt = now() + after;
      spinner.turned();
      spinner.arm(t);
      run();
    };
    spinFor(0); // spin 0 is a probe: full poll, found at once
    expect(spinner.pollUs).toBe(8);
    spinFor(0.012); // found after the poll phase, while blocked
    expect(spinner.pollUs).toBe(4);
    spinFor(0.012);
    expect(spinner.pollUs).toBe(2);
    spinFor(0.012);
    expect(spinner.pollUs).toBe(0); // 1 µs is not worth starting a poll
    spinFor(0.012);
    expect(spinner.pollUs).toBe(0);
    spinFor(0); // found while polling: back to the full poll
    expect(spinner.pollUs).toBe(8);
  });

  it('never spins when there is no time to spin', () => {
    const { spinner } = rig({ spinUs: 0, waitUs: 0 });
    expect(spinner.arm(target())).toBe(false);
  });
});
