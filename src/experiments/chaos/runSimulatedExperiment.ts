/**
 * An experiment in the deterministic simulation: a fresh simulation per run, seeded, so the
 * result (and its log hash) is a pure function of (experiment, seed, kinds).
 */
import type { KernelEvent } from '../../kernel/types';
import type { KernelOptions } from '../../kernel/kernel';
import type { SimTiming } from '../../kernel/shell';
import { createSimulation, type KindLibrary } from '../../hosts/inProcess';
import type { ExperimentResult } from './result';
import { runExperiment, type RunOptions } from './runExperiment';
import type { Experiment } from './types';

export interface SimulatedRunOptions extends RunOptions {
  library: KindLibrary;
  timing?: Partial<SimTiming>;
  kernel?: Omit<KernelOptions, 'clock' | 'rng'>;
  /** Hand the run's event log to the caller (it is dropped otherwise). */
  onLog?: (log: readonly KernelEvent[]) => void;
}

export async function runSimulatedExperiment(experiment: Experiment, options: SimulatedRunOptions): Promise<ExperimentResult> {
  const seed = (options.seed ?? experiment.seed ?? 1) >>> 0;
  // Probes read the whole log: an experiment keeps every event.
  const sim = createSimulation({
    seed,
    library: options.library,
    timing: { ...experiment.simulation, ...options.timing },
    ...(options.kernel ? { kernel: options.kernel } : {}),
    eventLogCapacity: Infinity,
  });
  try {
    const result = await runExperiment(sim, experiment, { ...options, seed });
    options.onLog?.(sim.log());
    return result;
  } finally {
    sim.dispose();
  }
}
