/**
 * Chaos `fault` effects carried out by the worker runtime, in real worker_threads:
 * crash traps on the next message, hang spins until the watchdog acts, slow delays
 * every handle, and both come back as crashes the kernel supervises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AclMessage } from '../../protocol/message';
import { createNodeWorkbench, type NodeWorkbench } from '../node/createNodeWorkbench';
import { requireBuiltAgents } from '../node/requireBuiltAgents';

requireBuiltAgents();

const ask = (wb: NodeWorkbench, receiver: string, content: unknown, timeoutMs = 5000): Promise<AclMessage> =>
  wb.request({ performative: 'request', receiver, content }, timeoutMs);

describe('worker runtime: chaos faults', () => {
  let wb: NodeWorkbench;
  beforeAll(async () => {
    wb = await createNodeWorkbench({ kinds: ['echo'], workers: 2 });
  });
  afterAll(async () => {
    await wb?.dispose();
  });

  it('crash: the next message traps; it is redelivered to the restarted instance and answered', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'c1', kind: 'echo' } });
    expect((await ask(wb, 'c1', 1)).content).toBe(1);
    await wb.command({
      type: 'chaos.inject',
      fault: { id: 'crash-c1', target: { agents: ['c1'] }, probability: 1, effect: { kind: 'crash' } },
    });
    expect((await ask(wb, 'c1', 2)).content).toBe(2);
    const log = wb.runtime.log();
    expect(log.find((e) => e.type === 'agent.crashed' && e.agent === 'c1')).toMatchObject({
      reason: expect.stringContaining('injected crash'),
    });
    expect(log.some((e) => e.type === 'message.redelivered')).toBe(true);
  });

  it('hang: the handler spins until the watchdog terminates the worker; then it answers again', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'h1', kind: 'echo', limits: { deadlineMs: 200 }, isolated: true } });
    expect((await ask(wb, 'h1', 1)).content).toBe(1);
    await wb.command({
      type: 'chaos.inject',
      fault: { id: 'hang-h1', target: { agents: ['h1'] }, probability: 1, effect: { kind: 'hang' } },
    });
    expect((await ask(wb, 'h1', 2, 10_000)).content).toBe(2); // redelivered once, after the watchdog
    expect(wb.runtime.log().find((e) => e.type === 'agent.crashed' && e.agent === 'h1')).toMatchObject({ reason: 'deadline-exceeded' });
  });

  it('slow: every handle waits, until cleared', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 's1', kind: 'echo' } });
    expect((await ask(wb, 's1', 0)).content).toBe(0);
    await wb.command({
      type: 'chaos.inject',
      fault: { id: 'slow-s1', target: { agents: ['s1'] }, probability: 1, effect: { kind: 'slow', ms: 150 } },
    });
    let t = performance.now();
    await ask(wb, 's1', 1);
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
    await wb.command({ type: 'chaos.clear', id: 'slow-s1' });
    t = performance.now();
    await ask(wb, 's1', 2);
    expect(performance.now() - t).toBeLessThan(140);
  });
});
