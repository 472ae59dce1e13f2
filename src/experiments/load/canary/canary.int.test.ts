/**
 * Canary releases in the deterministic simulation, with real AssemblyScript agents from
 * public/agents: a healthy canary (echo) is promoted; a broken one (a crasher, which answers
 * a query with not-understood) is rolled back, drains what it holds, and only then stops.
 * The hooks are wrapped to watch what the runner asks and reports; they decide nothing.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../../kernel/types';
import { createKindLibrary, loadLibraryKinds } from '../../../hosts/inProcess';
import { nodeAgentAssets } from '../../../hosts/node/nodeAgentAssets';
import { requireBuiltAgents } from '../../../hosts/node/requireBuiltAgents';
import { parseLoadExperiment } from '../experiment/parseLoadExperiment';
import { runSimulatedLoadExperiment } from '../run/runSimulatedLoadExperiment';
import type { CanaryView, LoadRunHooks } from '../run/types';
import { canaryHooks } from './canaryHooks';

requireBuiltAgents();
const library = createKindLibrary();
beforeAll(async () => {
  await loadLibraryKinds(library, nodeAgentAssets(), ['echo', 'crasher']);
});

const experiment = (canary: Record<string, unknown>, latencyAgents: Record<string, unknown> = {}) =>
  parseLoadExperiment({
    schema: 'orrery.load/1',
    name: 'canary',
    topology: { agents: [{ name: 'echo-1', kind: 'echo' }] },
    scenarios: {
      traffic: {
        executor: 'constant-arrival-rate',
        rate: 100,
        duration: '9s',
        preAllocatedVUs: 20,
        maxVUs: 100,
        target: 'echo-1',
        message: { performative: 'query-if', content: { n: '${scenarioIter}' } },
        timeout: '2s',
      },
    },
    latency: {
      link: { distribution: 'fixed', ms: 1 },
      agent: { distribution: 'lognormal', medianMs: 2, p99Ms: 10 },
      agents: latencyAgents,
    },
    canary: {
      stable: 'echo-1',
      stages: [
        { weight: 10, duration: '2s' },
        { weight: 50, duration: '2s' },
        { weight: 100, duration: '2s' },
      ],
      judge: { maxErrorRate: 0.01, maxP95Ms: 50, maxP95RatioToStable: 3, minRequests: 10 },
      drainTimeout: '5s',
      ...canary,
    },
  });

interface Watch {
  routedToCanary: { atMs: number }[];
  observed: { agent: string; ok: boolean; atMs: number }[];
  ticks: { atMs: number; inFlight: number; state: CanaryView['state']; commands: Command[] }[];
}

/** The canary's hooks, with every call the runner makes written down. */
function watched(hooks: LoadRunHooks, canary: string): { hooks: LoadRunHooks; watch: Watch } {
  const watch: Watch = { routedToCanary: [], observed: [], ticks: [] };
  return {
    watch,
    hooks: {
      ...hooks,
      route: (receiver, atMs, rng) => {
        const to = hooks.route!(receiver, atMs, rng);
        if (to === canary) watch.routedToCanary.push({ atMs });
        return to;
      },
      observe: (o) => {
        watch.observed.push({ agent: o.agent, ok: o.ok, atMs: o.atMs });
        hooks.observe!(o);
      },
      tick: (atMs, inFlight) => {
        const commands = hooks.tick!(atMs, inFlight);
        watch.ticks.push({ atMs, inFlight: inFlight(canary), state: hooks.view!().state, commands });
        return commands;
      },
    },
  };
}

