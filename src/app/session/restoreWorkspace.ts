/**
 * Carries out a restore plan through the WorkbenchApi: empty the canvas, register the
 * custom modules, run the commands in order (positions reserved first so nodes appear
 * where they were), then give the canvas its positions, the composer its history and the
 * chaos lab its saved experiments.
 * A command the kernel refuses is reported and the rest still run. Every change goes
 * through the action registry, tagged `load` (or `pattern` when a pattern is opened).
 */
import type { Command } from '../../kernel/types';
import type { ActionManager } from '../actions/createActionManager';
import type { ChangeSource } from '../actions/types';
import { base64ToBytes, toCommands, type Workspace } from '../../workspace';
import type { WorkbenchStore } from '../store/createWorkbenchStore';
import { emptyHistory } from '../store/history';
import { describeProblems } from '../store/contractsSlice';
import type { ModuleRecorder } from '../../workspace/session/moduleRecorder';

/** Remove every node (agents first, then groups, topics and clients) and reset undo. */
export async function clearWorkbench(store: WorkbenchStore, actions: ActionManager, source: ChangeSource = 'load'): Promise<string[]> {
  const snap = await store.api.snapshot();
  const problems: string[] = [];
  const names = [
    ...snap.agents.map((a) => a.name),
    ...[...(snap.groups ?? [])].reverse().map((g) => g.name),
    ...snap.topics,
    ...snap.clients,
  ];
  for (const name of names) {
    const outcome = await actions.run('commands.apply', { label: `Remove ${name}`, commands: [{ type: 'node.remove', name }] }, source);
    if (!outcome.ok) problems.push(`remove ${name}: ${outcome.error}`);
  }
  store.setState({ history: emptyHistory(), selected: null, selectedNodes: [], selectedLink: null });
  return problems;
}

export interface RestoreContext {
  store: WorkbenchStore;
  actions: ActionManager;
  modules: ModuleRecorder;
  /** Who the changes are attributed to: `load` for a workspace, `pattern` for a pattern's set-up. */
  source?: ChangeSource;
}

export async function restoreWorkspace({ store, actions, modules, source = 'load' }: RestoreContext, ws: Workspace): Promise<string[]> {
  const problems = await clearWorkbench(store, actions, source);
  const plan = toCommands(ws);

  const registered = new Set(store.getState().kinds.map((k) => k.kind));
  for (const m of plan.modules) {
    if (registered.has(m.kind)) continue;
    const bytes = base64ToBytes(m.bytes);
    if (!bytes) continue; // validateWorkspace refused these already
    const outcome = await actions.run('component.register', { label: m.label, bytes }, source);
    if (!outcome.ok) problems.push(`register ${m.label}: ${outcome.error}`);
    else if (outcome.kind) {
      modules.record(outcome.kind, bytes);
      if (outcome.kind.kind !== m.kind) problems.push(`module ${m.label}: its bytes hash to ${outcome.kind.kind}, not ${m.kind}`);
    }
  }

  const state = store.getState();
  for (const [name, at] of Object.entries(plan.positions)) state.reserve(name, at);
  for (const command of plan.commands) {
    const outcome = await actions.run('commands.apply', { label: describe(command), commands: [command] }, source);
    if (!outcome.ok) {
      problems.push(`${describe(command)}: ${outcome.error}`);
      if ('spec' in command) store.getState().release(command.spec.name);
      else if ('name' in command) store.getState().release(command.name);
    }
  }
  store.getState().setPositions(plan.positions);
  store.getState().setComposerHistory(plan.composerHistory);
  // Always replaced: a workspace without experiments must not inherit the previous one's.
  store.getState().setExperiments(Object.fromEntries(plan.experiments.map((e) => [e.name, e])));
  store.getState().setSavedLoads(plan.loads);
  // Always replaced, and parsed fully before use (a refused file says why in a notice).
  if (plan.contracts === null) store.getState().setContracts(null);
  else {
    const loaded = store.getState().loadContracts(plan.contracts);
    if (!loaded.ok) problems.push(`contracts: ${describeProblems(loaded.problems)}`);
  }
  return problems;
}

function describe(command: Command): string {
  switch (command.type) {
    case 'agent.deploy':
      return `deploy ${command.spec.name} (${command.spec.kind})`;
    case 'link.add':
      return `link ${command.a}–${command.b}`;
    case 'group.create':
      return `group ${command.spec.name}`;
    default:
      return 'name' in command ? `${command.type} ${command.name}` : command.type;
  }
}
