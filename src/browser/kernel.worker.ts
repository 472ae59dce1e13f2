/**
 * The kernel worker the page starts: the kernel, runtime and agent worker pool
 * (createKernelWorkerCore) plus chaos and load experiments on the same kernel and compiled kinds,
 * the live tape's Record/Stop (replay/createLiveRecording) and replay against the current agents.
 */
import * as Comlink from 'comlink';
import { createCompiledKindLibrary } from './createCompiledKindLibrary';
import { createKernelWorkerCore, type KernelWorkerApi } from './createKernelWorkerCore';
import { createExperimentsApi } from './experiments/createExperimentsApi';
import type { ExperimentsApi } from './experiments/types';
import { createLoadApi } from './load/createLoadApi';
import type { LoadApi } from './load/types';
import { createLiveRecording } from './replay/createLiveRecording';
import { createReplayApi } from './replay/createReplayApi';
import type { LiveRecordingApi, ReplayApi } from './replay/types';

/** Flat methods: comlink proxies functions, not nested objects. */
export interface LabWorkerApi extends KernelWorkerApi, LiveRecordingApi, ReplayApi {
  runExperiment: ExperimentsApi['run'];
  stopExperiment: ExperimentsApi['stop'];
  runSwarm: ExperimentsApi['swarm'];
  runLoad: LoadApi['run'];
  stopLoadExperiment: LoadApi['stop'];
  abortLoadExperiment: LoadApi['abort'];
}

const core = createKernelWorkerCore();
const library = createCompiledKindLibrary(core.compiledKinds);
const experiments = createExperimentsApi({ runtime: core.runtime, kernel: core.kernel, clock: core.clock, library });
const load = createLoadApi({
  runtime: core.runtime,
  kernel: core.kernel,
  clock: core.clock,
  library,
  kinds: () => core.compiledKinds.kinds().map((k) => k.kind),
});

const recording = createLiveRecording({
  recorder: core.tape,
  kernelSeed: core.kernelSeed,
  kernel: {},
  kinds: () => core.compiledKinds.kinds(),
  componentBytes: core.componentBytes,
});
const replay = createReplayApi({
  runtime: core.runtime,
  kernel: core.kernel,
  clock: core.clock,
  library,
  kinds: () => core.compiledKinds.kinds(),
});

const api: LabWorkerApi = {
  ...core.api,
  tapeStatus: recording.tapeStatus,
  startRecording: recording.startRecording,
  stopRecording: recording.stopRecording,
  replayRecording: async (rec, request) => {
    await core.ready.catch(() => undefined);
    return replay.replayRecording(rec, request);
  },
  forkRecording: async (rec, seq, request) => {
    await core.ready.catch(() => undefined);
    return replay.forkRecording(rec, seq, request);
  },
  shrinkRecording: async (rec, onProgress) => {
    await core.ready.catch(() => undefined);
    return replay.shrinkRecording(rec, onProgress);
  },
  runExperiment: experiments.run,
  stopExperiment: experiments.stop,
  runSwarm: experiments.swarm,
  startLoad: (spec) => {
    recording.suspendForLoad();
    return core.api.startLoad(spec);
  },
  runLoad: async (file, request, onProgress) => {
    await core.ready.catch(() => undefined);
    if (request.mode === 'live') recording.suspendForLoad();
    return load.run(file, request, onProgress);
  },
  stopLoadExperiment: load.stop,
  abortLoadExperiment: load.abort,
};
Comlink.expose(api);
