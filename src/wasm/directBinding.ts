/**
 * Our own binding for the `workbench:agent` world: the component's main core module is
 * instantiated directly with host imports that speak the canonical ABI (UTF-8 strings,
 * option/result return areas, post-return). It skips jco's general-purpose glue (task
 * bookkeeping on every call) and is used only when the component is the plain shape
 * wit-component makes from one core module: main module importing nothing but the host
 * interface, UTF-8 strings. Anything else goes through jco's glue.
 */
import { callSetTimer, type CallOutcome, type HostBindings } from './hostBindings';
import { POOLED_MEMORY_MODULE, POOLED_MEMORY_NAME } from './wasmBinary';

interface AbiNames {
  hostModule: string;
  init: string;
  handle: string;
  postInit: string;
  postHandle: string;
  realloc: string;
  memory: string;
  initialize: string;
}

const LEGACY: AbiNames = {
  hostModule: 'workbench:agent/host@0.1.0',
  init: 'workbench:agent/guest@0.1.0#init',
  handle: 'workbench:agent/guest@0.1.0#handle',
  postInit: 'cabi_post_workbench:agent/guest@0.1.0#init',
  postHandle: 'cabi_post_workbench:agent/guest@0.1.0#handle',
  realloc: 'cabi_realloc',
  memory: 'memory',
  initialize: '_initialize',
};

const CM32P2: AbiNames = {
  hostModule: 'cm32p2|workbench:agent/host@0.1',
  init: 'cm32p2|workbench:agent/guest@0.1|init',
  handle: 'cm32p2|workbench:agent/guest@0.1|handle',
  postInit: 'cm32p2|workbench:agent/guest@0.1|init_post',
  postHandle: 'cm32p2|workbench:agent/guest@0.1|handle_post',
  realloc: 'cm32p2_realloc',
  memory: 'cm32p2_memory',
  initialize: 'cm32p2_initialize',
};

const HOST_IMPORTS = new Set(['send', 'kv-get', 'kv-set', 'now-ms', 'log', 'set-timer']);

export interface DirectPlan {
  /** File name of the main core module. */
  main: string;
  names: AbiNames;
}

/** Decides whether the direct binding applies; `undefined` means use jco's glue. */
export function planDirectBinding(js: string, modules: ReadonlyMap<string, WebAssembly.Module>): DirectPlan | undefined {
  const encodings = new Set(Array.from(js.matchAll(/stringEncoding: '([a-z0-9-]+)'/g), (m) => m[1]));
  if (encodings.size !== 1 || !encodings.has('utf8')) return undefined;
  let plan: DirectPlan | undefined;
  for (const [file, module] of modules) {
    const exports = new Map(WebAssembly.Module.exports(module).map((e) => [e.name, e.kind]));
    const names = exports.has(LEGACY.handle) ? LEGACY : exports.has(CM32P2.handle) ? CM32P2 : undefined;
    if (!names) continue;
    if (plan) return undefined; // two candidates: not the simple shape
    const ok =
      exports.get(names.init) === 'function' &&
      exports.get(names.realloc) === 'function' &&
      exports.get(names.memory) === 'memory' &&
      WebAssembly.Module.imports(module).every((i) => i.module === names.hostModule && i.kind === 'function' && HOST_IMPORTS.has(i.name));
    if (!ok) return undefined;
    plan = { main: file, names };
  }
  return plan;
}

export class DirectTrap extends Error {}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The guest's linear memory and allocator, known once the instance exists. */
class GuestMemory {
  memory: WebAssembly.Memory | undefined;
  realloc: ((oldPtr: number, oldSize: number, align: number, size: number) => number) | undefined;

  bytes(): Uint8Array {
    return new Uint8Array(this.memory!.buffer);
  }
  view(): DataView {
    return new DataView(this.memory!.buffer);
  }
  /** Out of bounds (RangeError) or invalid UTF-8 (TypeError) is a trap, as in the canonical ABI. */
  liftString(ptr: number, len: number): string {
    return decoder.decode(new Uint8Array(this.memory!.buffer, ptr, len));
  }
  /** A view of guest memory (no copy); out of bounds is a RangeError (a trap). */
  view_(ptr: number, len: number): Uint8Array {
    return new Uint8Array(this.memory!.buffer, ptr, len);
  }
  lowerString(s: string): [number, number] {
    return this.lowerBytes(encoder.encode(s));
  }
  /** UTF-8 that is already encoded (a message off the wire) is copied in as it is. */
  lowerBytes(encoded: Uint8Array): [number, number] {
    const ptr = this.realloc!(0, 0, 1, encoded.length);
    this.bytes().set(encoded, ptr);
    return [ptr, encoded.length];
  }
}