describe('canary releases in simulation (real wasm)', () => {
  it('promotes a healthy canary stage by stage: 10, 50, then all the traffic', async () => {
    const e = experiment({ canary: { name: 'echo-1-canary', kind: 'echo' } });
    const { hooks, watch } = watched(canaryHooks(e.canary!, 1), 'echo-1-canary');
    const result = await runSimulatedLoadExperiment(e, { library, seed: 1, hooks });
    expect(result.canary).toMatchObject({ state: 'promoted', stage: 3, stages: 3, weight: 100 });
    expect(result.canary!.verdicts.map((v) => [v.weight, v.passed])).toEqual([
      [10, true],
      [50, true],
      [100, true],
    ]);
    const answered = watch.observed.filter((o) => o.agent === 'echo-1-canary');
    expect(answered.length).toBeGreaterThan(300);
    expect(answered.every((o) => o.ok)).toBe(true);
    const after = watch.observed.filter((o) => o.atMs > 7000);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((o) => o.agent === 'echo-1-canary')).toBe(true);
    expect(result.summary.annotations.map((a) => a.label)).toContain('canary promoted: 100 % to echo-1-canary');
    expect(result.totals.errors).toBe(0);
  });

  it('rolls back a canary that fails, drains what it holds, then stops it', async () => {
    // The crasher takes 300 ms per message here, so it holds requests when the verdict comes.
    const e = experiment({ canary: { name: 'echo-1-next', kind: 'crasher' } }, { 'echo-1-next': { distribution: 'fixed', ms: 300 } });
    const { hooks, watch } = watched(canaryHooks(e.canary!, 1), 'echo-1-next');
    const result = await runSimulatedLoadExperiment(e, { library, seed: 2, hooks });
    expect(result.canary).toMatchObject({ state: 'rolled-back', stage: 1, weight: 0 });
    expect(result.canary!.verdicts).toMatchObject([{ stage: 1, weight: 10, passed: false, canary: { errorRate: 1 } }]);
    expect(result.canary!.verdicts[0]!.reasons[0]).toMatch(/^error rate 100\.0 % > 1\.0 %/);

    const verdictAt = watch.ticks.find((t) => t.state === 'rolling-back')!.atMs;
    const stopTick = watch.ticks.find((t) => t.commands.length > 0)!;
    expect(stopTick.commands).toEqual([{ type: 'agent.stop', name: 'echo-1-next' }]);
    expect(watch.ticks.filter((t) => t.commands.length > 0)).toHaveLength(1);
    // Drained: it held requests after the verdict, answered them, and was stopped once it held none.
    expect(watch.ticks.some((t) => t.state === 'draining' && t.inFlight > 0)).toBe(true);
    expect(stopTick.inFlight).toBe(0);
    expect(stopTick.atMs - verdictAt).toBeLessThan(5000);
    const canaryAnswers = watch.observed.filter((o) => o.agent === 'echo-1-next');
    expect(canaryAnswers.some((o) => o.atMs > verdictAt)).toBe(true);
    expect(canaryAnswers.every((o) => o.atMs <= stopTick.atMs && o.ok === false)).toBe(true);
    // Weight 0 at once: nothing more went to the canary after the verdict; the stable answered the rest.
    expect(watch.routedToCanary.every((r) => r.atMs <= verdictAt)).toBe(true);
    const stableAfter = watch.observed.filter((o) => o.agent === 'echo-1' && o.atMs > verdictAt);
    expect(stableAfter.length).toBeGreaterThan(500);
    expect(stableAfter.every((o) => o.ok)).toBe(true);
    expect(result.summary.annotations.map((a) => a.label)).toEqual(
      expect.arrayContaining(['canary drained', 'canary rolled back: echo-1-next stopped']),
    );
  });

  it('the gallery’s canary-rollback.load.json rolls back at its first stage, and the load itself passes', async () => {
    const e = parseLoadExperiment(readFileSync('examples/canary-rollback.load.json', 'utf8'));
    const result = await runSimulatedLoadExperiment(e, { library, hooks: canaryHooks(e.canary!, e.seed ?? 1) });
    expect(result.canary).toMatchObject({ state: 'rolled-back', stage: 1, verdicts: [{ weight: 5, passed: false }] });
    expect(result.passed).toBe(true);
  });
});
