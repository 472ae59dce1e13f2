/**
 * The kernel worker: kernel, runtime and the worker-pool host (agents in nested module
 * workers) off the main thread, exposing WorkbenchApi over comlink. Components are
 * validated and transpiled in the compiler worker (jco's bindgen, cached by module hash in
 * the host) and the generated JS plus compiled modules are posted to agent workers.
 * The lab worker (src/experiments/browser/lab.worker.ts) is this plus experiments.
 */
import * as Comlink from 'comlink';
import { createKernelWorkerCore } from './createKernelWorkerCore';

export type { KernelWorkerApi } from './createKernelWorkerCore';

Comlink.expose(createKernelWorkerCore().api);
