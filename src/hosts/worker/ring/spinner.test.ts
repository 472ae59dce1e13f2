import { describe, expect, it } from 'vitest';
import { Spinner, type SpinTarget } from './spinner';

/** A clock that moves 1 µs each time it is read; spins run when the test turns the loop. */
function rig(options: { spinUs?: number; waitUs?: number; busyUs?: number } = {}) {
  let t = 0;
  const afterTurn: Array<() => void> = [];
  const spinner = new Spinner({ spinUs: 10, waitUs: 0, ...options, now: () => (t += 0.001), yieldThen: (fn) => afterTurn.push(fn) });
  const turnLoop = () => afterTurn.splice(0).forEach((fn) => fn());
  return { spinner, turnLoop, afterTurn, advance: (ms: number) => (t += ms), now: () => t };
}

function target(hasInbound: () => boolean = () => false) {
  const t = { settled: 0, hasInbound, settle: () => void t.settled++ };
  return t satisfies SpinTarget;
}

describe('Spinner', () => {
  it('waits after a turn of the event loop, and settles every armed target once, whether the answer came or not', () => {
    const { spinner, turnLoop, afterTurn } = rig();
    const a = target();
    const b = target(() => true);
    expect(spinner.arm(a)).toBe(true);
    expect(spinner.arm(b)).toBe(true);
    expect(spinner.arm(a)).toBe(true);
    expect(afterTurn).toHaveLength(1);
    expect(a.settled).toBe(0);
    turnLoop();
    expect([a.settled, b.settled]).toEqual([1, 1]);
    expect(spinner.stats).toMatchObject({ spins: 1, found: 1 });
  });

  it('does not wait when the loop turn before it ran other work (the thread is busy)', () => {
    const { spinner, turnLoop, advance } = rig({ busyUs: 10 });
    const t = target(() => true);
    spinner.arm(t);
    advance(0.05); // a timer or a driver ran 50 µs in this turn
    turnLoop();
    expect(spinner.stats).toMatchObject({ spins: 0, busy: 1 });
    expect(t.settled).toBe(1);
    spinner.arm(t);
    turnLoop();
    expect(spinner.stats).toMatchObject({ spins: 1, found: 1, busy: 1 });
  });

  it('backs off after spins that found nothing (skipping 1, 2, 4 … chances) and resumes at once when one finds something', () => {
    const { spinner, turnLoop } = rig();
    let answer = false;
    const t = target(() => answer);
    const chances: boolean[] = [];
    const chance = () => {
      chances.push(spinner.arm(t));
      turnLoop();
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

  it('polls less when the answer only ever comes once it blocks, and in full again when polling finds it', () => {
    const { spinner, turnLoop, now } = rig({ spinUs: 8, waitUs: 20 });
    let answerAt = Infinity;
    const t = target(() => now() >= answerAt);
    const spinFor = (after: number) => {
      spinner.arm(t);
      answerAt = now() + after;
      turnLoop();
    };
    spinFor(0); // spin 0 is a probe: full poll, found at once
    expect(spinner.pollUs).toBe(8);
    spinFor(0.012); // found after the poll phase, while blocked
    expect(spinner.pollUs).toBe(4);
    spinFor(0.012);
    expect(spinner.pollUs).toBe(2);
    spinFor(0.012);
    expect(spinner.pollUs).toBe(0); // 1 µs is not worth starting a poll
    spinFor(0); // found before it blocked: polling pays again, in full
    expect(spinner.pollUs).toBe(8);
  });

  it('stops polling when it finds itself descheduled mid-poll, and blocks instead', () => {
    let t = 0;
    let reads = 0;
    let jumpFrom = Infinity;
    // 1 µs per reading, except from reading `jumpFrom` on: 200 µs (the thread lost its core).
    const now = () => (t += ++reads >= jumpFrom ? 0.2 : 0.001);
    let spin: (() => void) | undefined;
    const spinner = new Spinner({ spinUs: 30, waitUs: 0, now, yieldThen: (fn) => (spin = fn) });
    spinner.arm(target());
    jumpFrom = reads + 2; // the spin's first reading is on time, the poll's next one is not
    spin!();
    expect(spinner.stats).toMatchObject({ busy: 0, preempted: 1 });
    expect(spinner.pollUs).toBe(0);
  });

  it('reads the clock once per many looks at the ring, not once per look (each reading allocates a number)', () => {
    let t = 0;
    let readings = 0;
    let looks = 0;
    const now = () => {
      readings++;
      return (t += 0.001);
    };
    const spinner = new Spinner({ spinUs: 50, waitUs: 0, now, yieldThen: (fn) => fn() });
    spinner.arm(target(() => (looks++, false)));
    expect(spinner.stats).toMatchObject({ spins: 1, found: 0 });
    expect(readings).toBeGreaterThan(40); // the poll ran its 50 µs of this clock
    expect(looks / readings).toBeGreaterThan(16);
  });

  it('never waits when there is no time to', () => {
    const { spinner } = rig({ spinUs: 0, waitUs: 0 });
    expect(spinner.arm(target())).toBe(false);
  });
});
