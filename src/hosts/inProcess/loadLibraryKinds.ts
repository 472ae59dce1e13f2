/** Fills a KindLibrary with built-in kinds through the same loader the hosts use. */
import type { AgentHost, KindInfo } from '../types';
import { loadBuiltinKinds, type AgentAssetSource } from '../loadBuiltinKinds';
import type { KindLibrary } from './createKindLibrary';

export function loadLibraryKinds(library: KindLibrary, source: AgentAssetSource, only?: readonly string[]): Promise<KindInfo[]> {
  const registrar: AgentHost = {
    registerKind: (kind, component, meta) => library.registerKind(kind, component, meta),
    kinds: () => library.kinds(),
    perform: () => undefined,
    onEvents: () => () => undefined,
    dispose: async () => undefined,
  };
  return loadBuiltinKinds(registrar, source, only);
}
