/**
 * The open workspace and its neighbours: which named workspace is open, autosave to
 * IndexedDB (debounced), restore on start, new / rename / switch / delete, export and
 * import, and the pattern gallery's loaded scenario and its run. A small vanilla store
 * of its own (read by the workspace UI through context) beside the workbench store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  emptyWorkspace,
  formatProblem,
  importedName,
  importWorkspace,
  loadScenarios,
  MAX_FILE_BYTES,
  scenarioToWorkspace,
  serializeWorkspace,
  uniqueName,
  workspaceFileName,
  type LoadedScenarios,
  type RunVerdict,
  type Scenario,
  type Workspace,
  type WorkspaceModule,
} from '../../workspace';
import type { WorkspaceRepository, WorkspaceSummary } from '../../workspace/persistence/openWorkspaceRepository';
import type { ActionManager } from '../actions/createActionManager';
import type { ChangeSource } from '../actions/types';
import { errorText } from '../errors';
import type { WorkbenchStore } from '../store/createWorkbenchStore';
import { captureWorkspace } from './captureWorkspace';
import type { ModuleRecorder } from '../../workspace/session/moduleRecorder';
import { restoreWorkspace } from './restoreWorkspace';
import { runScenario } from '../../workspace/session/runScenario';
import { scenarioPort } from './scenarioPort';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface RunState {
  status: 'idle' | 'running' | 'passed' | 'failed';
  verdict?: RunVerdict;
}

export interface SessionState {
  phase: 'starting' | 'ready' | 'busy' | 'error';
  current: WorkspaceSummary | null;
  list: WorkspaceSummary[];
  save: SaveState;
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
}

/** Kernel events that change what a workspace holds. */
const STRUCTURAL = new Set(['agent.deployed', 'agent.configured', 'node.added', 'node.removed', 'link.added', 'link.removed', 'group.created', 'group.configured']);

