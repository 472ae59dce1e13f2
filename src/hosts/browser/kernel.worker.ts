/**
 * The kernel worker: kernel, runtime and the worker-pool host (agents in nested module
 * workers) off the main thread, exposing WorkbenchApi over comlink. Components are
 * validated and transpiled here (jco's bindgen, cached by module hash in the host) and
 * the generated JS plus compiled modules are posted to agent workers.
 */
import * as Comlink from 'comlink';
import { createKernel } from '../../kernel/kernel';
import { createSeededRng } from '../../kernel/rng';
import type { KernelEvent } from '../../kernel/types';
import { createRealClock } from '../createRealClock';
import { createRuntime } from '../createRuntime';
import { fetchAgentAssets, loadBuiltinKinds } from '../loadBuiltinKinds';
import type { WorkbenchApi } from '../types';
import { createWorkerPoolHost } from '../worker/createWorkerPoolHost';
import { connectCompiler } from './connectCompiler';
import { spawnBrowserAgentWorker } from './spawnBrowserAgentWorker';

/** Events reach the UI at most this often: ~30 batches per second keeps the canvas smooth. */
const PUBLISH_INTERVAL_MS = 33;

const clock = createRealClock();
const kernel = createKernel({ clock, rng: createSeededRng(Date.now() >>> 0) });
const compiler = connectCompiler();
const host = createWorkerPoolHost({ spawnWorker: spawnBrowserAgentWorker, clock, compile: compiler.compile });
const runtime = createRuntime({ kernel, host, clock, publishIntervalMs: PUBLISH_INTERVAL_MS });
const agentsBase = new URL(`${import.meta.env.BASE_URL}agents/`, self.location.origin).href;
const ready = loadBuiltinKinds(host, fetchAgentAssets(agentsBase));
ready.catch(() => undefined);

export interface KernelWorkerApi extends Omit<WorkbenchApi, 'subscribe'> {
  /** Returns a comlink proxy of the unsubscribe function. */
  subscribe(listener: (events: KernelEvent[]) => void): Promise<(() => void) & Comlink.ProxyMarked>;
  /** Resolves when the built-in kinds are loaded; rejects with the reason they are not. */
  ready(): Promise<void>;
}

const api: KernelWorkerApi = {
  ready: async () => {
    await ready;
  },
  command: async (command) => {
    await ready;
    return runtime.command(command);
  },
  send: async (draft, from) => {
    await ready;
    return runtime.send(draft, from);
  },
  request: async (draft, timeoutMs, from) => {
    await ready;
    return runtime.request(draft, timeoutMs, from);
  },
  kinds: async () => {
    await ready.catch(() => undefined);
    return runtime.kinds();
  },
  registerComponent: (label, component) => runtime.registerComponent(label, component),
  snapshot: () => runtime.snapshot(),
  inspect: (agent) => runtime.inspect(agent),
  subscribe: async (listener) => Comlink.proxy(await runtime.subscribe(listener)),
};

Comlink.expose(api);
