import { describe, expect, it } from 'vitest';
import { fromState, type WorkbenchView } from './fromState';
import { emptyWorkspace, type SavedContracts } from './model';
import { toCommands } from './toCommands';

const view = (over: Partial<WorkbenchView> = {}): WorkbenchView => ({
  name: 'W',
  agents: [],
  topics: [],
  clients: [],
  links: [],
  positions: {},
  modules: [],
  ...over,
});

const contracts: SavedContracts = { schema: 'orrery.contract/1', version: '2', kinds: { echo: { request: { accepts: true } } } };

describe('contracts in fromState and the restore plan', () => {
  it('are written only when there are some, and come back in the plan', () => {
    expect(fromState(view())).not.toHaveProperty('contracts');
    expect(fromState(view({ contracts: null }))).not.toHaveProperty('contracts');
    const ws = fromState(view({ contracts }));
    expect(ws.contracts).toEqual(contracts);
    expect(toCommands(ws).contracts).toEqual(contracts);
    expect(toCommands(emptyWorkspace('x')).contracts).toBeNull();
  });
});
