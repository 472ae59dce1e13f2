/**
 * Replay against the agents you have now, in the kernel worker. Simulation: a fresh
 * deterministic simulation with the workbench's compiled kinds (an unchanged system
 * reproduces the recording exactly). Live: the recorded external inputs fed to the running
 * workbench in real time. Fork: a simulation from a moment of the recording, handed back as a
 * recording (forkToRecording). Custom kinds the workbench lacks are added from the recording's
 * module bytes first (that is why a recording carries them).
 */
import type { Clock, KernelEvent, KernelSnapshot } from '../../kernel/types';
import type { Runtime } from '../../hosts/createRuntime';
import type { KindInfo } from '../../hosts/types';
import { createRuntimeShell } from '../../experiments/ExperimentShell';
import { deployedKinds } from '../../experiments/replay/recordingModules';
import { replayInSimulation, replayRecording, type ReplayOptions } from '../../experiments/replay/replayRecording';
import type { Recording } from '../../experiments/replay/types';
import type { CompiledKindLibrary } from '../createCompiledKindLibrary';
import { forkToRecording } from './forkToRecording';
import { setUpStandIns } from './replayStandIns';
import { shrinkInWorker } from './shrinkInWorker';
import type { ReplayApi, ReplayOutcome, ReplayRequest } from './types';

/**
 * Live replay waits this long past the last recorded input by default: real agents on a busy
 * page answer later than they did when recorded, and an answer after the end would count as
 * missing (simulation runs in virtual time and needs none).
 */
export const LIVE_SETTLE_MS = 2_000;

export interface ReplayParts {
  runtime: Runtime;
  kernel: { snapshot(): KernelSnapshot; subscribe(listener: (event: KernelEvent) => void): () => void };
  clock: Clock;
  library: CompiledKindLibrary;
  /** The kinds the workbench knows now. */
  kinds(): readonly KindInfo[];
}

/** Registers the recording's custom components the workbench does not have (same bytes, same `custom:<hash>` kind). */
async function addMissingCustomKinds(recording: Recording, parts: ReplayParts): Promise<void> {
  const known = new Set(parts.kinds().map((k) => k.kind));
  for (const module of recording.header.modules) {
    if (module.builtin || known.has(module.kind) || !module.bytes) continue;
    await parts.runtime.registerComponent(module.label, module.bytes);
  }
}

/** Compiles what a simulation of the recording needs; kinds the workbench does not know are left to the simulation's ORR507, which names them all. */
async function prepareKinds(recording: Recording, kinds: Readonly<Record<string, string>> | undefined, parts: ReplayParts): Promise<void> {
  await addMissingCustomKinds(recording, parts);
  const known = new Set(parts.kinds().map((k) => k.kind));
  const wanted = [...deployedKinds(recording.tape), ...Object.values(kinds ?? {})];
  await parts.library.prepare(wanted.filter((kind) => known.has(kind)));
}

export function createReplayApi(parts: ReplayParts): ReplayApi {
  let running = false;

  /** One replay or fork at a time (they share the compiled kinds and, live, the workbench). */
  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (running) throw new Error('a replay or fork is already running: wait for it to finish');
    running = true;
    try {
      return await work();
    } finally {
      running = false;
    }
  }

  /** A replay in simulation with stand-ins answering for some recorded agents. */
  async function runWithStandIns(recording: Recording, request: ReplayRequest, options: ReplayOptions): Promise<ReplayOutcome> {
    const setup = setUpStandIns(recording, { ...request, standIns: request.standIns ?? [] }, parts.library);
    const report = await replayInSimulation(recording, { ...options, library: setup.library, kinds: setup.kinds });
    return { ...report, standIns: setup.outcomes() };
  }

  async function run(recording: Recording, request: ReplayRequest): Promise<ReplayOutcome> {
    const settleMs = request.settleMs ?? (request.against === 'live' ? LIVE_SETTLE_MS : undefined);
    const options: ReplayOptions = {
      ...(request.rules ? { rules: request.rules } : {}),
      ...(request.kinds ? { kinds: request.kinds } : {}),
      ...(settleMs !== undefined ? { settleMs } : {}),
    };
    if (request.against === 'simulation') {
      await prepareKinds(recording, request.kinds, parts);
      if (request.standIns?.length) return runWithStandIns(recording, request, options);
      return replayInSimulation(recording, { library: parts.library, ...options });
    }
    if (request.standIns?.length) throw new Error('stand-ins replay in a fresh simulation only: choose “a fresh simulation”');
    await addMissingCustomKinds(recording, parts);
    // Events are read as they come by the replay itself; the shell keeps none.
    const shell = createRuntimeShell({ runtime: parts.runtime, clock: parts.clock, kernel: parts.kernel, record: false });
    try {
      return await replayRecording(recording, shell, options);
    } finally {
      shell.close();
    }
  }

  return {
    async replayRecording(recording, request) {
      if (request.against !== 'simulation' && request.against !== 'live')
        throw new Error(`against must be "simulation" or "live", got ${JSON.stringify(request.against)}`);
      return exclusive(() => run(recording, request));
    },
    forkRecording: (recording, seq, request = {}) =>
      exclusive(async () => {
        await prepareKinds(recording, request.kinds, parts);
        return forkToRecording(recording, seq, { ...request, library: parts.library });
      }),
    shrinkRecording: (recording, onProgress) =>
      exclusive(async () => {
        await prepareKinds(recording, undefined, parts);
        return shrinkInWorker(recording, parts.library, onProgress);
      }),
  };
}