export function createWorkspaceSession(options: SessionOptions): WorkspaceSession {
  const { store, modules, actions } = options;
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? (() => `ws-${crypto.randomUUID()}`);
  const debounceMs = options.debounceMs ?? 500;
  const session = createStore<SessionState>()(() => ({
    phase: 'starting',
    current: null,
    list: [],
    save: 'idle',
    refusal: null,
    scenario: null,
    run: { status: 'idle' },
  }));
  const set = session.setState;

  let repo: WorkspaceRepository | null = null;
  let started: Promise<void> | null = null;
  let restoring = 0;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();
  let dirty = false;
  /** Custom modules that belong to the open workspace (restored or registered while open). */
  let ownModules = new Map<string, WorkspaceModule>();
  let scenarioRuns = 0;
  let cachedScenarios: LoadedScenarios | null = null;
  const disposers: (() => void)[] = [];

  const notify = (message: string) => store.getState().notify('ws100', message);

  const scheduleSave = () => {
    if (restoring > 0 || !session.getState().current) return;
    dirty = true;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void flush(), debounceMs);
    if (session.getState().save !== 'saving') set({ save: 'idle' });
  };

  const flush = async (): Promise<void> => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = undefined;
    if (!dirty) return saving;
    dirty = false;
    saving = saving.then(saveNow, saveNow);
    return saving;
  };

  const saveNow = async (): Promise<void> => {
    const current = session.getState().current;
    if (!repo || !current) return;
    set({ save: 'saving' });
    try {
      const ws = await captureWorkspace(store, current.name, modulesOfWorkspace());
      const record = { id: current.id, name: current.name, updatedAt: now(), workspace: ws };
      await repo.put(record);
      set({ save: 'saved', current: summary(record), list: await repo.list() });
    } catch (error) {
      set({ save: 'error' });
      notify(`The workspace could not be saved: ${errorText(error)}`);
    }
  };

  const modulesOfWorkspace = (): WorkspaceModule[] => {
    const used = new Set(Object.values(store.getState().agents).map((a) => a.kind));
    const out = new Map(ownModules);
    for (const kind of used) {
      const m = kind.startsWith('custom:') ? modules.get(kind) : undefined;
      if (m) out.set(kind, m);
    }
    return [...out.values()];
  };

  /** A pattern replaces the canvas, not the chaos lab: the saved experiments stay. */
  const withExperiments = (ws: Workspace): Workspace => {
    const experiments = Object.values(store.getState().experiments);
    return experiments.length > 0 ? { ...ws, experiments } : ws;
  };

  const knownKinds = () => new Set(store.getState().kinds.map((k) => k.kind));

  /** Replace the workbench's contents with `ws` (nothing is saved meanwhile). */
  const restore = async (ws: Workspace, source: ChangeSource = 'load'): Promise<void> => {
    restoring++;
    try {
      ownModules = new Map(ws.modules.map((m) => [m.kind, m]));
      const problems = await restoreWorkspace({ store, actions, modules, source }, ws);
      if (problems.length > 0) notify(`Some of "${ws.name}" could not be restored: ${problems.join('; ')}`);
    } finally {
      restoring--;
    }
  };

  const open = async (id: string, name: string, ws: Workspace): Promise<void> => {
    set({ current: { id, name, updatedAt: now() }, scenario: null, run: { status: 'idle' } });
    await restore(ws);
    await repo?.setLastOpen(id);
    dirty = true;
    await flush();
  };

  const busy = async <T>(fn: () => Promise<T>): Promise<T> => {
    const before = session.getState().phase;
    set({ phase: 'busy' });
    try {
      return await fn();
    } finally {
      set({ phase: before === 'busy' ? 'ready' : before === 'starting' ? 'ready' : before });
    }
  };

  const waitForKernel = () =>
    new Promise<void>((resolve) => {
      if (store.getState().connection.state !== 'connecting') return resolve();
      const off = store.subscribe((s) => {
        if (s.connection.state !== 'connecting') {
          off();
          resolve();
        }
      });
    });

  const start = (): Promise<void> =>
    (started ??= (async () => {
      try {
        await waitForKernel();
        repo = await options.openRepository();
        const list = await repo.list();
        const last = await repo.lastOpen();
        const id = last ?? list[0]?.id;
        const found = id ? await repo.get(id) : undefined;
        set({ list });
        if (found?.ok) {
          await open(found.value.id, found.value.name, found.value.workspace);
        } else {
          if (found && !found.ok) notify(`The last workspace could not be opened: ${found.problems.map(formatProblem).join('; ')}`);
          const name = uniqueName('Workspace 1', list.map((w) => w.name));
          await open(newId(), name, emptyWorkspace(name));
        }
        set({ phase: 'ready' });
        watch();
      } catch (error) {
        set({ phase: 'error' });
        notify(`Workspaces are unavailable (IndexedDB: ${errorText(error)}); changes will not be saved.`);
      }
    })());

  /** Autosave on structural kernel events and on store-only changes (positions, history, experiments). */
  const watch = () => {
    void store.api.subscribe((events) => {
      if (events.some((e) => STRUCTURAL.has(e.type))) scheduleSave();
    }).then((off) => disposers.push(off));
    disposers.push(
      store.subscribe((s, prev) => {
        if (s.positions !== prev.positions || s.composerHistory !== prev.composerHistory || s.experiments !== prev.experiments) scheduleSave();
      }),
    );
    disposers.push(
      modules.onRecord((m) => {
        if (restoring > 0 || ownModules.has(m.kind)) return;
        ownModules.set(m.kind, m);
        scheduleSave();
      }),
    );
  };

  const names = () => session.getState().list.map((w) => w.name);

  const create = (name?: string) =>
    busy(async () => {
      await flush();
      const chosen = uniqueName(name ?? `Workspace ${session.getState().list.length + 1}`, names());
      await open(newId(), chosen, emptyWorkspace(chosen));
    });

  const rename = (name: string) =>
    busy(async () => {
      const current = session.getState().current;
      const trimmed = name.trim();
      if (!current || !trimmed) return false;
      if (trimmed !== current.name && names().includes(trimmed)) {
        set({ refusal: { title: 'Rename refused', problems: [`name: expected a name no other workspace has, received "${trimmed}"`] } });
        return false;
      }
      set({ current: { ...current, name: trimmed }, refusal: null });
      dirty = true;
      await flush();
      return true;
    });

  const switchTo = (id: string) =>
    busy(async () => {
      if (!repo || session.getState().current?.id === id) return;
      await flush();
      const found = await repo.get(id);
      if (!found) return;
      if (!found.ok) {
        set({ refusal: { title: 'This workspace cannot be opened', problems: found.problems.map(formatProblem) } });
        return;
      }
      await open(found.value.id, found.value.name, found.value.workspace);
    });

  const remove = (id: string) =>
    busy(async () => {
      if (!repo) return;
      const isCurrent = session.getState().current?.id === id;
      if (isCurrent) {
        if (saveTimer) clearTimeout(saveTimer);
        dirty = false;
        await saving;
      }
      await repo.delete(id);
      const list = await repo.list();
      set({ list });
      if (!isCurrent) return;
      const next = list[0];
      const found = next ? await repo.get(next.id) : undefined;
      if (next && found?.ok) await open(next.id, next.name, found.value.workspace);
      else {
        const name = uniqueName('Workspace 1', list.map((w) => w.name));
        await open(newId(), name, emptyWorkspace(name));
      }
    });

  const exportCurrent = async () => {
    const current = session.getState().current;
    const ws = await captureWorkspace(store, current?.name ?? 'Workspace', modulesOfWorkspace());
    return { fileName: workspaceFileName(ws), text: serializeWorkspace(ws) };
  };

  const importText = (text: string, fileName?: string) =>
    busy(async () => {
      if (text.length > MAX_FILE_BYTES) {
        set({ refusal: { title: `${fileName ?? 'The file'} was not imported`, problems: [`(root): expected at most ${MAX_FILE_BYTES} bytes, received ${text.length}`] } });
        return false;
      }
      const checked = importWorkspace(text, { knownKinds: knownKinds() });
      if (!checked.ok) {
        set({ refusal: { title: `${fileName ?? 'The file'} was not imported`, problems: checked.problems.map(formatProblem) } });
        return false;
      }
      set({ refusal: null });
      await flush();
      const name = importedName(checked.value, fileName, names());
      await open(newId(), name, { ...checked.value, name });
      return true;
    });

  const scenarios = () => (cachedScenarios ??= loadScenarios({ knownKinds: knownKinds() }));

  const loadScenario = (s: Scenario) =>
    busy(async () => {
      scenarioRuns = 0;
      set({ scenario: s, run: { status: 'idle' } });
      const current = session.getState().current;
      await restore(withExperiments({ ...scenarioToWorkspace(s), name: current?.name ?? s.title }), 'pattern');
      dirty = true;
      await flush();
    });

  const runLoaded = async () => {
    const s = session.getState().scenario;
    if (!s || session.getState().run.status === 'running') return;
    set({ run: { status: 'running' } });
    try {
      // Agents keep state between runs: a second run starts from a fresh deployment.
      if (scenarioRuns++ > 0) await restore(withExperiments({ ...scenarioToWorkspace(s), name: session.getState().current?.name ?? s.title }), 'pattern');
      const verdict = await runScenario(scenarioPort(store, actions), s);
      set({ run: { status: verdict.status, verdict } });
    } catch (error) {
      set({ run: { status: 'failed', verdict: { status: 'failed', report: null, why: errorText(error) } } });
    }
  };

  return Object.assign(session, {
    start,
    create,
    rename,
    switchTo,
    remove,
    exportCurrent,
    importText,
    dismissRefusal: () => set({ refusal: null }),
    scenarios,
    loadScenario,
    runLoaded,
    flush,
    dispose() {
      if (saveTimer) clearTimeout(saveTimer);
      for (const d of disposers.splice(0)) d();
      repo?.close();
    },
  });
}

function summary(r: WorkspaceSummary): WorkspaceSummary {
  return { id: r.id, name: r.name, updatedAt: r.updatedAt };
}
