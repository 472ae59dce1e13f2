/**
 * The UI's handle on the kernel worker: the workbench connection (connectWorkbench) plus
 * `experiments` (chaos), `load` and `recording` (the live tape); progress callbacks cross the
 * worker boundary as comlink proxies.
 */
import * as Comlink from 'comlink';
import { connectWorkbench, type WorkbenchConnection } from './connectWorkbench';
import type { LabWorkerApi } from './kernel.worker';
import type { ExperimentsApi } from './experiments/types';
import type { LoadApi } from './load/types';
import type { LiveRecordingApi, ReplayApi } from './replay/types';

export interface LabConnection extends WorkbenchConnection {
  experiments: ExperimentsApi;
  load: LoadApi;
  /** The live tape's Record/Stop (replay/createLiveRecording) and replay against the current agents. */
  recording: LiveRecordingApi & ReplayApi;
}

export function connectLab(): LabConnection {
  const worker = new Worker(new URL('./kernel.worker.ts', import.meta.url), { type: 'module', name: 'orrery-kernel' });
  const connection = connectWorkbench(worker);
  // A second wrap of the same worker: calls are matched by id; dispose terminates the worker.
  const remote = Comlink.wrap<LabWorkerApi>(worker);
  const experiments: ExperimentsApi = {
    run: (experiment, request, onProgress) => remote.runExperiment(experiment, request, onProgress ? Comlink.proxy(onProgress) : undefined),
    stop: () => remote.stopExperiment(),
    swarm: (experiment, seeds, onRun, request) =>
      remote.runSwarm(experiment, [...seeds], onRun ? Comlink.proxy(onRun) : undefined, request),
  };
  const load: LoadApi = {
    run: (file, request, onProgress) => remote.runLoad(file, request, onProgress ? Comlink.proxy(onProgress) : undefined),
    stop: () => remote.stopLoadExperiment(),
    abort: () => remote.abortLoadExperiment(),
  };
  const recording: LiveRecordingApi & ReplayApi = {
    tapeStatus: () => remote.tapeStatus(),
    startRecording: () => remote.startRecording(),
    stopRecording: (meta) => remote.stopRecording(meta),
    replayRecording: (rec, request) => remote.replayRecording(rec, request),
    forkRecording: (rec, seq, request) => remote.forkRecording(rec, seq, request),
    shrinkRecording: (rec, onProgress) => remote.shrinkRecording(rec, onProgress ? Comlink.proxy(onProgress) : undefined),
  };
  return { ...connection, experiments, load, recording };
}
