import type { AgentStatus } from '../../../kernel/types';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import { nameStem, nextName } from '../../store/names';
import { linkIdFor, removalEntry, takenNames } from './canvasActions';
import type { Action, ActionArgs } from '../../actions/types';

const STARTABLE: ReadonlySet<AgentStatus> = new Set(['stopped', 'failed']);
const STOPPABLE: ReadonlySet<AgentStatus> = new Set(['loading', 'running', 'suspended', 'restarting']);
const RESTARTABLE: ReadonlySet<AgentStatus> = new Set(['running', 'suspended', 'failed', 'stopped']);
const SUSPENDABLE: ReadonlySet<AgentStatus> = new Set(['loading', 'running', 'restarting']);
const RESUMABLE: ReadonlySet<AgentStatus> = new Set(['suspended']);

/** The action's target: an explicit name, else the selected agent. */
function target(state: WorkbenchState, args: { name?: string }): string | null {
  return args.name ?? state.selected;
}

function statusOf(state: WorkbenchState, args: { name?: string }): AgentStatus | null {
  const name = target(state, args);
  return name ? (state.agents[name]?.status ?? null) : null;
}

export const deployAgent: Action<'agent.deploy'> = {
  id: 'agent.deploy',
  label: 'Deploy agent',
  predicate: (state, { kind }) => state.kinds.some((k) => k.kind === kind),
  perform: (state, { kind, at }) => {
    const label = state.kinds.find((k) => k.kind === kind)?.label;
    const name = nextName(nameStem(kind, label), takenNames(state));
    return {
      reserve: { name, at: at ?? null },
      commands: [{ type: 'agent.deploy', spec: { name, kind } }],
      ui: { selected: name },
      canvas: { selectedNodes: [name], selectedLink: null },
      record: {
        label: `Deploy ${name}`,
        forward: { commands: [{ type: 'agent.deploy', spec: { name, kind } }], ...(at ? { positions: { [name]: at } } : {}) },
        backward: { commands: [{ type: 'node.remove', name }] },
      },
    };
  },
};

function lifecycle<Id extends 'agent.restart' | 'agent.stop' | 'agent.start' | 'agent.suspend' | 'agent.resume'>(
  id: Id,
  label: string,
  allowed: ReadonlySet<AgentStatus>,
  shortcut?: string,
): Action<Id> {
  const type = id;
  return {
    id,
    label,
    ...(shortcut ? { shortcut } : {}),
    predicate: (state: WorkbenchState, args: ActionArgs[Id]) => {
      const status = statusOf(state, args);
      return status !== null && allowed.has(status);
    },
    perform: (state: WorkbenchState, args: ActionArgs[Id]) => {
      const name = target(state, args);
      return name ? { commands: [{ type, name }] } : {};
    },
  };
}

export const restartAgent = lifecycle('agent.restart', 'Restart', RESTARTABLE, 'Shift+R');
export const stopAgent = lifecycle('agent.stop', 'Stop', STOPPABLE);
export const startAgent = lifecycle('agent.start', 'Start', STARTABLE);
export const suspendAgent = lifecycle('agent.suspend', 'Suspend', SUSPENDABLE);
export const resumeAgent = lifecycle('agent.resume', 'Resume', RESUMABLE);

export const removeAgent: Action<'agent.remove'> = {
  id: 'agent.remove',
  label: 'Remove',
  // Delete is `selection.delete`, which removes every selected node.
  predicate: (state, args) => statusOf(state, args) !== null,
  perform: (state, args) => {
    const name = target(state, args);
    if (!name) return {};
    const record = removalEntry(state, [name]);
    return {
      commands: [{ type: 'node.remove', name }],
      ...(state.selected === name ? { ui: { selected: null } } : {}),
      ...(record ? { record } : {}),
    };
  },
};

export const addLink: Action<'link.add'> = {
  id: 'link.add',
  label: 'Link agents',
  predicate: (state, { a, b }) => a !== b && !Object.values(state.links).some((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a)),
  perform: (state, { a, b }) => {
    const id = linkIdFor(state, a, b);
    return {
      commands: [{ type: 'link.add', a, b, id }],
      record: {
        label: `Link ${a} – ${b}`,
        forward: { commands: [{ type: 'link.add', a, b, id }] },
        backward: { commands: [{ type: 'link.remove', id }] },
      },
    };
  },
};
