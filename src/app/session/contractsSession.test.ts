import { describe, expect, it } from 'vitest';
import type { ContractFile } from '../../experiments/contracts/types';
import { emptyWorkspace, parseWorkspace, serializeWorkspace, type Workspace } from '../../workspace';
import { createModuleRecorder } from '../../workspace/session/moduleRecorder';
import { createActionManager } from '../actions/createActionManager';
import { createWorkbenchStore } from '../store/createWorkbenchStore';
import { captureWorkspace } from './captureWorkspace';
import { restoreWorkspace } from './restoreWorkspace';
import { idleApi } from './sessionTestKit';

const CONTRACTS: ContractFile = {
  schema: 'orrery.contract/1',
  version: '1.0.0',
  kinds: { echo: { request: { accepts: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } } } } },
};

function setUp() {
  const store = createWorkbenchStore(idleApi());
  const actions = createActionManager(store);
  const restore = (ws: Workspace) => restoreWorkspace({ store, actions, modules: createModuleRecorder() }, ws);
  return { store, restore };
}

describe('contracts in the saved workspace', () => {
  it('are captured, survive export and import, and come back on restore', async () => {
    const { store, restore } = setUp();
    expect(captureWorkspace(store.getState(), 'W', [])).not.toHaveProperty('contracts');
    expect(store.getState().loadContracts(CONTRACTS)).toEqual({ ok: true });
    const ws = captureWorkspace(store.getState(), 'W', []);
    expect(ws.contracts).toEqual(CONTRACTS);
    const reread = parseWorkspace(serializeWorkspace(ws));
    if (!reread.ok) throw new Error('the workspace did not read back');

    store.getState().setContracts(null);
    expect(await restore(reread.value)).toEqual([]);
    expect(store.getState().contracts).toEqual(CONTRACTS);
  });

  it('a workspace without contracts clears the ones in use', async () => {
    const { store, restore } = setUp();
    store.getState().loadContracts(CONTRACTS);
    await restore(emptyWorkspace('empty'));
    expect(store.getState().contracts).toBeNull();
  });

  it('a workspace whose contracts are refused says why and keeps the ones in use', async () => {
    const { store, restore } = setUp();
    store.getState().loadContracts(CONTRACTS);
    const broken = { ...CONTRACTS, kinds: { echo: { request: { accepts: { type: 'integr' } } } } };
    const ws = { ...emptyWorkspace('broken'), contracts: broken } as unknown as Workspace;
    const problems = await restore(ws);
    expect(problems.join('\n')).toContain('kinds.echo.request.accepts');
    expect(store.getState().contracts).toEqual(CONTRACTS);
    expect(store.getState().notices.map((n) => n.code)).toContain('ORR601');
  });
});