/** Runs a host binding; its error goes to `onHostError`, never into the guest. */
function guarded<T>(host: HostBindings, fn: string, call: () => T, fallback: T): T {
  try {
    return call();
  } catch (e) {
    try {
      host.onHostError?.(fn, e);
    } catch {
      /* nothing more to do */
    }
    return fallback;
  }
}

/** `workbench:agent/host` in the canonical ABI: strings lifted from and lowered into guest memory. */
function hostImports(mem: GuestMemory, host: HostBindings): Record<string, (...args: never[]) => unknown> {
  return {
    send: (ptr: number, len: number) => {
      if (host.sendBytes) {
        const bytes = mem.view_(ptr, len);
        guarded(host, 'send', () => host.sendBytes!(bytes), undefined);
        return;
      }
      const message = mem.liftString(ptr, len);
      guarded(host, 'send', () => host.send(message), undefined);
    },
    'kv-get': (ptr: number, len: number, ret: number) => {
      const key = mem.liftString(ptr, len);
      const value = guarded(host, 'kv-get', () => host.kvGet(key), undefined);
      if (ret % 4 !== 0) throw new DirectTrap('kv-get return area is not aligned');
      if (value === undefined || value === null) {
        mem.bytes()[ret] = 0;
        return;
      }
      const [vp, vl] = mem.lowerString(value);
      const view = mem.view();
      view.setUint8(ret, 1);
      view.setUint32(ret + 4, vp, true);
      view.setUint32(ret + 8, vl, true);
    },
    'kv-set': (kp: number, kl: number, vp: number, vl: number) => {
      const key = mem.liftString(kp, kl);
      const value = mem.liftString(vp, vl);
      guarded(host, 'kv-set', () => host.kvSet(key, value), undefined);
    },
    'now-ms': () => guarded(host, 'now-ms', () => BigInt(Math.max(0, Math.floor(host.nowMs()))), 0n),
    log: (lp: number, ll: number, tp: number, tl: number) => {
      const level = mem.liftString(lp, ll);
      const text = mem.liftString(tp, tl);
      guarded(host, 'log', () => host.log(level, text), undefined);
    },
    'set-timer': (delayMs: number, tp: number, tl: number) => {
      const tag = mem.liftString(tp, tl);
      guarded(host, 'set-timer', () => callSetTimer(host, delayMs >>> 0, tag), undefined);
    },
  };
}

/** Calls an export taking one string and returning `result<_, string>`, then its post-return. */
function callExport(
  mem: GuestMemory,
  fn: (p: number, l: number) => number,
  post: ((p: number) => void) | undefined,
  arg: string | Uint8Array,
): CallOutcome {
  const [ptr, len] = typeof arg === 'string' ? mem.lowerString(arg) : mem.lowerBytes(arg);
  const ret = fn(ptr, len);
  if (ret % 4 !== 0) throw new DirectTrap('result area is not aligned');
  const view = mem.view();
  const tag = view.getUint8(ret);
  let outcome: CallOutcome;
  if (tag === 0) outcome = { ok: true };
  else if (tag === 1) outcome = { ok: false, error: mem.liftString(view.getUint32(ret + 4, true), view.getUint32(ret + 8, true)) };
  else throw new DirectTrap(`invalid result discriminant ${tag}`);
  if (typeof post === 'function') post(ret);
  return outcome;
}

export async function instantiateDirect(
  module: WebAssembly.Module,
  names: AbiNames,
  host: HostBindings,
  /** For a module rewritten by `importMemory`: the (pooled) memory it imports. */
  pooledMemory?: WebAssembly.Memory,
): Promise<{ init(config: string): CallOutcome; handle(message: string | Uint8Array): CallOutcome }> {
  const mem = new GuestMemory();
  const imports: WebAssembly.Imports = { [names.hostModule]: hostImports(mem, host) };
  if (pooledMemory) imports[POOLED_MEMORY_MODULE] = { [POOLED_MEMORY_NAME]: pooledMemory };
  const instance = await WebAssembly.instantiate(module, imports);
  const ex = instance.exports as Record<string, unknown>;
  mem.memory = ex[names.memory] as WebAssembly.Memory;
  mem.realloc = ex[names.realloc] as GuestMemory['realloc'];
  const initialize = ex[names.initialize];
  if (typeof initialize === 'function') (initialize as () => void)();
  const initFn = ex[names.init] as (p: number, l: number) => number;
  const handleFn = ex[names.handle] as (p: number, l: number) => number;
  const postInit = ex[names.postInit] as ((p: number) => void) | undefined;
  const postHandle = ex[names.postHandle] as ((p: number) => void) | undefined;
  return {
    init: (config) => callExport(mem, initFn, postInit, config),
    handle: (message) => callExport(mem, handleFn, postHandle, message),
  };
}
