/**
 * The action registry (Excalidraw's `actions/register.ts` idea): every user action is one
 * named unit; buttons, shortcuts and (later) the command palette come from this list.
 * Actions return changes as data; the manager carries them out against the store and the
 * kernel API, and turns failures into notices.
 */
import type { Command } from '../../kernel/types';
import type { WorkbenchStore } from '../store/createWorkbenchStore';
import { APP_ERRORS, errorText } from '../errors';
import {
  addLink,
  deployAgent,
  removeAgent,
  restartAgent,
  resumeAgent,
  startAgent,
  stopAgent,
  suspendAgent,
} from '../panels/canvas/agentActions';
import { CANVAS_ACTIONS } from '../panels/canvas/canvasActions';
import { deleteExperiment, saveExperiment } from '../panels/chaos/chaosActions';
import { requestMessage, sendMessage } from '../panels/composer/composerActions';
import { record, redone, undone } from '../store/history';
import { applyCommands, registerComponent } from './kernelActions';
import type { Action, ActionArgs, ActionChanges, ActionId, ActionOutcome, AnyAction, AppliedChange, ChangeSource } from './types';
import { showDockTab, toggleTheme } from './uiActions';

export const BUILTIN_ACTIONS: readonly AnyAction[] = [
  deployAgent,
  restartAgent,
  stopAgent,
  startAgent,
  removeAgent,
  suspendAgent,
  resumeAgent,
  addLink,
  sendMessage,
  requestMessage,
  toggleTheme,
  showDockTab,
  applyCommands,
  registerComponent,
  saveExperiment,
  deleteExperiment,
  ...CANVAS_ACTIONS,
] as AnyAction[];

export interface ShortcutClash {
  shortcut: string;
  actions: ActionId[];
}

export interface ActionManager {
  get<Id extends ActionId>(id: Id): Action<Id>;
  canRun<Id extends ActionId>(id: Id, args: ActionArgs[Id]): boolean;
  /** Carry out an action; `source` (default `user`) tags the change: only `user` changes are undoable. */
  run<Id extends ActionId>(id: Id, args: ActionArgs[Id], source?: ChangeSource): Promise<ActionOutcome>;
  /** Every change carried out, whatever its source: the one stream recording reads. Returns the disposer. */
  onApplied(listener: (change: AppliedChange) => void): () => void;
  /** The action bound to a normalized shortcut (`Shift+R`), if any. */
  byShortcut(shortcut: string): AnyAction | undefined;
  /** Every registered action, in registration order (help dialog, command palette). */
  all(): readonly AnyAction[];
  /** Shortcuts claimed by more than one action: reported, never silently shadowed. */
  readonly clashes: readonly ShortcutClash[];
}

/** Normalize `event` to the registry's `Ctrl+Alt+Shift+Key` form. */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string {
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('Ctrl');
  if (event.altKey) parts.push('Alt');
  // `?` and other symbols: Shift is part of typing them on most layouts, not a modifier.
  const symbol = event.key.length === 1 && !/[a-z0-9]/i.test(event.key);
  if (event.shiftKey && !symbol) parts.push('Shift');
  parts.push(event.key.length === 1 ? event.key.toUpperCase() : event.key);
  return parts.join('+');
}

