/**
 * Everything the kernel worker runs, as parts: kernel, runtime, the worker-pool host and
 * the control API. `kernel.worker.ts` exposes the API and adds experiments on the same parts.
 */
import * as Comlink from 'comlink';
import { createKernel, type Kernel } from '../kernel/kernel';
import { createSeededRng } from '../kernel/rng';
import type { Clock, DeadLetter } from '../kernel/types';
import type { CompiledComponent } from '../wasm/compileComponent';
import { createRealClock } from '../hosts/createRealClock';
import { createRuntime, LIVE_EVENT_LOG_CAPACITY, type Runtime } from '../hosts/createRuntime';
import { fetchAgentAssets, loadBuiltinKinds } from '../hosts/loadBuiltinKinds';
import type { AgentHost, KindInfo, WorkbenchApi } from '../hosts/types';
import { createWorkerPoolHost, type WorkerPoolStats } from '../hosts/worker/createWorkerPoolHost';
import { connectCompiler } from './connectCompiler';
import { encodeEvents, type EventBatchWire } from './eventWire';
import { spawnBrowserAgentWorker } from './spawnBrowserAgentWorker';
import { createStreamHub, type UiBatchWire } from './stream/createStreamHub';
import type { StreamInterest } from './stream/uiStreamTypes';
import { createContractsApi, type ContractsApi } from './stream/createContractsApi';
import { followRequests } from './stream/followRequests';
import { createLoadDriver, type LoadCounts, type LoadSpec } from '../experiments/load/createLoadDriver';
import { createTapeRecorder, type TapeRecorder } from '../experiments/replay/recorder';

/**
 * Events reach the UI at most this often under load (the UI applies them every 200 ms);
 * after a quiet spell a batch goes at once, so a single action still shows immediately.
 */
const PUBLISH_INTERVAL_MS = 100;

export interface KernelWorkerApi extends Omit<WorkbenchApi, 'subscribe'>, ContractsApi {
  /** Every event; batches arrive encoded (see eventWire.ts); returns a comlink proxy of the unsubscribe function. */
  subscribe(listener: (events: EventBatchWire) => void): Promise<(() => void) & Comlink.ProxyMarked>;
  /**
   * What the page shows, by interest (see stream/uiStreamTypes.ts): whole messages only
   * while `interest.messages`, sampled, and tallies of the rest. Returns the stream's id.
   */
  openStream(listener: (batch: UiBatchWire) => void, interest: StreamInterest): Promise<number>;
  setStreamInterest(id: number, interest: StreamInterest): Promise<void>;
  closeStream(id: number): Promise<void>;
  /** Sends open loop by the clock on this worker (the page only draws); restarts a running load. */
  startLoad(spec: LoadSpec): Promise<void>;
  /** Stops the load; what it sent. */
  stopLoad(): Promise<LoadCounts>;
  /** Resolves when the built-in kinds are loaded; rejects with the reason they are not. */
  ready(): Promise<void>;
  deadLetters(): Promise<DeadLetter[]>;
  /** Agent workers' live instances, passivations and activations (diagnostics, benchmarks). */
  hostStats(): Promise<WorkerPoolStats>;
}

/** What the kernel worker has compiled, for runs that need the same kinds on this thread. */
export interface CompiledKinds {
  kinds(): KindInfo[];
  /** The compiled component of a kind, compiling a deferred (declared) kind first. */
  compiled(kind: string): Promise<CompiledComponent | undefined>;
}

export interface KernelWorkerCore {
  api: KernelWorkerApi;
  kernel: Kernel;
  runtime: Runtime;
  clock: Clock;
  ready: Promise<unknown>;
  compiledKinds: CompiledKinds;
  /** The live tape: every input the kernel handled since its birth (within its budget). */
  tape: TapeRecorder;
  /** The kernel's Rng seed (a recording's player needs it). */
  kernelSeed: number;
  /** An uploaded component's bytes by hash (a recording carries custom kinds' bytes). */
  componentBytes(hash: string): Uint8Array | undefined;
}

/** Load sent by this worker's clock straight into the runtime (not through the page). */
function loadDriverOn(runtime: Runtime, clock: Clock) {
  return createLoadDriver({
    clock,
    send: (draft) => runtime.send(draft),
    every: (ms, tick) => {
      const timer = setInterval(tick, ms);
      return () => clearInterval(timer);
    },
  });
}

