/**
 * The same runner on the live runtime: real time, real worker_threads (createNodeWorkbench).
 * Also the CPU deadline: a spinning agent is cut off by the watchdog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../kernel/types';
import { createNodeWorkbench, type NodeWorkbench } from '../../hosts/node/createNodeWorkbench';
import { requireBuiltAgents } from '../../hosts/node/requireBuiltAgents';
import { createRealClock } from '../../hosts/createRealClock';
import { createRuntimeShell } from '../ExperimentShell';
import { echoSoak } from './examples';
import { parseExperiment } from './parseExperiment';
import { runExperiment } from './runExperiment';

requireBuiltAgents();
let wb: NodeWorkbench;
const clock = createRealClock();
beforeAll(async () => {
  wb = await createNodeWorkbench({ kinds: ['echo', 'spinner'], workers: 1, clock, watchdogIntervalMs: 10 });
});
afterAll(async () => {
  await wb?.dispose();
});

describe('live runtime (worker pool)', () => {
  it('CPU deadline: a spinning agent is terminated at its deadline and restarted', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'spin', kind: 'spinner', limits: { deadlineMs: 100 }, redelivery: 'never' } });
    const t = performance.now();
    const reply = await wb.request({ performative: 'request', receiver: 'spin', content: { action: 'spin' } }, 5000);
    expect(reply).toMatchObject({ performative: 'failure', content: { reason: 'deadline-exceeded' } });
    expect(performance.now() - t).toBeGreaterThanOrEqual(100);
    const crashed = wb.runtime
      .log()
      .filter((e): e is Extract<KernelEvent, { type: 'agent.crashed' }> => e.type === 'agent.crashed' && e.agent === 'spin');
    expect(crashed[0]?.reason).toBe('deadline-exceeded');
    const pong = await wb.request({ performative: 'request', receiver: 'spin', content: {} }, 5000);
    expect(pong.content).toEqual({ pong: true });
  });

  it('runs a chaos experiment through createRuntimeShell (real time)', async () => {
    const experiment = parseExperiment(echoSoak({ agents: 2, faultMs: 600, killEveryMs: 300, ratePerSecond: 50, timeoutMs: 1000 }));
    experiment.schedule = { ...experiment.schedule, warmupMs: 100, steadyMs: 300, settleMs: 500, recoveryMs: 300 };
    experiment.hypothesis = [{ probe: 'no-lost-messages' }, { probe: 'all-agents-running', windows: ['before', 'after'] }];
    const shell = createRuntimeShell({ runtime: wb.runtime, kernel: wb.kernel, clock });
    const progress: string[] = [];
    const result = await runExperiment(shell, experiment, { seed: 5, onProgress: (e) => progress.push(e.kind) });
    expect(result.mode).toBe('live');
    expect(result.errors).toEqual([]);
    expect(result.failures).toEqual([]);
    expect(result.counts.requests).toBeGreaterThan(40);
    expect(result.counts.faultsApplied['kill']).toBe(2);
    expect(progress).toEqual(expect.arrayContaining(['phase.start', 'fault.injected', 'fault.cleared', 'phase.end']));
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
    shell.close();
  });

  it('judges the whole run even when the runtime keeps only the newest events', async () => {
    const small = await createNodeWorkbench({ kinds: ['echo'], workers: 1, clock, logLimit: 50 });
    try {
      const experiment = parseExperiment(echoSoak({ agents: 2, faultMs: 300, killEveryMs: 1000, ratePerSecond: 100, timeoutMs: 1000 }));
      experiment.schedule = { ...experiment.schedule, warmupMs: 100, steadyMs: 300, settleMs: 300, recoveryMs: 200 };
      experiment.hypothesis = [{ probe: 'no-lost-messages' }];
      const shell = createRuntimeShell({ runtime: small.runtime, kernel: small.kernel, clock });
      const result = await runExperiment(shell, experiment, { seed: 7 });
      shell.close();
      expect(small.runtime.log()).toHaveLength(50);
      expect(shell.log().length).toBeGreaterThan(500);
      expect(result.failures).toEqual([]);
      expect(result.counts.requests).toBeGreaterThan(60);
    } finally {
      await small.dispose();
    }
  });
});
