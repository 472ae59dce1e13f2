/**
 * Supervision, limits and a chaos soak in the deterministic simulation, with real
 * AssemblyScript agents from public/agents (npm run build:agents).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../kernel/types';
import { createKindLibrary, createSimulation, loadLibraryKinds, type Simulation } from '../../hosts/inProcess';
import { nodeAgentAssets } from '../../hosts/node/nodeAgentAssets';
import { requireBuiltAgents } from '../../hosts/node/requireBuiltAgents';
import { echoSoak } from './examples';
import { runSimulatedExperiment } from './runSimulatedExperiment';

requireBuiltAgents();
const library = createKindLibrary();
beforeAll(async () => {
  await loadLibraryKinds(library, nodeAgentAssets(), ['echo', 'counter', 'crasher', 'spinner']);
});

const of = <T extends KernelEvent['type']>(sim: Simulation, type: T, agent?: string) =>
  sim
    .log()
    .filter(
      (e): e is Extract<KernelEvent, { type: T }> => e.type === type && (agent === undefined || (e as { agent?: string }).agent === agent),
    );
const status = (sim: Simulation, name: string) => sim.snapshot().agents.find((a) => a.name === name)?.status;

describe('supervision and limits in simulation (real wasm)', () => {
  it('crash during init: a crash like any other (as in the worker pool), restarted until the top-level supervisor gives up', async () => {
    const sim = createSimulation({ seed: 1, library });
    sim.command({ type: 'agent.deploy', spec: { name: 'c', kind: 'crasher', config: { crash_on_init: true } } });
    await sim.runUntilIdle(60_000);
    expect(status(sim, 'c')).toBe('failed');
    const crashes = of(sim, 'agent.crashed', 'c');
    expect(crashes).toHaveLength(6); // TOP_LEVEL_SUPERVISOR: more than 5 restarts in 10 s
    for (const crash of crashes) expect(crash.reason).toMatch(/^trap during init/);
    expect(of(sim, 'agent.backoff', 'c')).toHaveLength(5);
    expect(of(sim, 'agent.status', 'c').at(-1)?.reason).toMatch(/restart intensity exceeded.*trap during init/);
  });

  it('crash during handling: crashed, restarted after a backoff, the requester answered once', async () => {
    const sim = createSimulation({ seed: 2, library });
    sim.command({ type: 'agent.deploy', spec: { name: 'c', kind: 'crasher', redelivery: 'never' } });
    await sim.runUntilIdle();
    sim.send({ performative: 'request', receiver: 'c', content: { action: 'crash' }, reply_with: 'r1' });
    await sim.runUntilIdle(60_000);
    expect(of(sim, 'agent.crashed', 'c')).toMatchObject([{ reason: expect.stringMatching(/^trap: /) }]);
    expect(of(sim, 'agent.backoff', 'c')).toHaveLength(1);
    expect(of(sim, 'agent.restarted', 'c')).toHaveLength(1);
    expect(status(sim, 'c')).toBe('running');
    const answers = sim.log().filter((e) => e.type === 'message.sent' && e.message.in_reply_to === 'r1');
    expect(answers).toMatchObject([{ message: { performative: 'failure', content: { reason: 'agent-crashed' } } }]);
  });

  it('5 crashes in 1 s: restarts with growing backoff, then the group gives up and escalates', async () => {
    const sim = createSimulation({ seed: 3, library });
    sim.command({
      type: 'group.create',
      spec: { name: 'g', strategy: 'one_for_one', intensity: 3, periodMs: 1000, backoff: { minMs: 10, maxMs: 1000, randomFactor: 0 } },
    });
    sim.command({ type: 'agent.deploy', spec: { name: 'c', kind: 'crasher', group: 'g', redelivery: 'never' } });
    await sim.runUntilIdle();
    const start = sim.now();
    for (let i = 0; i < 5; i++) {
      await sim.advanceTo(start + i * 200);
      sim.send({ performative: 'request', receiver: 'c', content: { action: 'crash' } });
    }
    await sim.runUntilIdle(start + 5_000);
    const backoffs = of(sim, 'agent.backoff', 'c');
    expect(backoffs.length).toBe(3);
    expect(backoffs.map((b) => b.delayMs)).toEqual([...backoffs.map((b) => b.delayMs)].sort((a, b) => a - b));
    expect(of(sim, 'group.escalated')).toMatchObject([{ group: 'g', reason: expect.stringContaining('4 restarts within 1000 ms') }]);
    expect(status(sim, 'c')).toBe('failed');
  });

  it('memory cap: alloc past limits.memoryPages traps; the supervisor restarts the agent', async () => {
    const sim = createSimulation({ seed: 4, library });
    sim.command({ type: 'agent.deploy', spec: { name: 'm', kind: 'spinner', limits: { memoryPages: 4 }, redelivery: 'never' } });
    await sim.runUntilIdle();
    sim.send({ performative: 'request', receiver: 'm', content: { action: 'alloc', pages: 1 }, reply_with: 'ok' });
    sim.send({ performative: 'request', receiver: 'm', content: { action: 'alloc', pages: 64 }, reply_with: 'big' });
    await sim.runUntilIdle(60_000);
    const answer = (tag: string) => sim.log().find((e) => e.type === 'message.sent' && e.message.in_reply_to === tag);
    expect(answer('ok')).toMatchObject({ message: { performative: 'inform' } });
    expect(answer('big')).toMatchObject({ message: { performative: 'failure', content: { reason: 'agent-crashed' } } });
    expect(of(sim, 'agent.crashed', 'm')[0]?.reason).toMatch(/^trap: /);
    expect(of(sim, 'agent.restarted', 'm')).toHaveLength(1);
  });
});

describe('chaos soak (30 s virtual, real echo agents)', () => {
  it('drop 30%, duplicate 10% on at-least-once links, a kill every second: every request answered exactly once; same seed, same hash', async () => {
    const experiment = echoSoak({ faultMs: 30_000, drop: 0.3, duplicate: 0.1, killEveryMs: 1000, ratePerSecond: 100 });
    const t = performance.now();
    const a = await runSimulatedExperiment(experiment, { seed: 42, library });
    const wall = performance.now() - t;
    const b = await runSimulatedExperiment(experiment, { seed: 42, library });
    console.log(
      `soak: ${a.virtualMs} virtual ms in ${Math.round(wall)} wall ms (×${Math.round(a.virtualMs / wall)}), ${a.counts.events} events, hash ${a.hash}`,
    );
    expect(a.errors).toEqual([]);
    expect(a.failures).toEqual([]);
    expect(a.pass).toBe(true);
    // Precisely: every request sent has exactly one distinct answer (reply or kernel failure), none lost.
    expect(a.counts.lost).toBe(0);
    expect(a.counts.answeredTwice).toBe(0);
    expect(a.counts.answered).toBe(a.counts.requests);
    expect(a.counts.requests).toBeGreaterThan(3000);
    expect(a.counts.faultsApplied['kill']).toBe(30);
    expect(a.counts.faultsApplied['drop']).toBeGreaterThan(1000);
    expect(a.counts.faultsApplied['duplicate']).toBeGreaterThan(100);
    expect(a.timeline.filter((e) => e.kind === 'agent.restarted')).toHaveLength(30);
    expect(b.hash).toBe(a.hash);
    expect(wall).toBeLessThan(10_000);
  });
});
