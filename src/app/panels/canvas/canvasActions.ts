/**
 * Canvas edits: topics, clients, links, selection, groups, moves, undo/redo. Every edit
 * returns its commands and, as data, the step that undoes it (`record`).
 */
import { DEFAULT_SUPERVISOR } from '../../../kernel/resilienceTypes';
import type { AgentSpec, Command } from '../../../kernel/types';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import { combine, nextRedo, nextUndo, type HistoryEntry, type HistoryStep } from '../../store/history';
import { nameStem, nextName } from '../../store/names';
import type { XY } from '../../store/types';
import type { Action, ActionChanges } from '../../actions/types';

/** Every node name in use or reserved (agents, topics, clients, groups). */
export function takenNames(state: WorkbenchState): Set<string> {
  return new Set([...state.agentOrder, ...state.plainOrder, ...Object.keys(state.groups), ...Object.keys(state.pending)]);
}

/** The spec that re-deploys an agent as it is now (name, kind, config, group and settings). */
export function agentSpec(state: WorkbenchState, name: string, group: string | null | undefined): AgentSpec | null {
  const agent = state.agents[name];
  if (!agent) return null;
  return {
    name,
    kind: agent.kind,
    ...(agent.config !== null && agent.config !== undefined ? { config: agent.config } : {}),
    ...(group ? { group } : {}),
    ...(agent.settings
      ? {
          limits: agent.settings.limits,
          restart: agent.settings.restart,
          redelivery: agent.settings.redelivery,
          isolated: agent.settings.isolated,
        }
      : {}),
  };
}

/** Commands that bring a node back as it is now (without its links). */
function recreate(state: WorkbenchState, name: string): Command | null {
  const plain = state.plainNodes[name];
  if (plain) return { type: plain.kind === 'topic' ? 'topic.create' : 'client.create', name };
  const spec = agentSpec(state, name, state.membership[name]);
  return spec ? { type: 'agent.deploy', spec } : null;
}

function linksTouching(state: WorkbenchState, names: ReadonlySet<string>) {
  return Object.values(state.links).filter((l) => names.has(l.a) || names.has(l.b));
}

/** Remove nodes, and bring them back with their links and positions on undo. */
export function removalEntry(state: WorkbenchState, names: readonly string[]): HistoryEntry | null {
  const present = names.filter((n) => state.agents[n] || state.plainNodes[n]);
  if (present.length === 0) return null;
  const set = new Set(present);
  const back: Command[] = [];
  const positions: Record<string, XY> = {};
  const membership: Record<string, string | null> = {};
  for (const name of present) {
    const command = recreate(state, name);
    if (command) back.push(command);
    const at = state.positions[name];
    if (at) positions[name] = at;
    if (state.membership[name]) membership[name] = state.membership[name]!;
  }
  for (const link of linksTouching(state, set)) back.push({ type: 'link.add', a: link.a, b: link.b, id: link.id });
  return {
    label: present.length === 1 ? `Remove ${present[0]}` : `Remove ${present.length} nodes`,
    forward: { commands: present.map((name) => ({ type: 'node.remove', name })) },
    backward: { commands: back, positions, membership },
  };
}

/** A link id chosen here (the kernel accepts one), so that undo and redo can name it. */
export function linkIdFor(state: WorkbenchState, a: string, b: string): string {
  const base = `${a}--${b}`;
  if (!state.links[base]) return base;
  for (let n = 2; ; n++) if (!state.links[`${base}-${n}`]) return `${base}-${n}`;
}

function plainCreate(kind: 'topic' | 'client'): Action<'topic.create'> | Action<'client.create'> {
  const type = kind === 'topic' ? 'topic.create' : 'client.create';
  return {
    id: type,
    label: kind === 'topic' ? 'Add topic' : 'Add client',
    perform: (state: WorkbenchState, { at }: { at?: XY }): ActionChanges => {
      const name = nextName(kind, takenNames(state));
      const positions = at ? { [name]: at } : undefined;
      return {
        reserve: { name, at: at ?? null },
        commands: [{ type, name }],
        ui: { selected: name },
        canvas: { selectedNodes: [name], selectedLink: null },
        record: {
          label: `Add ${kind} ${name}`,
          forward: { commands: [{ type, name }], ...(positions ? { positions } : {}) },
          backward: { commands: [{ type: 'node.remove', name }] },
        },
      };
    },
  } as Action<'topic.create'> | Action<'client.create'>;
}

