/**
 * A load experiment in the deterministic simulation: a fresh seeded simulation per run, its
 * virtual-time latencies from the experiment's latency model, a bounded event log and a
 * streaming log hash, so the result (and the hash) is a pure function of (experiment, seed, kinds).
 */
import { createSimulation } from '../../../hosts/inProcess';
import { createLogHasher } from '../../simulation/logHash';
import { LOAD_STREAM, runLoadExperiment } from './runLoadExperiment';
import { simulatedLatency } from './simulatedLatency';
import type { LoadExperiment } from '../experiment/types';
import type { LoadRunResult, SimulatedLoadRunOptions } from './types';

export async function runSimulatedLoadExperiment(experiment: LoadExperiment, options: SimulatedLoadRunOptions): Promise<LoadRunResult> {
  const seed = (options.seed ?? experiment.seed ?? 1) >>> 0;
  const model = experiment.latency
    ? simulatedLatency(experiment.latency, { seed, agent: LOAD_STREAM.agentLatency, link: LOAD_STREAM.linkLatency })
    : undefined;
  const sim = createSimulation({
    seed,
    library: options.library,
    ...(model ? { latency: model.latency } : {}),
    ...(options.onInput ? { kernel: { onInput: options.onInput } } : {}),
  });
  const hasher = createLogHasher();
  const unsubscribe = sim.subscribe((e) => {
    model?.onEvent(e);
    hasher.add(e);
  });
  try {
    const { library: _library, onInput: _onInput, ...runOptions } = options;
    const result = await runLoadExperiment(sim, experiment, { ...runOptions, seed });
    unsubscribe();
    return { ...result, logHash: hasher.hex() };
  } finally {
    unsubscribe();
    sim.dispose();
  }
}
