/** The workspace session's state, its public face, and what its parts share. */
import type { StoreApi } from 'zustand/vanilla';
import type { ErrorCode } from '../../protocol/errors';
import type { LoadedScenarios, RunVerdict, Scenario, Workspace, WorkspaceModule } from '../../workspace';
import type { WorkspaceRepository, WorkspaceSummary } from '../../workspace/persistence/openWorkspaceRepository';
import type { SaveProblem } from '../../workspace/session/createAutosave';
import type { ModuleRecorder } from '../../workspace/session/moduleRecorder';
import type { ActionManager } from '../actions/createActionManager';
import type { ChangeSource } from '../actions/types';
import type { WorkbenchStore } from '../store/createWorkbenchStore';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface RunState {
  status: 'idle' | 'running' | 'passed' | 'failed';
  verdict?: RunVerdict;
  /** `performance.now()` when the run started (live counters in the pattern panel). */
  startedAt?: number;
}

export interface SessionState {
  phase: 'starting' | 'ready' | 'busy' | 'error';
  current: WorkspaceSummary | null;
  list: WorkspaceSummary[];
  save: SaveState;
  /** Why the last save failed (kept while retrying); a full quota offers an export. */
  saveProblem: (SaveProblem & { attempt: number; retryInMs: number }) | null;
  /** The saved workspace is drawn and its agents are being started. */
  startingAgents: boolean;
  /** Why the last import (or other workspace operation) was refused: shown as an alert. */
  refusal: { title: string; problems: string[] } | null;
  scenario: Scenario | null;
  run: RunState;
}

export interface WorkspaceSession extends StoreApi<SessionState> {
  start(): Promise<void>;
  create(name?: string): Promise<void>;
  rename(name: string): Promise<boolean>;
  switchTo(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** The current workspace as the `.json` text Export writes, and its file name. */
  exportCurrent(): Promise<{ fileName: string; text: string }>;
  /** Validate `text`; if it is good, open it as a new workspace. False when refused. */
  importText(text: string, fileName?: string): Promise<boolean>;
  dismissRefusal(): void;
  scenarios(): LoadedScenarios;
  loadScenario(s: Scenario): Promise<void>;
  runLoaded(): Promise<void>;
  /** Save now if a save is pending. */
  flush(): Promise<void>;
  /**
   * The page is going away: capture from the UI's copy and start the write now (with a
   * synchronous safety copy), so the workers can be disposed right after.
   */
  flushBeforeHide(): Promise<void>;
  dispose(): void;
}

export interface SessionOptions {
  store: WorkbenchStore;
  /** Every change a load or a pattern makes goes through the registry, tagged `load` or `pattern`. */
  actions: ActionManager;
  modules: ModuleRecorder;
  openRepository(): Promise<WorkspaceRepository>;
  newId?(): string;
  now?(): number;
  debounceMs?: number;
  /** First retry delay after a failed save (doubles up to 30 s). */
  retryBaseMs?: number;
  /** Restore but never write (a lab window: the main window owns the saved workspace). */
  readOnly?: boolean;
}

/** What the session's parts (workspace operations, patterns) share. */
export interface SessionContext {
  store: WorkbenchStore;
  session: StoreApi<SessionState>;
  repo(): WorkspaceRepository | null;
  now(): number;
  newId(): string;
  /** A notice with its registry code (shown with the message, listed in docs/errors.md). */
  notify(code: ErrorCode, message: string): void;
  /** Replace the workbench's contents with `ws` (nothing is saved meanwhile). */
  restore(ws: Workspace, source?: ChangeSource): Promise<void>;
  /** Make `ws` the open workspace `id` and save it. */
  open(id: string, name: string, ws: Workspace): Promise<void>;
  /** Run `fn` with the phase `busy`. */
  busy<T>(fn: () => Promise<T>): Promise<T>;
  flush(): Promise<void>;
  /** Mark the open workspace changed and save it now. */
  saveNow(): Promise<void>;
  /** Drop unsaved changes of the open workspace (it is being deleted). */
  discard(): Promise<void>;
  modulesOfWorkspace(): WorkspaceModule[];
  captureNow(name: string): Workspace;
  actions: ActionManager;
  modules: ModuleRecorder;
}
