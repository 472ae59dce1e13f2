import { describe, expect, it } from 'vitest';
import { createRealSchedule } from './realSchedule';

describe('createRealSchedule', () => {
  it('runs zero-delay work in order, before a 1 ms timer', async () => {
    const schedule = createRealSchedule();
    const order: string[] = [];
    schedule.setTimeout(() => order.push('timer'), 1);
    schedule.setTimeout(() => order.push('a'), 0);
    schedule.setTimeout(() => order.push('b'), 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['a', 'b', 'timer']);
  });

  it('cancels both kinds', async () => {
    const schedule = createRealSchedule();
    const ran: string[] = [];
    schedule.clearTimeout(schedule.setTimeout(() => ran.push('now'), 0));
    schedule.clearTimeout(schedule.setTimeout(() => ran.push('later'), 2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toEqual([]);
  });

  it('reschedules itself 200 times before a 50 ms timer fires (no per-task clamp)', async () => {
    const schedule = createRealSchedule();
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      globalThis.setTimeout(() => {
        order.push('50 ms timer');
        resolve();
      }, 50);
      let n = 0;
      const tick = () => (++n === 200 ? order.push('200 reschedules') : schedule.setTimeout(tick, 0));
      schedule.setTimeout(tick, 0);
    });
    // With setTimeout(0) underneath, Node's 1 ms clamp would make the loop take ≥ 200 ms.
    expect(order).toEqual(['200 reschedules', '50 ms timer']);
  });
});
