/**
 * A spawnable agent kind inside a runtime worker: the loaded glue plus compiled core
 * modules, cached per memory cap, from which instances are made in ~1–6 ms.
 */
import { GUEST_FUNCTIONS } from './agentWorld';
import type { CompiledComponent } from './compileComponent';
import { ComponentValidationError } from './componentError';
import { instantiateDirect, planDirectBinding, type DirectPlan } from './directBinding';
import { callSetTimer, type CallOutcome, type HostBindings } from './hostBindings';
import { loadGlue, type InstantiateGlue } from './loadGlue';
import type { MemoryPool } from './memoryPool';
import { capMemory, importMemory } from './wasmBinary';

export type { CallOutcome, HostBindings } from './hostBindings';

const glueDecoder = new TextDecoder();

/** The guest trapped: the instance is dead and must be re-instantiated. */
export class AgentTrap extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgentTrap';
  }
}

export interface AgentInstance {
  /** Throws AgentTrap on a trap; `{ok:false}` when the guest returned an error. */
  init(config: string): CallOutcome;
  /** The envelope as JSON text, or as its UTF-8 bytes (handed to the guest without re-encoding). */
  handle(message: string | Uint8Array): CallOutcome;
  readonly dead: boolean;
  /**
   * Done with this instance: a pooled memory goes back to its pool (zeroed), so the
   * instance must never be called again. Without a pool, a no-op (drop the reference and
   * the GC frees the memory). Optional for instances made elsewhere (JS agents).
   */
  release?(): void;
}

export interface InstantiateOptions {
  /** Memory cap in 64 KiB pages (the memory's maximum, at most its own). */
  memoryPages?: number | undefined;
  /**
   * Take the linear memory from this pool (and give it back on `release`). Applies to the
   * direct binding; jco's glue instantiates its own memories.
   */
  pool?: MemoryPool | undefined;
}

export type BindingKind = 'direct' | 'jco';

export interface AgentKind {
  hash: string;
  /** `direct`: our canonical-ABI binding on the main core module; `jco`: jco's glue. */
  binding: BindingKind;
  instantiate(host: HostBindings, options?: InstantiateOptions): Promise<AgentInstance>;
}

/**
 * `precompiled` are modules compiled elsewhere (e.g. by the compiler) for the module's own
 * memory maximum; capped variants are compiled here on first use.
 */
export async function createAgentKind(
  compiled: CompiledComponent,
  precompiled?: ReadonlyMap<string, WebAssembly.Module>,
  options: { binding?: BindingKind } = {},
): Promise<AgentKind> {
  let glue: Promise<InstantiateGlue> | undefined;
  const files = new Map(compiled.coreModules.map((m) => [m.name, m.bytes]));
  const modules = new Map<string, Promise<WebAssembly.Module>>();
  for (const [name, module] of precompiled ?? []) modules.set(`${name}|own`, Promise.resolve(module));

  function coreModule(name: string, pages: number | undefined): Promise<WebAssembly.Module> {
    const key = `${name}|${pages ?? 'own'}`;
    let module = modules.get(key);
    if (!module) {
      const bytes = files.get(name);
      if (!bytes) return Promise.reject(new Error(`jco glue asked for unknown core module ${name}`));
      module = WebAssembly.compile((pages === undefined ? bytes : capMemory(bytes, pages)) as Uint8Array<ArrayBuffer>);
      modules.set(key, module);
      module.catch(() => modules.delete(key));
    }
    return module;
  }

  /** The main module rewritten to import its memory, by cap; null: not that shape. */
  const pooledModules = new Map<string, Promise<PooledModule | null>>();
  function pooledModule(name: string, pages: number | undefined) {
    const key = `${name}|${pages ?? 'own'}`;
    let p = pooledModules.get(key);
    if (!p) {
      const bytes = files.get(name);
      const rewritten = bytes ? importMemory(bytes, pages) : undefined; // throws ORR109
      p = rewritten
        ? WebAssembly.compile(rewritten.bytes as Uint8Array<ArrayBuffer>).then((module) => ({
            module,
            min: rewritten.min,
            max: rewritten.max,
          }))
        : Promise.resolve(null);
      pooledModules.set(key, p);
      p.catch(() => pooledModules.delete(key));
    }
    return p;
  }

  let plan: DirectPlan | undefined;
  if (options.binding !== 'jco') {
    const own = new Map<string, WebAssembly.Module>();
    for (const name of files.keys()) own.set(name, await coreModule(name, undefined));
    plan = planDirectBinding(compiled.js, own);
  }
  if (!plan) glue = loadGlue(compiled.js);

  return {
    hash: compiled.hash,
    binding: plan ? 'direct' : 'jco',
    async instantiate(host, instanceOptions = {}) {
      const pages = instanceOptions.memoryPages;
      if (plan) {
        const pool = instanceOptions.pool;
        const pooled = pool ? await pooledModule(plan.main, pages) : null;
        if (pool && pooled) return instantiatePooled(pooled, plan, host, pool);
        const raw = await instantiateDirect(await coreModule(plan.main, pages), plan.names, host);
        return guardCalls(raw.init, raw.handle, (e) => ({ trapped: e }));
      }
      if (pages !== undefined) {
        // Surface a cap below the initial memory as a clear error, not a link error.
        for (const name of files.keys()) await coreModule(name, pages);
      }
      return instantiateWithGlue(await glue!, (name) => coreModule(name, pages), host);
    },
  };
}

