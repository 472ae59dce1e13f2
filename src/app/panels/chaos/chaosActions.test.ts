import { describe, expect, it } from 'vitest';
import type { WorkbenchApi } from '../../../hosts/types';
import type { KernelSnapshot } from '../../../kernel/types';
import { createActionManager } from '../../actions/createActionManager';
import type { AppliedChange } from '../../actions/types';
import { createWorkbenchStore } from '../../store/createWorkbenchStore';
import { blankExperiment } from './experimentForm';

/** The registry is what is under test: a kernel stand-in that accepts everything and emits nothing. */
const api = {
  command: async () => undefined,
  kinds: async () => [],
  snapshot: async () => ({ agents: [], links: [], topics: [], clients: [], groups: [] }) as unknown as KernelSnapshot,
  subscribe: async () => () => undefined,
} as unknown as WorkbenchApi;

describe('saved chaos experiments go through the action registry', () => {
  it('saves and deletes by name, each change in the applied stream with its source', async () => {
    const store = createWorkbenchStore(api);
    const actions = createActionManager(store);
    const applied: AppliedChange[] = [];
    actions.onApplied((change) => applied.push(change));
    const experiment = blankExperiment({ agents: [{ name: 'echo-1', kind: 'echo' }], links: [] }, 'soak');

    expect((await actions.run('experiment.save', { experiment })).ok).toBe(true);
    expect(store.getState().experiments.soak).toEqual(experiment);
    expect(actions.canRun('experiment.delete', { name: 'nope' })).toBe(false);
    expect((await actions.run('experiment.delete', { name: 'soak' }, 'replay')).ok).toBe(true);
    expect(Object.keys(store.getState().experiments)).toEqual([]);
    expect(applied.map((c) => [c.action, c.source])).toEqual([
      ['experiment.save', 'user'],
      ['experiment.delete', 'replay'],
    ]);
  });
});