/** Deferred kinds compile once, whoever asks first (a spawn or a simulation). */
function deferringRegistrar(host: AgentHost): { registrar: AgentHost; deferred: Map<string, () => Promise<KindInfo>> } {
  const deferred = new Map<string, () => Promise<KindInfo>>();
  const registrar: AgentHost = {
    registerKind: (kind, component, meta) => host.registerKind(kind, component, meta),
    kinds: () => host.kinds(),
    declareKind(info, register) {
      let once: Promise<KindInfo> | undefined;
      const shared = () => (once ??= register().catch((e: unknown) => ((once = undefined), Promise.reject(e))));
      deferred.set(info.kind, shared);
      host.declareKind?.(info, shared);
    },
    perform: (effects) => host.perform(effects),
    onEvents: (listener) => host.onEvents(listener),
    dispose: () => host.dispose(),
  };
  return { registrar, deferred };
}

function compiledKindsOf(
  host: AgentHost,
  byHash: ReadonlyMap<string, CompiledComponent>,
  deferred: ReadonlyMap<string, () => Promise<KindInfo>>,
  ready: Promise<unknown>,
): CompiledKinds {
  return {
    kinds: () => host.kinds(),
    async compiled(kind) {
      await ready.catch(() => undefined);
      let info = host.kinds().find((k) => k.kind === kind);
      if (!info) return undefined;
      if (!byHash.has(info.hash)) {
        const register = deferred.get(kind);
        if (register) info = await register();
      }
      return byHash.get(info.hash);
    },
  };
}

export function createKernelWorkerCore(): KernelWorkerCore {
  const clock = createRealClock();
  const kernelSeed = Date.now() >>> 0;
  const tape = createTapeRecorder();
  const kernel = createKernel({
    clock,
    rng: createSeededRng(kernelSeed),
    eventLogCapacity: LIVE_EVENT_LOG_CAPACITY,
    onInput: tape.onInput,
  });
  const uploaded = new Map<string, Uint8Array>();
  const compiler = connectCompiler();
  const byHash = new Map<string, CompiledComponent>();
  const compile = async (bytes: Uint8Array) => {
    const compiled = await compiler.compile(bytes);
    byHash.set(compiled.hash, compiled);
    return compiled;
  };
  const host = createWorkerPoolHost({ spawnWorker: spawnBrowserAgentWorker, clock, compile });
  const runtime = createRuntime({ kernel, host, clock, publishIntervalMs: PUBLISH_INTERVAL_MS });
  const agentsBase = new URL(`${import.meta.env.BASE_URL}agents/`, self.location.origin).href;

  const { registrar, deferred } = deferringRegistrar(host);
  const ready = loadBuiltinKinds(registrar, fetchAgentAssets(agentsBase));
  ready.catch(() => undefined);

  const compiledKinds = compiledKindsOf(host, byHash, deferred, ready);

  const streams = createStreamHub({ subscribe: (listener) => runtime.subscribe(listener) });
  const load = loadDriverOn(runtime, clock);
  // Like `send`: the page follows the requests it sent (the Composer's "Send and wait").
  const request = followRequests({
    request: (draft, timeoutMs, from) => runtime.request(draft, timeoutMs, from),
    watchRequest: (sender, replyWith) => streams.watchRequest(sender, replyWith),
  });
  const contracts = createContractsApi({
    kernel,
    subscribe: (listener) => runtime.subscribe(listener),
    // The same kernel options as the live recording's header (kernel.worker.ts).
    tape: { recorder: tape, header: { kernelSeed, kernel: {} } },
  });

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
      const result = await runtime.send(draft, from);
      // The page follows what it sent (the Composer shows its fate) whatever panel is open.
      if (result.ok) streams.watch(result.id);
      return result;
    },
    request: async (draft, timeoutMs, from) => {
      await ready;
      return request(draft, timeoutMs, from);
    },
    kinds: async () => {
      await ready.catch(() => undefined);
      return runtime.kinds();
    },
    registerComponent: async (label, component) => {
      const info = await runtime.registerComponent(label, component);
      uploaded.set(info.hash, component);
      return info;
    },
    snapshot: () => runtime.snapshot(),
    inspect: (agent) => runtime.inspect(agent),
    deadLetters: async () => kernel.deadLetters(),
    hostStats: () => host.stats(),
    subscribe: async (listener) => Comlink.proxy(await runtime.subscribe((events) => listener(encodeEvents(events)))),
    openStream: (listener, interest) => streams.open(listener, interest),
    setStreamInterest: async (id, interest) => streams.setInterest(id, interest),
    closeStream: async (id) => streams.close(id),
    startLoad: (spec) => ready.then(() => load.start(spec)),
    stopLoad: async () => load.stop(),
    ...contracts,
  };

  return { api, kernel, runtime, clock, ready, compiledKinds, tape, kernelSeed, componentBytes: (hash) => uploaded.get(hash) };
}
