/**
 * A fresh simulation set up as a recording's run was: its seed, its kernel options, the
 * chaos experiment's simulated durations or the load experiment's latency model. Every kind
 * the recording deploys must be in the library (ORR507 names the missing ones).
 */
import { createSimulation, type KindLibrary, type Simulation } from '../../hosts/inProcess';
import { errorData, OrreryError } from '../../protocol/errors';
import type { SimTiming } from '../../kernel/shell';
import type { KernelOptions } from '../../kernel/kernel';
import { LOAD_STREAM } from '../load/run/runLoadExperiment';
import { simulatedLatency } from '../load/run/simulatedLatency';
import type { LatencyModel, LoadExperiment } from '../load/experiment/types';
import { deployedKinds } from './recordingModules';
import type { Recording } from './types';

export interface SimulationForOptions {
  library: KindLibrary;
  /** Default: the recording's simulation seed (else 1). */
  seed?: number;
  /** Agent name → kind to deploy instead of the recorded one. */
  kinds?: Readonly<Record<string, string>>;
  /** The simulation kernel's input tap. */
  onInput?: KernelOptions['onInput'];
}

export function simulationFor(recording: Recording, options: SimulationForOptions): Simulation {
  const { header } = recording;
  const seed = (options.seed ?? header.simulationSeed ?? 1) >>> 0;
  requireKinds(recording, options);
  const timing = (header.chaos as { simulation?: Partial<SimTiming> } | undefined)?.simulation;
  const latency = (header.load as Pick<LoadExperiment, 'latency'> | undefined)?.latency as LatencyModel | undefined;
  const model = latency ? simulatedLatency(latency, { seed, agent: LOAD_STREAM.agentLatency, link: LOAD_STREAM.linkLatency }) : undefined;
  const sim = createSimulation({
    seed,
    library: options.library,
    kernel: { ...header.kernel, ...(options.onInput ? { onInput: options.onInput } : {}) },
    eventLogCapacity: 0,
    ...(timing ? { timing } : {}),
    ...(model ? { latency: model.latency } : {}),
  });
  if (model) sim.subscribe(model.onEvent);
  return sim;
}

function requireKinds(recording: Recording, { library, kinds }: SimulationForOptions): void {
  const wanted = new Set(deployedKinds(recording.tape));
  for (const kind of Object.values(kinds ?? {})) wanted.add(kind);
  const missing = [...wanted].filter((kind) => library.get(kind) === undefined);
  if (missing.length > 0) {
    throw new OrreryError(
      errorData(
        'ORR507',
        `recording "${recording.header.name}" deploys ${missing.map((k) => `"${k}"`).join(', ')}, which this library does not have`,
        {
          expected:
            'kinds: ' +
            library
              .kinds()
              .map((k) => k.kind)
              .join(', '),
          received: missing.join(', '),
        },
      ),
    );
  }
}
