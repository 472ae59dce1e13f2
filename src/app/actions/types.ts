import type { SendResult } from '../../hosts/types';
import type { Command } from '../../kernel/types';
import type { WorkbenchState } from '../store/createWorkbenchStore';
import type { DockTab, Theme, XY } from '../store/types';

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
  'theme.toggle': Record<string, never>;
  'dock.show': { tab: DockTab };
}

export type ActionId = keyof ActionArgs;

/** What an action wants done, as data; the action manager carries it out. */
export interface ActionChanges {
  /** Reserve a generated name (and its drop position) before a deploy command goes out. */
  reserve?: { name: string; at: XY | null };
  commands?: Command[];
  send?: { draft: unknown };
  ui?: { theme?: Theme; dockTab?: DockTab; selected?: string | null };
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
  | { ok: true; send?: SendResult }
  | { ok: false; error: string };
