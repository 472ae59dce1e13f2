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

export async function instantiateDirect(
  module: WebAssembly.Module,
  names: AbiNames,
  host: HostBindings,
  /** For a module rewritten by `importMemory`: the (pooled) memory it imports. */
  pooledMemory?: WebAssembly.Memory,
): Promise<{ init(config: string): CallOutcome; handle(message: string): CallOutcome }> {
  let memory: WebAssembly.Memory | undefined;
  let realloc: ((oldPtr: number, oldSize: number, align: number, size: number) => number) | undefined;

  const bytes = () => new Uint8Array(memory!.buffer);
  const liftString = (ptr: number, len: number): string => {
    // Out of bounds (RangeError) or invalid UTF-8 (TypeError) is a trap, as in the canonical ABI.
    return decoder.decode(new Uint8Array(memory!.buffer, ptr, len));
  };
  const lowerString = (s: string): [number, number] => {
    const encoded = encoder.encode(s);
    const ptr = realloc!(0, 0, 1, encoded.length);
    bytes().set(encoded, ptr);
    return [ptr, encoded.length];
  };
  const reportHostError = (fn: string, e: unknown) => {
    try {
      host.onHostError?.(fn, e);
    } catch {
      /* nothing more to do */
    }
  };

  const imports: WebAssembly.Imports = {
    [names.hostModule]: {
      send: (ptr: number, len: number) => {
        const message = liftString(ptr, len);
        try {
          host.send(message);
        } catch (e) {
          reportHostError('send', e);
        }
      },
      'kv-get': (ptr: number, len: number, ret: number) => {
        const key = liftString(ptr, len);
        let value: string | undefined;
        try {
          value = host.kvGet(key);
        } catch (e) {
          reportHostError('kv-get', e);
        }
        if (ret % 4 !== 0) throw new DirectTrap('kv-get return area is not aligned');
        if (value === undefined || value === null) {
          bytes()[ret] = 0;
          return;
        }
        const [vp, vl] = lowerString(value);
        const view = new DataView(memory!.buffer);
        view.setUint8(ret, 1);
        view.setUint32(ret + 4, vp, true);
        view.setUint32(ret + 8, vl, true);
      },
      'kv-set': (kp: number, kl: number, vp: number, vl: number) => {
        const key = liftString(kp, kl);
        const value = liftString(vp, vl);
        try {
          host.kvSet(key, value);
        } catch (e) {
          reportHostError('kv-set', e);
        }
      },
      'now-ms': () => {
        try {
          return BigInt(Math.max(0, Math.floor(host.nowMs())));
        } catch (e) {
          reportHostError('now-ms', e);
          return 0n;
        }
      },
      log: (lp: number, ll: number, tp: number, tl: number) => {
        const level = liftString(lp, ll);
        const text = liftString(tp, tl);
        try {
          host.log(level, text);
        } catch (e) {
          reportHostError('log', e);
        }
      },
      'set-timer': (delayMs: number, tp: number, tl: number) => {
        const tag = liftString(tp, tl);
        try {
          callSetTimer(host, delayMs >>> 0, tag);
        } catch (e) {
          reportHostError('set-timer', e);
        }
      },
    },
  };

  if (pooledMemory) imports[POOLED_MEMORY_MODULE] = { [POOLED_MEMORY_NAME]: pooledMemory };
  const instance = await WebAssembly.instantiate(module, imports);
  const ex = instance.exports as Record<string, unknown>;
  memory = ex[names.memory] as WebAssembly.Memory;
  realloc = ex[names.realloc] as typeof realloc;
  const initialize = ex[names.initialize];
  if (typeof initialize === 'function') (initialize as () => void)();
  const initFn = ex[names.init] as (p: number, l: number) => number;
  const handleFn = ex[names.handle] as (p: number, l: number) => number;
  const postInit = ex[names.postInit] as ((p: number) => void) | undefined;
  const postHandle = ex[names.postHandle] as ((p: number) => void) | undefined;

  const call = (fn: (p: number, l: number) => number, post: ((p: number) => void) | undefined, arg: string): CallOutcome => {
    const [ptr, len] = lowerString(arg);
    const ret = fn(ptr, len);
    if (ret % 4 !== 0) throw new DirectTrap('result area is not aligned');
    const view = new DataView(memory!.buffer);
    const tag = view.getUint8(ret);
    let outcome: CallOutcome;
    if (tag === 0) outcome = { ok: true };
    else if (tag === 1) outcome = { ok: false, error: liftString(view.getUint32(ret + 4, true), view.getUint32(ret + 8, true)) };
    else throw new DirectTrap(`invalid result discriminant ${tag}`);
    if (typeof post === 'function') post(ret);
    return outcome;
  };

  return {
    init: (config) => call(initFn, postInit, config),
    handle: (message) => call(handleFn, postHandle, message),
  };
}
