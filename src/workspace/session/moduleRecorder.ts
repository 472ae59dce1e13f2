/**
 * Keeps the bytes of every custom agent component registered in this tab, so the
 * workspace can save them and a reload can register them again. It wraps the API's
 * `registerComponent`; nothing else changes.
 */
import type { KindInfo, WorkbenchApi } from '../../hosts/types';
import { bytesToBase64, type WorkspaceModule } from '..';

export interface ModuleRecorder {
  /** The same API, recording what `registerComponent` accepted. */
  wrap<A extends WorkbenchApi>(api: A): A;
  record(info: KindInfo, bytes: Uint8Array): WorkspaceModule;
  get(kind: string): WorkspaceModule | undefined;
  /** Called with every newly recorded module. */
  onRecord(listener: (module: WorkspaceModule) => void): () => void;
}

export function createModuleRecorder(): ModuleRecorder {
  const modules = new Map<string, WorkspaceModule>();
  const listeners = new Set<(module: WorkspaceModule) => void>();
  const record = (info: KindInfo, bytes: Uint8Array): WorkspaceModule => {
    let m = modules.get(info.kind);
    if (!m) {
      m = { kind: info.kind, label: info.label, hash: info.hash, bytes: bytesToBase64(bytes) };
      modules.set(info.kind, m);
    }
    for (const l of listeners) l(m);
    return m;
  };
  return {
    wrap(api) {
      // connectWorkbench's API is a plain object of closures, so a copy behaves the same.
      return {
        ...api,
        registerComponent: async (label: string, component: Uint8Array) => {
          const info = await api.registerComponent(label, component);
          if (!info.builtin) record(info, component);
          return info;
        },
      };
    },
    record,
    get: (kind) => modules.get(kind),
    onRecord(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