interface PooledModule {
  module: WebAssembly.Module;
  min: number;
  max: number | undefined;
}

/** A direct-binding instance on a memory from `pool`, given back once when it is released. */
async function instantiatePooled(pooled: PooledModule, plan: DirectPlan, host: HostBindings, pool: MemoryPool): Promise<AgentInstance> {
  const memory = pool.acquire(pooled.min, pooled.max);
  let raw;
  try {
    raw = await instantiateDirect(pooled.module, plan.names, host, memory);
  } catch (e) {
    pool.release(memory);
    throw e;
  }
  let released = false;
  return guardCalls(
    raw.init,
    raw.handle,
    (e) => ({ trapped: e }),
    () => {
      if (released) return;
      released = true;
      pool.release(memory);
    },
  );
}

type Classified = { error: string } | { trapped: unknown };

/** One dead flag per instance: after a trap every call is refused, as in the component model. */
function guardCalls(
  init: (config: string) => CallOutcome | void,
  handle: (message: string | Uint8Array) => CallOutcome | void,
  classify: (e: unknown) => Classified,
  release?: () => void,
): AgentInstance {
  let dead = false;
  let released = false;
  const call = <A>(fn: (arg: A) => CallOutcome | void, arg: A): CallOutcome => {
    if (released) throw new AgentTrap('cannot enter component instance: it was released');
    if (dead) throw new AgentTrap('cannot enter component instance: it trapped before');
    try {
      return fn(arg) ?? { ok: true };
    } catch (e) {
      const c = classify(e);
      if ('error' in c) return { ok: false, error: c.error };
      dead = true;
      throw new AgentTrap(c.trapped instanceof Error ? c.trapped.message : String(c.trapped));
    }
  };
  return {
    init: (config) => call(init, config),
    handle: (message) => call(handle, message),
    get dead() {
      return dead;
    },
    release() {
      released = true;
      release?.();
    },
  };
}

async function instantiateWithGlue(
  glue: InstantiateGlue,
  getCoreModule: (name: string) => Promise<WebAssembly.Module>,
  host: HostBindings,
): Promise<AgentInstance> {
  const guard =
    <A extends unknown[], R>(fn: string, f: (...args: A) => R, fallback: R) =>
    (...args: A): R => {
      try {
        return f(...args);
      } catch (e) {
        try {
          host.onHostError?.(fn, e);
        } catch {
          /* the error reporter itself failed: nothing more to do */
        }
        return fallback;
      }
    };
  const imports = {
    'workbench:agent/host': {
      send: guard('send', (m: string) => host.send(m), undefined),
      kvGet: guard('kv-get', (k: string) => host.kvGet(k), undefined),
      kvSet: guard('kv-set', (k: string, v: string) => host.kvSet(k, v), undefined),
      nowMs: guard('now-ms', () => BigInt(Math.max(0, Math.floor(host.nowMs()))), 0n),
      log: guard('log', (l: string, t: string) => host.log(l, t), undefined),
      setTimer: guard('set-timer', (delayMs: number, tag: string) => callSetTimer(host, delayMs, tag), undefined),
    },
  };
  const exports = await glue(getCoreModule, imports);
  const guest = (exports['guest'] ?? exports['workbench:agent/guest@0.1.0']) as Record<string, unknown> | undefined;
  const missing = GUEST_FUNCTIONS.filter((f) => typeof guest?.[f] !== 'function');
  if (!guest || missing.length > 0) {
    throw new ComponentValidationError({
      code: 'ORR108',
      summary: 'The instantiated component lacks guest functions',
      expected: GUEST_FUNCTIONS.join(', '),
      received: guest ? Object.keys(guest).join(', ') || 'none' : 'no guest export',
    });
  }
  // jco throws a string returned as `err` as ComponentError with `payload`.
  const handleText = guest['handle'] as (message: string) => void;
  // jco's glue takes strings: bytes off the wire are decoded first (the direct binding skips this).
  const handle = (message: string | Uint8Array) => handleText(typeof message === 'string' ? message : glueDecoder.decode(message));
  return guardCalls(guest['init'] as (config: string) => void, handle, (e) => {
    if (typeof e === 'string') return { error: e };
    if (e !== null && typeof e === 'object' && Object.prototype.hasOwnProperty.call(e, 'payload')) {
      const payload = (e as { payload: unknown }).payload;
      return { error: typeof payload === 'string' ? payload : JSON.stringify(payload) };
    }
    return { trapped: e };
  });
}
