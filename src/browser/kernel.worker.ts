/**
 * The kernel worker the page starts: the kernel, runtime and agent worker pool
 * (createKernelWorkerCore) plus experiments on the same kernel and compiled kinds.
 */
import * as Comlink from 'comlink';
import { createCompiledKindLibrary } from './createCompiledKindLibrary';
import { createKernelWorkerCore, type KernelWorkerApi } from './createKernelWorkerCore';
import { createExperimentsApi } from './experiments/createExperimentsApi';
import type { ExperimentsApi } from './experiments/types';

/** Flat methods: comlink proxies functions, not nested objects. */
export interface LabWorkerApi extends KernelWorkerApi {
  runExperiment: ExperimentsApi['run'];
  stopExperiment: ExperimentsApi['stop'];
  runSwarm: ExperimentsApi['swarm'];
}

const core = createKernelWorkerCore();
const experiments = createExperimentsApi({
  runtime: core.runtime,
  kernel: core.kernel,
  clock: core.clock,
  library: createCompiledKindLibrary(core.compiledKinds),
});

const api: LabWorkerApi = { ...core.api, runExperiment: experiments.run, stopExperiment: experiments.stop, runSwarm: experiments.swarm };
Comlink.expose(api);
