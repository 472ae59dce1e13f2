import type { SendResult } from '../../hosts/types';
import type { Command } from '../../kernel/types';
import type { AclMessage } from '../../protocol/message';
import type { WorkbenchState } from '../store/createWorkbenchStore';
import type { DockTab, Theme, XY } from '../store/types';
import type { CanvasUi } from '../panels/canvas/canvasSlice';
import type { HistoryEntry } from '../store/history';

/** Who caused a change: recording and replay need to tell them apart. */
export type ChangeSource = 'user' | 'replay' | 'chaos';

/** Arguments per action; the closed union of action ids is its key set. */
export interface ActionArgs {
  'agent.deploy': { kind: string; at?: XY };
  'agent.restart': { name?: string };
  'agent.stop': { name?: string };
  'agent.start': { name?: string };
  'agent.remove': { name?: string };
  'link.add': { a: string; b: string };
  'message.send': { draft: unknown };
  /** Send and wait for the reply (or the kernel's timeout failure). */
  'message.request': { draft: unknown; timeoutMs: number };
  'theme.toggle': Record<string, never>;
  'dock.show': { tab: DockTab };
  'agent.suspend': { name?: string };
  'agent.resume': { name?: string };
  'agent.clone': { name?: string };
  'topic.create': { at?: XY };
  'client.create': { at?: XY };
  'link.remove': { id?: string };
  'selection.delete': Record<string, never>;
  'selection.group': Record<string, never>;
  'selection.all': Record<string, never>;
  'nodes.move': { from: Record<string, XY>; to: Record<string, XY> };
  'history.undo': Record<string, never>;
  'history.redo': Record<string, never>;
  'help.show': Record<string, never>;
}

export type ActionId = keyof ActionArgs;

/** What an action wants done, as data; the action manager carries it out. */
export interface ActionChanges {
  /** Reserve a generated name (and its drop position) before a deploy command goes out. */
  reserve?: { name: string; at: XY | null };
  commands?: Command[];
  send?: { draft: unknown };
  request?: { draft: unknown; timeoutMs: number };
  ui?: { theme?: Theme; dockTab?: DockTab; selected?: string | null };
  /** Canvas selection, search, group membership (see `canvasSlice.ts`). */
  canvas?: Partial<CanvasUi>;
  /** Node positions, applied before the commands (re-deployed nodes land there). */
  positions?: Record<string, XY>;
  /** The edit as data with its inverse: recorded for undo when the source is `user`. */
  record?: HistoryEntry;
  /** Undo/redo moved along the history once the commands succeeded. */
  history?: 'undo' | 'redo';
  /** Open a dialog (e.g. the keyboard shortcuts). */
  dialog?: 'shortcuts';
}

export interface Action<Id extends ActionId = ActionId> {
  id: Id;
  /** Human label; also the accessible name of buttons generated from the action. */
  label: string;
  /** e.g. `Shift+R`, `Delete`; matched against keydown outside text inputs. */
  shortcut?: string;
  /** Whether the action applies now (buttons are disabled otherwise). */
  predicate?: (state: WorkbenchState, args: ActionArgs[Id]) => boolean;
  perform: (state: WorkbenchState, args: ActionArgs[Id]) => ActionChanges;
}

export type AnyAction = { [Id in ActionId]: Action<Id> }[ActionId];

export type ActionOutcome =
  | { ok: true; send?: SendResult; reply?: AclMessage }
  | { ok: false; error: string };
