/**
 * Spawnable kinds for hosts that run agents on the calling thread: wasm components
 * (validated, transpiled and compiled once, then instantiated per spawn in ~1–6 ms) and
 * plain JavaScript agents (tests, quick models). A library is shared by many runs — a swarm
 * of simulations compiles each component once.
 */
import type { JsonValue } from '../../protocol/message';
import { compileComponent } from '../../wasm/compileComponent';
import { AgentTrap, createAgentKind, type AgentInstance, type CallOutcome, type HostBindings } from '../../wasm/createAgentKind';
import { hashBytes } from '../../wasm/hashBytes';
import type { KindInfo } from '../types';

const textDecoder = new TextDecoder();

export interface SpawnableKind {
  readonly info: KindInfo;
  instantiate(host: HostBindings, options?: { memoryPages?: number | undefined }): Promise<AgentInstance>;
}

/** A JavaScript agent: return a string for a guest error, throw to trap. */
export interface JsAgentBehavior {
  init?(config: JsonValue, host: HostBindings): void | string;
  handle(message: Record<string, unknown>, host: HostBindings): void | string;
}

export interface KindLibrary {
  /** Same signature as AgentHost.registerKind, so `loadBuiltinKinds` can fill a library. */
  registerKind(kind: string, component: Uint8Array, meta?: Partial<KindInfo>): Promise<KindInfo>;
  registerJs(kind: string, behavior: JsAgentBehavior | (() => JsAgentBehavior), meta?: Partial<KindInfo>): KindInfo;
  get(kind: string): SpawnableKind | undefined;
  kinds(): KindInfo[];
}

export function createKindLibrary(): KindLibrary {
  const kinds = new Map<string, SpawnableKind>();
  const compiled = new Map<string, Promise<SpawnableKind['instantiate']>>();

  return {
    async registerKind(kind, component, meta = {}) {
      const hash = await hashBytes(component);
      let instantiate = compiled.get(hash);
      if (!instantiate) {
        instantiate = compileComponent(component)
          .then((c) => createAgentKind(c))
          .then((k) => k.instantiate.bind(k));
        compiled.set(hash, instantiate);
        instantiate.catch(() => compiled.delete(hash));
      }
      const info: KindInfo = {
        kind,
        label: meta.label ?? kind,
        description: meta.description ?? '',
        hash,
        bytes: component.length,
        builtin: meta.builtin ?? false,
      };
      kinds.set(kind, { info, instantiate: await instantiate });
      return info;
    },

    registerJs(kind, behavior, meta = {}) {
      const info: KindInfo = {
        kind,
        label: meta.label ?? kind,
        description: meta.description ?? 'JavaScript agent',
        hash: `js:${kind}`,
        bytes: 0,
        builtin: meta.builtin ?? false,
      };
      // A factory gives each instance fresh closure state, like a fresh wasm instance.
      const make = typeof behavior === 'function' ? behavior : () => behavior;
      kinds.set(kind, { info, instantiate: async (host) => jsInstance(make(), host) });
      return info;
    },

    get: (kind) => kinds.get(kind),
    kinds: () => Array.from(kinds.values(), (k) => k.info),
  };
}

function jsInstance(behavior: JsAgentBehavior, host: HostBindings): AgentInstance {
  let dead = false;
  const call = (fn: () => void | string): CallOutcome => {
    if (dead) throw new AgentTrap('cannot enter component instance: it trapped before');
    let result: void | string;
    try {
      result = fn();
    } catch (e) {
      dead = true;
      throw new AgentTrap(e instanceof Error ? e.message : String(e));
    }
    return typeof result === 'string' ? { ok: false, error: result } : { ok: true };
  };
  return {
    init: (config) => call(() => behavior.init?.(JSON.parse(config) as JsonValue, host)),
    handle: (message) =>
      call(() =>
        behavior.handle(JSON.parse(typeof message === 'string' ? message : textDecoder.decode(message)) as Record<string, unknown>, host),
      ),
    get dead() {
      return dead;
    },
  };
}
