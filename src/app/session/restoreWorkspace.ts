/**
 * Carries out a restore plan through the WorkbenchApi: empty the canvas, register the
 * custom modules, run the commands in order (positions reserved first so nodes appear
 * where they were), then give the canvas its positions, the composer its history and the
 * chaos lab its saved experiments.
 * A command the kernel refuses is reported and the rest still run.
 */
import type { Command } from '../../kernel/types';
import { base64ToBytes, toCommands, type Workspace } from '../../workspace';
import { errorText } from '../errors';
import type { WorkbenchStore } from '../store/createWorkbenchStore';
import { emptyHistory } from '../store/history';
import type { ModuleRecorder } from '../../workspace/session/moduleRecorder';

/** Remove every node (agents first, then groups, topics and clients) and reset undo. */
export async function clearWorkbench(store: WorkbenchStore): Promise<string[]> {
  const snap = await store.api.snapshot();
  const problems: string[] = [];
  const names = [
    ...snap.agents.map((a) => a.name),
    ...[...(snap.groups ?? [])].reverse().map((g) => g.name),
    ...snap.topics,
    ...snap.clients,
  ];
  for (const name of names) {
    try {
      await store.api.command({ type: 'node.remove', name });
    } catch (error) {
      problems.push(`remove ${name}: ${errorText(error)}`);
    }
  }
  store.setState({ history: emptyHistory(), selected: null, selectedNodes: [], selectedLink: null });
  return problems;
}

export async function restoreWorkspace(store: WorkbenchStore, modules: ModuleRecorder, ws: Workspace): Promise<string[]> {
  const problems = await clearWorkbench(store);
  const plan = toCommands(ws);

  const registered = new Set(store.getState().kinds.map((k) => k.kind));
  for (const m of plan.modules) {
    if (registered.has(m.kind)) continue;
    const bytes = base64ToBytes(m.bytes);
    if (!bytes) continue; // validateWorkspace refused these already
    try {
      const info = await store.api.registerComponent(m.label, bytes);
      modules.record(info, bytes);
      if (info.kind !== m.kind) problems.push(`module ${m.label}: its bytes hash to ${info.kind}, not ${m.kind}`);
    } catch (error) {
      problems.push(`register ${m.label}: ${errorText(error)}`);
    }
  }
  if (plan.modules.length > 0) store.setState({ kinds: await store.api.kinds() });

  const state = store.getState();
  for (const [name, at] of Object.entries(plan.positions)) state.reserve(name, at);
  for (const command of plan.commands) {
    try {
      await store.api.command(command);
    } catch (error) {
      problems.push(`${describe(command)}: ${errorText(error)}`);
      if ('spec' in command) store.getState().release(command.spec.name);
      else if ('name' in command) store.getState().release(command.name);
    }
  }
  store.getState().setPositions(plan.positions);
  store.getState().setComposerHistory(plan.composerHistory);
  // Always replaced: a workspace without experiments must not inherit the previous one's.
  store.getState().setExperiments(Object.fromEntries(plan.experiments.map((e) => [e.name, e])));
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
