import type { AgentStatus } from '../../kernel/types';
import type { WorkbenchState } from '../store/createWorkbenchStore';
import { nameStem, nextName } from '../store/names';
import type { Action, ActionArgs } from './types';

const STARTABLE: ReadonlySet<AgentStatus> = new Set(['stopped', 'failed']);
const STOPPABLE: ReadonlySet<AgentStatus> = new Set(['loading', 'running', 'suspended', 'restarting']);
const RESTARTABLE: ReadonlySet<AgentStatus> = new Set(['running', 'suspended', 'failed', 'stopped']);

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
    const taken = new Set([...state.agentOrder, ...Object.keys(state.pending)]);
    const name = nextName(nameStem(kind, label), taken);
    return {
      reserve: { name, at: at ?? null },
      commands: [{ type: 'agent.deploy', spec: { name, kind } }],
      ui: { selected: name },
    };
  },
};

function lifecycle<Id extends 'agent.restart' | 'agent.stop' | 'agent.start'>(
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

export const removeAgent: Action<'agent.remove'> = {
  id: 'agent.remove',
  label: 'Remove',
  shortcut: 'Delete',
  predicate: (state, args) => statusOf(state, args) !== null,
  perform: (state, args) => {
    const name = target(state, args);
    if (!name) return {};
    return {
      commands: [{ type: 'node.remove', name }],
      ...(state.selected === name ? { ui: { selected: null } } : {}),
    };
  },
};

export const addLink: Action<'link.add'> = {
  id: 'link.add',
  label: 'Link agents',
  predicate: (state, { a, b }) =>
    a !== b &&
    !Object.values(state.links).some(
      (l) => (l.a === a && l.b === b) || (l.a === b && l.b === a),
    ),
  perform: (_state, { a, b }) => ({ commands: [{ type: 'link.add', a, b }] }),
};
