import type { KindInfo, SendResult } from '../../hosts/types';
import type { Command } from '../../kernel/types';
import type { AclMessage, MessageDraft } from '../../protocol/message';
import type { WorkbenchState } from '../store/createWorkbenchStore';
import type { DockTab, Theme, XY } from '../store/types';
import type { CanvasUi } from '../panels/canvas/canvasSlice';
import type { Experiment } from '../../experiments/chaos/types';
import type { HistoryEntry } from '../store/history';

/**
 * Who caused a change: recording and replay need to tell them apart. Only `user` changes
 * are undoable; a pattern run, a chaos experiment, a load (workspace restore) or a replay
 * go through the same registry and are tagged so undo, notices and recording can tell.
 */
export type ChangeSource = 'user' | 'pattern' | 'chaos' | 'replay' | 'load';
export const CHANGE_SOURCES: readonly ChangeSource[] = ['user', 'pattern', 'chaos', 'replay', 'load'];

/**
 * The one shape a message takes on its way to the kernel, from the Composer (Send and
 * Send and wait alike), a pattern's run or a replay: an envelope object, parsed but not
 * necessarily valid (the kernel validates it and names the field that is wrong).
 */
export type MessageDraftInput = MessageDraft | Readonly<Record<string, unknown>>;

/** A message to send: the draft, and the client node it comes from (default: the console `you`). */
export interface OutgoingMessage {
  draft: MessageDraftInput;
  from?: string;
}

/** Arguments per action; the closed union of action ids is its key set. */
export interface ActionArgs {
  'agent.deploy': { kind: string; at?: XY };
  'agent.restart': { name?: string };
  'agent.stop': { name?: string };
  'agent.start': { name?: string };
  'agent.remove': { name?: string };
  'link.add': { a: string; b: string };
  'message.send': OutgoingMessage;
  /** Send and wait for the reply (or the kernel's timeout failure). */
  'message.request': OutgoingMessage & { timeoutMs: number };
  /** Kernel commands in order, stopping at the first refusal (settings forms, workspace loads). */
  'commands.apply': { label: string; commands: Command[] };
  /** Register a custom agent component (a dropped or restored `.wasm`). */
  'component.register': { label: string; bytes: Uint8Array };
  /** Keep a chaos experiment with the workspace under its name (replacing one of that name). */
  'experiment.save': { experiment: Experiment };
  'experiment.delete': { name: string };
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
  send?: OutgoingMessage;
  request?: OutgoingMessage & { timeoutMs: number };
  register?: { label: string; bytes: Uint8Array };
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
  /** Saved chaos experiments (persisted with the workspace). */
  experiments?: { save?: Experiment; delete?: string };
}

export interface Action<Id extends ActionId = ActionId> {
  id: Id;
  /** Human label; also the accessible name of buttons generated from the action. */
  label: string;
  /** e.g. `Shift+R`, `Delete`; matched against keydown outside text inputs. */
  shortcut?: string;
  /** The caller shows the outcome itself: a failure raises no notice. */
  quiet?: boolean;
  /** Whether the action applies now (buttons are disabled otherwise). */
  predicate?: (state: WorkbenchState, args: ActionArgs[Id]) => boolean;
  perform: (state: WorkbenchState, args: ActionArgs[Id]) => ActionChanges;
}

export type AnyAction = { [Id in ActionId]: Action<Id> }[ActionId];

export type ActionOutcome = { ok: true; send?: SendResult; reply?: AclMessage; kind?: KindInfo } | { ok: false; error: string };

/** One change the registry carried out, with who caused it: the stream recording reads. */
export interface AppliedChange {
  action: ActionId;
  label: string;
  source: ChangeSource;
  /** Kernel commands sent, in order. */
  commands: readonly Command[];
  /** The message sent (Send or Send and wait), if any. */
  message?: OutgoingMessage;
  /** The component registered, if any. */
  registered?: KindInfo;
  /** Recorded for undo (only `user` changes are). */
  undoable: boolean;
}
