/**
 * A load experiment in simulated time (issue 13 item 4): how many simulated seconds the load
 * runner gets through per wall second, with wasm echo agents in process and the experiment's
 * latency model. Baseline, measured in the same run: the same simulation (same agents, same
 * latency hooks, same request rate, the log hashed as it goes) driven by a bare loop — advance
 * to the next send, send, count the replies — with no executors, no outcome tracking, no
 * metrics, no thresholds; the
 * ratio is what the runner costs over the least a driver can do.
 */
import { createKindLibrary, createSimulation, loadLibraryKinds, type KindLibrary } from '../src/hosts/inProcess';
import { nodeAgentAssets } from '../src/hosts/node/nodeAgentAssets';
import { createLogHasher } from '../src/experiments/simulation/logHash';
import { parseLoadExperiment } from '../src/experiments/load/experiment/parseLoadExperiment';
import type { LoadExperiment } from '../src/experiments/load/experiment/types';
import { LOAD_STREAM } from '../src/experiments/load/run/runLoadExperiment';
import { runSimulatedLoadExperiment } from '../src/experiments/load/run/runSimulatedLoadExperiment';
import { simulatedLatency } from '../src/experiments/load/run/simulatedLatency';

export interface SimulatedLoadFigures {
  /** Simulated seconds per wall second: the load runner. */
  runner: number;
  /** The same, the bare loop (mean of the runs before and after the runner's). */
  bare: number;
  ratePerSecond: number;
  simulatedSeconds: number;
  requests: number;
}

const ECHOES = 4;

function experiment(ratePerSecond: number, seconds: number): LoadExperiment {
  return parseLoadExperiment({
    schema: 'orrery.load/1',
    name: 'bench: simulated load',
    seed: 1,
    topology: { agents: Array.from({ length: ECHOES }, (_, i) => ({ name: `echo-${i + 1}`, kind: 'echo' })) },
    scenarios: {
      steady: {
        executor: 'constant-arrival-rate',
        rate: ratePerSecond,
        duration: seconds * 1000,
        preAllocatedVUs: 50,
        maxVUs: 500,
        client: 'bench',
        target: `echo-\${rand:int:1:${ECHOES}}`,
        message: { performative: 'request', content: { n: '${scenarioIter}' } },
        timeout: '1s',
      },
    },
    thresholds: { latency: ['p(99)<100'], error_rate: ['rate<0.01'] },
    latency: {
      link: { distribution: 'uniform', minMs: 0.2, maxMs: 1 },
      agent: { distribution: 'lognormal', medianMs: 0.5, p99Ms: 5 },
    },
  });
}

async function runnerSpeed(library: KindLibrary, e: LoadExperiment): Promise<{ speed: number; requests: number }> {
  const start = performance.now();
  const result = await runSimulatedLoadExperiment(e, { library });
  const wallS = (performance.now() - start) / 1000;
  if (result.totals.ok < result.totals.started * 0.99) throw new Error(`bench load run: ${JSON.stringify(result.totals)}`);
  return { speed: result.summary.state.testRunDurationMs / 1000 / wallS, requests: result.totals.started };
}

/** The bare loop: the same simulation and schedule, replies counted from the client's events. */
async function bareSpeed(library: KindLibrary, e: LoadExperiment, ratePerSecond: number, seconds: number): Promise<number> {
  const model = simulatedLatency(e.latency!, { seed: 1, agent: LOAD_STREAM.agentLatency, link: LOAD_STREAM.linkLatency });
  const sim = createSimulation({ seed: 1, library, latency: model.latency });
  const hasher = createLogHasher();
  let replies = 0;
  sim.subscribe((event) => {
    model.onEvent(event);
    hasher.add(event);
    if (event.type === 'message.delivered' && event.to === 'bench') replies++;
  });
  try {
    sim.command({ type: 'client.create', name: 'bench' });
    for (let i = 1; i <= ECHOES; i++) {
      sim.command({ type: 'agent.deploy', spec: { name: `echo-${i}`, kind: 'echo' } });
      sim.command({ type: 'link.add', a: 'bench', b: `echo-${i}`, id: `bench--echo-${i}` });
    }
    await sim.runUntilIdle(1000);
    const t0 = sim.now();
    const gap = 1000 / ratePerSecond;
    const n = ratePerSecond * seconds;
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      await sim.advanceTo(t0 + i * gap);
      const receiver = `echo-${1 + (i % ECHOES)}`;
      sim.send(
        { performative: 'request', receiver, sender: 'bench', content: { n: i }, reply_with: `b${i}`, reply_by: sim.now() + 1000 },
        'bench',
      );
    }
    await sim.advanceTo(t0 + seconds * 1000);
    hasher.hex();
    const wallS = (performance.now() - start) / 1000;
    if (replies < n * 0.99) throw new Error(`bench bare loop: ${replies} replies of ${n}`);
    return seconds / wallS;
  } finally {
    sim.dispose();
  }
}

export async function measureSimulatedLoad(options: { ratePerSecond: number; seconds: number }): Promise<SimulatedLoadFigures> {
  const { ratePerSecond, seconds } = options;
  const library = createKindLibrary();
  await loadLibraryKinds(library, nodeAgentAssets(), ['echo']);
  const e = experiment(ratePerSecond, seconds);
  await runnerSpeed(library, experiment(ratePerSecond, 1)); // warm up
  const before = await bareSpeed(library, e, ratePerSecond, seconds);
  const runner = await runnerSpeed(library, e);
  const after = await bareSpeed(library, e, ratePerSecond, seconds);
  return { runner: runner.speed, bare: (before + after) / 2, ratePerSecond, simulatedSeconds: seconds, requests: runner.requests };
}
