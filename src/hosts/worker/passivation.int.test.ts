/**
 * Passivation in real worker_threads with real wasm agents: a small live-instance budget
 * (6 over 2 workers, 3 each) and many more agents. Every request is answered, kv survives
 * passivation (counters count right), crash / hang / slow faults still act, and nothing
 * deadlocks when more agents are busy than the budget allows. The kernel does not notice:
 * no crashes, no restarts, same instance numbers. `stats()` proves the budget held (the
 * test fails if passivation is removed: peak live instances would reach ~20 per worker).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AclMessage } from '../../protocol/message';
import { createNodeWorkbench, type NodeWorkbench } from '../node/createNodeWorkbench';
import { requireBuiltAgents } from '../node/requireBuiltAgents';

requireBuiltAgents();

const BUDGET = 6;
const WORKERS = 2;

const ask = (wb: NodeWorkbench, receiver: string, content: unknown, timeoutMs = 10_000, performative = 'request'): Promise<AclMessage> =>
  wb.request({ performative, receiver, content }, timeoutMs);

async function expectBudgetHeld(wb: NodeWorkbench): Promise<void> {
  const stats = await wb.host.stats();
  expect(stats.workers.filter((w) => !w.isolated)).toHaveLength(WORKERS);
  for (const w of stats.workers) {
    if (w.isolated) continue;
    expect(w.budget).toBe(BUDGET / WORKERS);
    expect(w.peakLive).toBeLessThanOrEqual(w.budget);
    expect(w.live).toBeLessThanOrEqual(w.budget);
    // Pooled memories: a worker never made more memories than its budget.
    expect(w.memories.created).toBeLessThanOrEqual(w.budget);
  }
}

describe('passivation under a small live-instance budget', () => {
  let wb: NodeWorkbench;
  beforeAll(async () => {
    wb = await createNodeWorkbench({
      kinds: ['echo', 'counter', 'crasher'],
      workers: WORKERS,
      liveInstances: BUDGET,
      watchdogIntervalMs: 10,
    });
  });
  afterAll(async () => {
    await wb?.dispose();
  });

  const echoes = Array.from({ length: 20 }, (_, i) => `echo-${i}`);
  const counters = Array.from({ length: 20 }, (_, i) => `counter-${i}`);

  it('deploys 40 agents, answers every interleaved request, and keeps kv across passivation', async () => {
    for (let i = 0; i < 20; i++) {
      await wb.command({ type: 'agent.deploy', spec: { name: echoes[i]!, kind: 'echo' } });
      await wb.command({ type: 'agent.deploy', spec: { name: counters[i]!, kind: 'counter' } });
    }
    await expect.poll(async () => (await wb.snapshot()).agents.filter((a) => a.status === 'running').length, { timeout: 10_000 }).toBe(40);
    const instances = new Map((await wb.snapshot()).agents.map((a) => [a.name, a.instance]));

    const ROUNDS = 4;
    for (let round = 1; round <= ROUNDS; round++) {
      // Interleaved: all 40 agents at once, echoes and counters alternating.
      const replies = await Promise.all(
        echoes.flatMap((e, i) => [ask(wb, e, { round, i }), ask(wb, counters[i]!, { action: 'increment' })]),
      );
      for (let i = 0; i < 20; i++) {
        expect(replies[2 * i]!.content).toEqual({ round, i });
        expect(replies[2 * i + 1]!.content).toEqual({ count: round });
      }
    }
    const counts = await Promise.all(counters.map((c) => ask(wb, c, { action: 'get' })));
    for (const r of counts) expect(r.content).toEqual({ count: ROUNDS });

    const stats = await wb.host.stats();
    expect(stats.passivations).toBeGreaterThan(0);
    expect(stats.activations).toBeGreaterThan(0);
    await expectBudgetHeld(wb);

    // The kernel never noticed: no crash, no restart, same instances, all running.
    expect(wb.runtime.log().some((e) => e.type === 'agent.crashed' || e.type === 'agent.restarted')).toBe(false);
    const snap = await wb.snapshot();
    for (const a of snap.agents) {
      expect(a.status).toBe('running');
      expect(a.instance).toBe(instances.get(a.name));
    }
  });

  it('does not deadlock when far more agents are busy than the budget allows', async () => {
    const PER_AGENT = 8;
    const all = [...echoes, ...counters];
    const replies = await Promise.all(
      all.flatMap((name) =>
        Array.from({ length: PER_AGENT }, (_, k) =>
          name.startsWith('echo') ? ask(wb, name, k, 20_000) : ask(wb, name, { action: 'increment' }, 20_000),
        ),
      ),
    );
    expect(replies.every((r) => r.performative === 'inform')).toBe(true);
    const counts = await Promise.all(counters.map((c) => ask(wb, c, { action: 'get' })));
    for (const r of counts) expect(r.content).toEqual({ count: 4 + PER_AGENT });
    await expectBudgetHeld(wb);
  });

  it('a crash still crashes: the agent restarts and answers, its kv intact', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'crash-me', kind: 'crasher' } });
    await expect.poll(async () => (await wb.snapshot()).agents.find((a) => a.name === 'crash-me')?.status).toBe('running');
    // Push it out of its instance, then crash it on activation's first message.
    await Promise.all(echoes.map((e) => ask(wb, e, 'evict')));
    const crashed = await ask(wb, 'crash-me', { action: 'crash' });
    expect(crashed.performative).toBe('failure');
    await expect.poll(async () => (await wb.snapshot()).agents.find((a) => a.name === 'crash-me')?.status).toBe('running');
    expect((await ask(wb, 'crash-me', { action: 'ping' })).content).toEqual({ pong: true });
    expect(wb.runtime.log().find((e) => e.type === 'agent.crashed' && e.agent === 'crash-me')).toMatchObject({
      reason: expect.stringContaining('unreachable'),
    });

    // An injected crash on a passivated counter: redelivered to the restarted instance, kv kept.
    await Promise.all(echoes.map((e) => ask(wb, e, 'evict')));
    await wb.command({
      type: 'chaos.inject',
      fault: { id: 'crash-c0', target: { agents: ['counter-0'] }, probability: 1, effect: { kind: 'crash' } },
    });
    expect((await ask(wb, 'counter-0', { action: 'increment' })).content).toEqual({ count: 4 + 8 + 1 });
    await wb.command({ type: 'chaos.clear', id: 'crash-c0' });
    await expectBudgetHeld(wb);
  });

  it('a hang on an activated instance is cut by the watchdog; then the agent answers again', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'hang-me', kind: 'echo', limits: { deadlineMs: 200 } } });
    await expect.poll(async () => (await wb.snapshot()).agents.find((a) => a.name === 'hang-me')?.status).toBe('running');
    await Promise.all(echoes.map((e) => ask(wb, e, 'evict')));
    await wb.command({
      type: 'chaos.inject',
      fault: { id: 'hang-h', target: { agents: ['hang-me'] }, probability: 1, effect: { kind: 'hang' } },
    });
    expect((await ask(wb, 'hang-me', 'after-hang', 15_000)).content).toBe('after-hang'); // redelivered after the watchdog
    expect(wb.runtime.log().find((e) => e.type === 'agent.crashed' && e.agent === 'hang-me')).toMatchObject({
      reason: 'deadline-exceeded',
    });
    // Everyone else still answers (bystanders in the terminated worker were restarted).
    const replies = await Promise.all([...echoes.map((e) => ask(wb, e, 'ok')), ...counters.map((c) => ask(wb, c, { action: 'get' }))]);
    expect(replies.every((r) => r.performative === 'inform')).toBe(true);
  });

  it('a standing slow fault survives passivation', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'slow-me', kind: 'echo' } });
    await expect.poll(async () => (await wb.snapshot()).agents.find((a) => a.name === 'slow-me')?.status).toBe('running');
    await wb.command({
      type: 'chaos.inject',
      fault: { id: 'slow-s', target: { agents: ['slow-me'] }, probability: 1, effect: { kind: 'slow', ms: 150 } },
    });
    const passivationsBefore = (await wb.host.stats()).passivations;
    await Promise.all(echoes.map((e) => ask(wb, e, 'evict')));
    expect((await wb.host.stats()).passivations).toBeGreaterThan(passivationsBefore);
    const t = performance.now();
    expect((await ask(wb, 'slow-me', 'slowly')).content).toBe('slowly');
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
    await wb.command({ type: 'chaos.clear', id: 'slow-s' });
  });
});
