/**
 * A bare kernel for a recording: no agents (their host events are on the tape), its clock
 * set to each entry's time before the entry is stepped, its Rng seeded as the recorded
 * kernel's was. Stepping it through the tape reproduces the recorded events.
 */
import { createKernel, type Kernel } from '../../kernel/kernel';
import { createManualClock } from '../../kernel/clock';
import { createSeededRng } from '../../kernel/rng';
import type { KernelEvent } from '../../kernel/types';
import type { RecordingHeader, TapeEntry } from './types';

export interface BareKernel {
  readonly kernel: Kernel;
  /** Steps one tape entry (effects are dropped: there is no host). */
  step(entry: TapeEntry): void;
}

export function createBareKernel(
  header: Pick<RecordingHeader, 'kernelSeed' | 'kernel'>,
  onEvent?: (event: KernelEvent) => void,
): BareKernel {
  const clock = createManualClock(0);
  const kernel = createKernel({
    ...definedOptions(header.kernel),
    clock,
    rng: createSeededRng(header.kernelSeed),
    eventLogCapacity: 0,
  });
  if (onEvent) kernel.subscribe(onEvent);
  const events: KernelEvent[] = [];
  const effects: Parameters<Kernel['stepInto']>[2] = [];
  return {
    kernel,
    step(entry) {
      if (entry.t > clock.now()) clock.set(entry.t);
      kernel.stepInto(entry.input, events, effects);
      events.length = 0;
      effects.length = 0;
    },
  };
}

function definedOptions(options: RecordingHeader['kernel']): RecordingHeader['kernel'] {
  const out: RecordingHeader['kernel'] = {};
  if (options.maxMessageBytes !== undefined) out.maxMessageBytes = options.maxMessageBytes;
  if (options.maxInFlight !== undefined) out.maxInFlight = options.maxInFlight;
  return out;
}
