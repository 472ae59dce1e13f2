/**
 * The load runner on the live runtime: real time, real wasm agents in worker_threads
 * (createNodeWorkbench), the shell told not to record every event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRealClock } from '../../../hosts/createRealClock';
import { createNodeWorkbench, type NodeWorkbench } from '../../../hosts/node/createNodeWorkbench';
import { requireBuiltAgents } from '../../../hosts/node/requireBuiltAgents';
import { createRuntimeShell } from '../../ExperimentShell';
import { parseLoadExperiment } from '../experiment/parseLoadExperiment';
import { runLoadExperiment } from './runLoadExperiment';
import type { LoadProgress, LoadRunOptions } from './types';

requireBuiltAgents();
const clock = createRealClock();
let wb: NodeWorkbench;
beforeAll(async () => {
  wb = await createNodeWorkbench({ kinds: ['echo', 'crasher'], workers: 2, clock });
});
afterAll(async () => {
  await wb?.dispose();
});

let runs = 0;
/** Each run gets agents of its own: the workbench is shared by the tests. */
function experiment(thresholds: Record<string, unknown>, scenario: Record<string, unknown> = {}) {
  const n = ++runs;
  return parseLoadExperiment({
    schema: 'orrery.load/1',
    name: `live ${n}`,
    topology: {
      agents: [
        { name: `echo-${n}a`, kind: 'echo' },
        { name: `echo-${n}b`, kind: 'echo' },
      ],
    },
    scenarios: {
      [`steady${n}`]: {
        executor: 'constant-arrival-rate',
        rate: 400,
        timeUnit: '1s',
        duration: '1500ms',
        preAllocatedVUs: 20,
        maxVUs: 200,
        target: `echo-${n}\${rand:pick:a|b}`,
        message: { performative: 'request', content: { n: '${scenarioIter}' } },
        timeout: '1s',
        gracefulStop: '1s',
        ...scenario,
      },
    },
    thresholds,
  });
}

async function run(e: ReturnType<typeof experiment>, options: LoadRunOptions = {}) {
  const shell = createRuntimeShell({ runtime: wb.runtime, kernel: wb.kernel, clock, record: false });
  try {
    return await runLoadExperiment(shell, e, options);
  } finally {
    expect(shell.log()).toEqual([]);
    shell.close();
  }
}

describe('load runner, live (worker threads)', () => {
  it('a constant-arrival-rate run reports coherent totals, figures and progress', async () => {
    const progress: LoadProgress[] = [];
    const result = await run(experiment({ latency: ['p(95)<1000'], error_rate: ['rate<0.01'] }), {
      seed: 3,
      onProgress: (p) => progress.push(p),
      progressEveryMs: 250,
    });
    const t = result.totals;
    expect(result.mode).toBe('live');
    expect(result.passed).toBe(true);
    // 400/s for 1.5 s: 600 iterations scheduled, each ok, an error, dropped or interrupted.
    expect(t.started + t.dropped).toBe(600);
    expect(t.ok + t.errors + t.dropped + t.interrupted + t.inFlight).toBe(600);
    expect(t.sent).toBe(t.ok + t.errors + t.interrupted + t.inFlight);
    expect(t.inFlight).toBe(0);
    expect(t.ok).toBeGreaterThan(500);
    const m = result.summary.metrics;
    expect(m['requests']?.values['count']).toBe(t.ok + t.errors);
    expect(m['replies']?.values['count']).toBe(t.ok);
    expect(m['latency']?.values['p(99)']).toBeGreaterThan(0);
    expect(Object.keys(m).filter((k) => k.startsWith('latency{agent:'))).toHaveLength(2);
    expect(result.summary.series['requests']?.length).toBeGreaterThanOrEqual(1);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)?.totals).toEqual(t);
    expect(progress.some((p) => Object.values(p.linkLoad).some((n) => n > 0))).toBe(true);
    expect(progress.flatMap((p) => p.points['requests'] ?? []).length).toBeGreaterThanOrEqual(1);
  });

  it('a failing threshold fails the run; an abortOnFail one stops it early', async () => {
    const failing = await run(experiment({ latency: ['max<0'] }));
    expect(failing.passed).toBe(false);
    expect(failing.stoppedBy).toBeUndefined();
    expect(failing.summary.thresholds).toEqual([expect.objectContaining({ metric: 'latency', source: 'max<0', passed: false })]);

    const aborting = await run(experiment({ requests: [{ threshold: 'count<50', abortOnFail: true }] }, { duration: '20s', rate: 100 }));
    expect(aborting.passed).toBe(false);
    expect(aborting.stoppedBy).toBe('threshold');
    expect(aborting.summary.state).toMatchObject({ aborted: true, abortedBy: "requests 'count<50'" });
    // Checked every 2 s: stopped long before the 20 s were up.
    expect(aborting.summary.state.testRunDurationMs).toBeLessThan(10_000);
    const t = aborting.totals;
    expect(t.sent).toBe(t.ok + t.errors + t.interrupted + t.inFlight);
  });
});
