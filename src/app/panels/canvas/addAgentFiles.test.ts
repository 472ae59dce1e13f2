import { describe, expect, it } from 'vitest';
import type { WorkbenchApi } from '../../../hosts/types';
import type { KernelSnapshot } from '../../../kernel/types';
import { createActionManager } from '../../actions/createActionManager';
import { createWorkbenchStore } from '../../store/createWorkbenchStore';
import { addAgentFile } from './addAgentFiles';

/** A kernel that is never reached: these files are refused before anything is sent. */
function unreachableApi(): WorkbenchApi {
  const refuse = () => Promise.reject(new Error('the kernel must not be asked'));
  return {
    command: refuse,
    send: refuse,
    request: refuse,
    kinds: async () => [],
    registerComponent: refuse,
    snapshot: async () => ({ agents: [], links: [], topics: [], clients: [], groups: [] }) as unknown as KernelSnapshot,
    inspect: async () => ({ kv: {}, mailbox: [] }),
    subscribe: async () => () => undefined,
  };
}

async function refusalOf(file: File) {
  const store = createWorkbenchStore(unreachableApi());
  const added = await addAgentFile(store, createActionManager(store), file);
  expect(added).toBeNull();
  return store.getState().notices.map(({ code, message }) => ({ code, message }));
}

describe('adding agent files: refusals carry registry codes (docs/errors.md)', () => {
  it('refuses a file that is not .wasm as ORR406 carrying ORR103, what came and the hint', async () => {
    const notices = await refusalOf(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    expect(notices).toEqual([
      {
        code: 'ORR406',
        message:
          '"notes.txt" was not added as an agent: [ORR103] This file is not a WebAssembly component: expected a .wasm WebAssembly component file, received "notes.txt" (text/plain). Drop a .wasm component built for the workbench:agent world.',
      },
    ]);
  });

  it('refuses an empty .wasm file as ORR101 before reading it', async () => {
    const [notice] = await refusalOf(new File([], 'empty.wasm'));
    expect(notice?.code).toBe('ORR406');
    expect(notice?.message).toMatch(
      /^"empty\.wasm" was not added as an agent: \[ORR101\] The file is empty: expected a WebAssembly component, received 0 bytes\. /,
    );
  });
});