export const createTopic = plainCreate('topic') as Action<'topic.create'>;
export const createClient = plainCreate('client') as Action<'client.create'>;

export const removeLink: Action<'link.remove'> = {
  id: 'link.remove',
  label: 'Delete link',
  predicate: (state, { id }) => {
    const target = id ?? state.selectedLink;
    return !!target && !!state.links[target];
  },
  perform: (state, { id }) => {
    const target = id ?? state.selectedLink;
    const link = target ? state.links[target] : undefined;
    if (!link) return {};
    return {
      commands: [{ type: 'link.remove', id: link.id }],
      canvas: { selectedLink: null },
      record: {
        label: `Delete link ${link.a} – ${link.b}`,
        forward: { commands: [{ type: 'link.remove', id: link.id }] },
        backward: { commands: [{ type: 'link.add', a: link.a, b: link.b, id: link.id }] },
      },
    };
  },
};

export const deleteSelection: Action<'selection.delete'> = {
  id: 'selection.delete',
  label: 'Delete selection',
  shortcut: 'Delete',
  predicate: (state) =>
    (state.selectedLink !== null && !!state.links[state.selectedLink]) ||
    selectedNames(state).some((n) => state.agents[n] || state.plainNodes[n]),
  perform: (state) => {
    const names = selectedNames(state);
    const entries: HistoryEntry[] = [];
    const removal = removalEntry(state, names);
    // A selected link between two removed nodes goes with them.
    const link = state.selectedLink ? state.links[state.selectedLink] : undefined;
    if (link && !names.includes(link.a) && !names.includes(link.b)) {
      entries.push({
        label: `Delete link ${link.a} – ${link.b}`,
        forward: { commands: [{ type: 'link.remove', id: link.id }] },
        backward: { commands: [{ type: 'link.add', a: link.a, b: link.b, id: link.id }] },
      });
    }
    if (removal) entries.push(removal);
    if (entries.length === 0) return {};
    const record = entries.length === 1 ? entries[0]! : combine('Delete selection', entries);
    return {
      commands: record.forward.commands,
      ui: { selected: null },
      canvas: { selectedNodes: [], selectedLink: null },
      record,
    };
  },
};

/** The selected nodes: the multi-selection, else the primary selected node. */
export function selectedNames(state: WorkbenchState): string[] {
  if (state.selectedNodes.length > 0) return state.selectedNodes;
  return state.selected ? [state.selected] : [];
}

export const selectAll: Action<'selection.all'> = {
  id: 'selection.all',
  label: 'Select all',
  shortcut: 'Ctrl+A',
  predicate: (state) => state.agentOrder.length + state.plainOrder.length > 0,
  perform: (state) => ({
    canvas: { selectedNodes: [...state.agentOrder, ...state.plainOrder], selectedLink: null },
  }),
};

export const moveNodes: Action<'nodes.move'> = {
  id: 'nodes.move',
  label: 'Move',
  perform: (_state, { from, to }) => {
    const n = Object.keys(to).length;
    return {
      positions: to,
      record: {
        label: n === 1 ? `Move ${Object.keys(to)[0]}` : `Move ${n} nodes`,
        forward: { commands: [], positions: to },
        backward: { commands: [], positions: from },
      },
    };
  },
};

/**
 * Put the selected agents in a new supervision group. The kernel has no "join" command:
 * members are re-deployed with `spec.group` (same name, kind and config) and their links
 * restored with their ids. Their key-value state restarts empty.
 */
