/**
 * The lab worker: the kernel worker (src/hosts/browser) plus experiments on the same
 * kernel and compiled kinds. It lives here because it composes hosts and experiments
 * (imports point one way: hosts may not import experiments).
 */
import * as Comlink from 'comlink';
import { createCompiledKindLibrary } from '../../hosts/browser/createCompiledKindLibrary';
import { createKernelWorkerCore, type KernelWorkerApi } from '../../hosts/browser/createKernelWorkerCore';
import { createExperimentsApi } from './createExperimentsApi';
import type { ExperimentsApi } from './types';

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