export function createActionManager(store: WorkbenchStore, actions: readonly AnyAction[] = BUILTIN_ACTIONS): ActionManager {
  const { byId, shortcuts, clashes } = register(actions);
  const listeners = new Set<(change: AppliedChange) => void>();

  const get = <Id extends ActionId>(id: Id): Action<Id> => {
    const action = byId.get(id);
    if (!action) throw new Error(`Unknown action "${id}"`);
    return action as unknown as Action<Id>;
  };

  const canRun = <Id extends ActionId>(id: Id, args: ActionArgs[Id]): boolean => {
    const action = get(id);
    return action.predicate ? action.predicate(store.getState(), args) : true;
  };

  const run = async <Id extends ActionId>(id: Id, args: ActionArgs[Id], source: ChangeSource = 'user'): Promise<ActionOutcome> => {
    const action = get(id);
    const state = store.getState();
    if (action.predicate && !action.predicate(state, args)) {
      return { ok: false, error: `${action.label} does not apply now` };
    }
    const changes = action.perform(state, args);
    applyToStore(store, changes);
    const sent: Command[] = [];
    try {
      const outcome = await carryOut(store, changes, sent, source);
      const undoable = Boolean(changes.record) && source === 'user';
      const change: AppliedChange = { action: id, label: action.label, source, commands: sent, undoable };
      const message = changes.send ?? changes.request;
      if (message) change.message = message;
      if (outcome.kind) change.registered = outcome.kind;
      for (const listener of [...listeners]) listener(change);
      return outcome;
    } catch (error) {
      if (changes.reserve) store.getState().release(changes.reserve.name);
      const message = errorText(error);
      // Other sources (a pattern run, a load) report their own problems, as do quiet actions.
      if (source === 'user' && !action.quiet) store.getState().notify('ORR402', APP_ERRORS.ORR402(action.label, message));
      return { ok: false, error: message };
    }
  };

  return {
    get,
    canRun,
    run,
    onApplied(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    byShortcut: (shortcut) => shortcuts.get(shortcut),
    all: () => [...byId.values()],
    clashes,
  };
}

function register(actions: readonly AnyAction[]) {
  const byId = new Map<ActionId, AnyAction>();
  const shortcuts = new Map<string, AnyAction>();
  const clashes: ShortcutClash[] = [];
  for (const action of actions) {
    if (byId.has(action.id)) throw new Error(`Action "${action.id}" is registered twice`);
    byId.set(action.id, action);
    if (!action.shortcut) continue;
    const other = shortcuts.get(action.shortcut);
    if (other) clashes.push({ shortcut: action.shortcut, actions: [other.id, action.id] });
    else shortcuts.set(action.shortcut, action);
  }
  return { byId, shortcuts, clashes };
}

/** The store-only part of the changes: applied at once, before anything reaches the kernel. */
function applyToStore(store: WorkbenchStore, changes: ActionChanges): void {
  const state = store.getState();
  if (changes.reserve) state.reserve(changes.reserve.name, changes.reserve.at);
  if (changes.ui) store.setState(changes.ui);
  if (changes.canvas) store.setState(changes.canvas);
  if (changes.dialog) store.setState({ dialog: changes.dialog });
  if (changes.positions) state.setPositions(changes.positions);
  if (changes.experiments?.save) state.saveExperiment(changes.experiments.save);
  if (changes.experiments?.delete !== undefined) state.deleteExperiment(changes.experiments.delete);
  // Undo/redo moves along the history even when a step fails half-way: retrying the
  // same broken step forever would leave the user stuck.
  const op = changes.history;
  if (op) store.setState((s) => ({ history: op === 'undo' ? undone(s.history) : redone(s.history) }));
}

/** The kernel part, in order; throws at the first refusal. `sent` collects the commands that went through. */
async function carryOut(
  store: WorkbenchStore,
  changes: ActionChanges,
  sent: Command[],
  source: ChangeSource,
): Promise<Extract<ActionOutcome, { ok: true }>> {
  for (const command of changes.commands ?? []) {
    await store.api.command(command);
    sent.push(command);
  }
  // Only a person's edits are recorded; pattern, load, replay and chaos changes are not undoable.
  const entry = changes.record;
  if (entry && source === 'user') store.setState((s) => ({ history: record(s.history, entry) }));
  if (changes.register) {
    const kind = await store.api.registerComponent(changes.register.label, changes.register.bytes);
    store.setState({ kinds: await store.api.kinds() });
    return { ok: true, kind };
  }
  if (changes.send) {
    const { draft, from } = changes.send;
    return { ok: true, send: await store.api.send(draft, from) };
  }
  if (changes.request) {
    const { draft, from, timeoutMs } = changes.request;
    return { ok: true, reply: await store.api.request(draft, timeoutMs, from) };
  }
  return { ok: true };
}
