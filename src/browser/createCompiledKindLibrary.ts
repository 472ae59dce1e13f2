/**
 * A KindLibrary over kinds the kernel worker has already compiled (the compiler worker's
 * output), so a simulation on this thread runs the same wasm agents without loading jco a
 * second time. Kinds are prepared (glue loaded, modules compiled) before a run and kept for
 * the next one: a swarm pays for each kind once.
 */
import { createAgentKind } from '../wasm/createAgentKind';
import type { KindLibrary, SpawnableKind } from '../hosts/inProcess/createKindLibrary';
import type { CompiledKinds } from './createKernelWorkerCore';

export interface CompiledKindLibrary extends KindLibrary {
  /** Make these kinds spawnable; rejects naming a kind the workbench does not know. */
  prepare(kinds: readonly string[]): Promise<void>;
}

export function createCompiledKindLibrary(source: CompiledKinds): CompiledKindLibrary {
  const ready = new Map<string, SpawnableKind>();
  const pending = new Map<string, Promise<void>>();

  const prepareOne = (kind: string): Promise<void> => {
    let p = pending.get(kind);
    if (!p) {
      p = (async () => {
        const compiled = await source.compiled(kind);
        const info = source.kinds().find((k) => k.kind === kind);
        if (!compiled || !info) {
          const known =
            source
              .kinds()
              .map((k) => k.kind)
              .join(', ') || 'none';
          throw new Error(`unknown agent kind "${kind}" (known: ${known})`);
        }
        const agentKind = await createAgentKind(compiled);
        ready.set(kind, { info, instantiate: (host, options) => agentKind.instantiate(host, options) });
      })();
      pending.set(kind, p);
      p.catch(() => pending.delete(kind));
    }
    return p;
  };

  return {
    async prepare(kinds) {
      await Promise.all([...new Set(kinds)].map(prepareOne));
    },
    registerKind: () => Promise.reject(new Error('register components with the workbench; simulations use its compiled kinds')),
    registerJs: () => {
      throw new Error('JavaScript agents are not available in the browser simulation');
    },
    get: (kind) => ready.get(kind),
    kinds: () => Array.from(ready.values(), (k) => k.info),
  };
}