export const groupSelection: Action<'selection.group'> = {
  id: 'selection.group',
  label: 'Group',
  shortcut: 'Ctrl+G',
  predicate: (state) => selectedNames(state).filter((n) => state.agents[n]).length > 0,
  perform: (state) => {
    const members = selectedNames(state).filter((n) => state.agents[n]);
    const group = nextName('group', takenNames(state));
    const set = new Set(members);
    const links = linksTouching(state, set);
    const step = (target: string | null): HistoryStep => {
      const commands: Command[] = [];
      const membership: Record<string, string | null> = {};
      for (const name of members) {
        const spec = agentSpec(state, name, target);
        if (!spec) continue;
        commands.push({ type: 'node.remove', name }, { type: 'agent.deploy', spec });
        membership[name] = target;
      }
      for (const link of links) commands.push({ type: 'link.add', a: link.a, b: link.b, id: link.id });
      const positions: Record<string, XY> = {};
      for (const name of members) if (state.positions[name]) positions[name] = state.positions[name]!;
      return { commands, positions, membership };
    };
    const forward = step(group);
    forward.commands.unshift({ type: 'group.create', spec: { name: group, ...DEFAULT_SUPERVISOR } });
    const membership: Record<string, string> = { ...state.membership };
    for (const name of members) membership[name] = group;
    return {
      commands: forward.commands,
      ...(forward.positions ? { positions: forward.positions } : {}),
      canvas: { membership, selectedNodes: [group], selectedLink: null },
      ui: { selected: group },
      record: { label: `Group ${members.length} agents`, forward, backward: step(null) },
    };
  },
};

export const cloneAgent: Action<'agent.clone'> = {
  id: 'agent.clone',
  label: 'Clone',
  shortcut: 'Ctrl+D',
  predicate: (state, { name }) => {
    const target = name ?? state.selected;
    return !!target && !!state.agents[target];
  },
  perform: (state, { name }) => {
    const source = state.agents[(name ?? state.selected)!]!;
    const label = state.kinds.find((k) => k.kind === source.kind)?.label;
    const clone = nextName(nameStem(source.kind, label), takenNames(state));
    const spec = { ...agentSpec(state, source.name, state.membership[source.name])!, name: clone };
    const from = state.positions[source.name] ?? { x: 40, y: 40 };
    const at = { x: from.x + 40, y: from.y + 110 };
    return {
      reserve: { name: clone, at },
      commands: [{ type: 'agent.deploy', spec }],
      ui: { selected: clone },
      canvas: { selectedNodes: [clone], selectedLink: null },
      record: {
        label: `Clone ${source.name} as ${clone}`,
        forward: { commands: [{ type: 'agent.deploy', spec }], positions: { [clone]: at } },
        backward: { commands: [{ type: 'node.remove', name: clone }] },
      },
    };
  },
};

/** Drop `group.create` for groups that exist already (undo keeps empty groups alive). */
function replayable(state: WorkbenchState, step: HistoryStep): ActionChanges {
  const commands = step.commands.filter((c) => !(c.type === 'group.create' && state.groups[c.spec.name]));
  const membership: Record<string, string> = { ...state.membership };
  for (const [name, group] of Object.entries(step.membership ?? {})) {
    if (group) membership[name] = group;
    else delete membership[name];
  }
  return {
    commands,
    ...(step.positions ? { positions: step.positions } : {}),
    ...(step.membership ? { canvas: { membership } } : {}),
  };
}

export const undo: Action<'history.undo'> = {
  id: 'history.undo',
  label: 'Undo',
  shortcut: 'Ctrl+Z',
  predicate: (state) => state.history.past.length > 0,
  perform: (state) => {
    const entry = nextUndo(state.history);
    return entry ? { ...replayable(state, entry.backward), history: 'undo' } : {};
  },
};

export const redo: Action<'history.redo'> = {
  id: 'history.redo',
  label: 'Redo',
  shortcut: 'Ctrl+Shift+Z',
  predicate: (state) => state.history.future.length > 0,
  perform: (state) => {
    const entry = nextRedo(state.history);
    return entry ? { ...replayable(state, entry.forward), history: 'redo' } : {};
  },
};

export const showShortcuts: Action<'help.show'> = {
  id: 'help.show',
  label: 'Keyboard shortcuts',
  shortcut: '?',
  perform: () => ({ dialog: 'shortcuts' }),
};

export const CANVAS_ACTIONS = [
  createTopic,
  createClient,
  removeLink,
  deleteSelection,
  selectAll,
  moveNodes,
  groupSelection,
  cloneAgent,
  undo,
  redo,
  showShortcuts,
] as const;
