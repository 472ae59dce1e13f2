/**
 * The pool's kinds: compiled once per module hash (validated and transpiled, then the core
 * modules compiled here so workers need not), and declared kinds that compile on their
 * first spawn.
 */
import type { CompiledComponent } from '../../../wasm/compileComponent';
import { hashBytes } from '../../../wasm/hashBytes';
import type { KindInfo } from '../../types';

export interface RegisteredKind {
  info: KindInfo;
  compiled: CompiledComponent;
  modules: Array<[string, WebAssembly.Module]> | undefined;
}

export interface DeclaredKind {
  info: KindInfo;
  register: () => Promise<KindInfo>;
  pending?: Promise<KindInfo> | undefined;
}

export interface KindCache {
  registerKind(kind: string, component: Uint8Array, meta?: Partial<KindInfo>): Promise<KindInfo>;
  declareKind(info: KindInfo, register: () => Promise<KindInfo>): void;
  kinds(): KindInfo[];
  registered(kind: string): RegisteredKind | undefined;
  /** A declared kind not compiled yet. */
  declared(kind: string): DeclaredKind | undefined;
  names(): string[];
}

export function createKindCache(options: { compile: (bytes: Uint8Array) => Promise<CompiledComponent>; shareModules: boolean }): KindCache {
  const kinds = new Map<string, RegisteredKind>();
  const declared = new Map<string, DeclaredKind>();
  const byHash = new Map<string, Promise<CompiledComponent>>();

  function register(kind: string, compiled: CompiledComponent, meta: Partial<KindInfo>): RegisteredKind {
    const info: KindInfo = {
      kind,
      label: meta.label ?? kind,
      description: meta.description ?? '',
      hash: compiled.hash,
      bytes: compiled.bytes,
      builtin: meta.builtin ?? false,
      ...(meta.role ? { role: meta.role } : {}),
      ...(meta.language ? { language: meta.language } : {}),
    };
    const entry: RegisteredKind = { info, compiled, modules: undefined };
    kinds.set(kind, entry);
    if (options.shareModules) {
      // Compile once here; workers reuse these for the module's own memory maximum.
      void Promise.all(
        compiled.coreModules.map(
          async (m) => [m.name, await WebAssembly.compile(m.bytes as Uint8Array<ArrayBuffer>)] as [string, WebAssembly.Module],
        ),
      ).then(
        (mods) => {
          entry.modules = mods;
        },
        () => undefined,
      );
    }
    return entry;
  }

  return {
    async registerKind(kind, component, meta = {}) {
      const hash = await hashBytes(component);
      let compiled = byHash.get(hash);
      if (!compiled) {
        compiled = options.compile(component);
        byHash.set(hash, compiled);
        compiled.catch(() => byHash.delete(hash));
      }
      return register(kind, await compiled, meta).info;
    },
    declareKind(info, registerLater) {
      if (!kinds.has(info.kind)) declared.set(info.kind, { info, register: registerLater });
    },
    kinds: () => [
      ...Array.from(kinds.values(), (k) => k.info),
      ...Array.from(declared.values(), (d) => d.info).filter((info) => !kinds.has(info.kind)),
    ],
    registered: (kind) => kinds.get(kind),
    declared: (kind) => (kinds.has(kind) ? undefined : declared.get(kind)),
    names: () => [...kinds.keys()],
  };
}
