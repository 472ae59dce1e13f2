/** Test kit: a kernel stand-in for session tests that acknowledges commands and has nothing on it. */
import type { KindInfo, WorkbenchApi } from '../../hosts/types';
import type { KernelEvent, KernelSnapshot } from '../../kernel/types';

export function idleApi(): WorkbenchApi {
  const snapshot = { agents: [], links: [], topics: [], clients: [], groups: [], seq: 0 } as unknown as KernelSnapshot;
  return {
    command: async () => undefined,
    send: async () => ({ ok: true, id: 'm1' }),
    request: () => Promise.reject(new Error('not used')),
    kinds: async () => [] as KindInfo[],
    registerComponent: () => Promise.reject(new Error('not used')),
    snapshot: async () => snapshot,
    inspect: async () => ({ kv: {}, mailbox: [] }),
    subscribe: async (_listener: (events: KernelEvent[]) => void) => () => undefined,
  };
}
