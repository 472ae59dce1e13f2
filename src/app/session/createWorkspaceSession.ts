/**
 * The open workspace and its neighbours: which named workspace is open, autosave to
 * IndexedDB, restore on start, and (in their own modules) new / rename / switch / delete,
 * export / import and the pattern gallery. A small vanilla store of its own (read by the
 * workspace UI through context) beside the workbench store.
 *
 * Saving: the document is captured synchronously from the UI's copy; a failed write keeps
 * the changes dirty and is retried with backoff (createAutosave). Starting: the saved file
 * is drawn at once (the canvas preview) while the workers start and the agents deploy.
 */
import { createStore } from 'zustand/vanilla';
import type { KernelEvent } from '../../kernel/types';
import type { ErrorCode } from '../../protocol/errors';
import type { Workspace, WorkspaceModule } from '../../workspace';
import type { WorkspaceRepository } from '../../workspace/persistence/openWorkspaceRepository';
import type { ChangeSource } from '../actions/types';
import { APP_ERRORS } from '../errors';
import { captureWorkspace } from './captureWorkspace';
import { patternOps } from './patternOps';
import { restoreWorkspace } from './restoreWorkspace';
import { createSessionSaving } from './sessionSaving';
import type { SessionContext, SessionOptions, SessionState, WorkspaceSession } from './sessionTypes';
import { startSession } from './startSession';
import { trackBackoffs } from './trackBackoffs';
import { workspaceOps } from './workspaceOps';

export type { RunState, SaveState, SessionOptions, SessionState, WorkspaceSession } from './sessionTypes';

/** Kernel events that change what a workspace holds. */
const STRUCTURAL = new Set([
  'agent.deployed',
  'agent.configured',
  'node.added',
  'node.removed',
  'link.added',
  'link.removed',
  'group.created',
  'group.configured',
]);

const INITIAL: SessionState = {
  phase: 'starting',
  current: null,
  list: [],
  save: 'idle',
  saveProblem: null,
  startingAgents: false,
  refusal: null,
  scenario: null,
  run: { status: 'idle' },
};

export function createWorkspaceSession(options: SessionOptions): WorkspaceSession {
  const { store, modules, actions } = options;
  const now = options.now ?? (() => Date.now());
  const session = createStore<SessionState>()(() => INITIAL);
  const set = session.setState;
  let repo: WorkspaceRepository | null = null;
  let started: Promise<void> | null = null;
  let restoring = 0;
  /** Custom modules that belong to the open workspace (restored or registered while open). */
  let ownModules = new Map<string, WorkspaceModule>();
  const disposers: (() => void)[] = [];
  const backoffs = trackBackoffs();
  const notify = (code: ErrorCode, message: string) => store.getState().notify(code, message);

  const modulesOfWorkspace = () => workspaceModules(store, modules, ownModules);
  const captureNow = (name: string): Workspace => captureWorkspace(store.getState(), name, modulesOfWorkspace(), backoffs.current());
  const saving = createSessionSaving({
    session,
    repo: () => repo,
    restoring: () => restoring > 0,
    captureNow,
    now,
    readOnly: options.readOnly ?? false,
    settle: () => storeCaughtUp(store),
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
  });

  const restore = async (ws: Workspace, source: ChangeSource = 'load'): Promise<void> => {
    restoring++;
    try {
      ownModules = new Map(ws.modules.map((m) => [m.kind, m]));
      backoffs.seed(ws);
      const problems = await restoreWorkspace({ store, actions, modules, source }, ws);
      if (problems.length > 0) notify('ORR410', APP_ERRORS.ORR410(`Some of "${ws.name}" could not be restored`, problems.join('; ')));
    } finally {
      restoring--;
    }
  };

  const ctx: SessionContext = {
    store,
    session,
    actions,
    modules,
    repo: () => repo,
    now,
    newId: options.newId ?? (() => `ws-${crypto.randomUUID()}`),
    notify,
    restore,
    async open(id, name, ws) {
      set({ current: { id, name, updatedAt: now() }, scenario: null, run: { status: 'idle' } });
      await restore(ws);
      await repo?.setLastOpen(id);
      await saving.saveNow();
    },
    busy: (fn) => runBusy(session, fn),
    flush: () => saving.autosave.flush(),
    saveNow: saving.saveNow,
    discard: () => saving.autosave.discard(),
    modulesOfWorkspace,
    captureNow,
  };

  const watch = watchChanges({ store, modules, saving, backoffs, disposers, restoring: () => restoring > 0, ownModules: () => ownModules });

  return Object.assign(session, {
    start: () =>
      (started ??= startSession(ctx, { openRepository: options.openRepository, setRepo: (r: WorkspaceRepository) => (repo = r), watch })),
    ...workspaceOps(ctx),
    ...patternOps(ctx),
    dismissRefusal: () => set({ refusal: null }),
    flush: ctx.flush,
    flushBeforeHide: saving.flushBeforeHide,
    dispose() {
      saving.autosave.dispose();
      for (const d of disposers.splice(0)) d();
      repo?.close();
    },
  });
}

async function runBusy<T>(session: SessionContext['session'], fn: () => Promise<T>): Promise<T> {
  const before = session.getState().phase;
  session.setState({ phase: 'busy' });
  try {
    return await fn();
  } finally {
    session.setState({ phase: before === 'busy' || before === 'starting' ? 'ready' : before });
  }
}

interface WatchDeps {
  store: SessionContext['store'];
  modules: SessionContext['modules'];
  saving: ReturnType<typeof createSessionSaving>;
  backoffs: ReturnType<typeof trackBackoffs>;
  disposers: (() => void)[];
  restoring(): boolean;
  ownModules(): Map<string, WorkspaceModule>;
}

/**
 * Structural kernel events mark the workspace changed (from now on; group backoffs are
 * followed too). The returned `watch` adds store-only changes (positions, composer
 * history, experiments, contracts) and newly registered modules, once the first restore is done.
 */
function watchChanges({ store, modules, saving, backoffs, disposers, restoring, ownModules }: WatchDeps): () => void {
  const onEvents = (events: readonly KernelEvent[]) => {
    backoffs.apply(events);
    if (events.some((e) => STRUCTURAL.has(e.type))) saving.markDirty();
  };
  // Structure only: no whole messages (the kernel worker tallies them for this stream).
  const subscribed = store.api.openStream
    ? store.api.openStream((batch) => onEvents(batch.events), { messages: false, tallies: false }).then((s) => () => s.close())
    : store.api.subscribe(onEvents);
  void subscribed.then((off) => disposers.push(off));
  return () => {
    disposers.push(
      store.subscribe((s, prev) => {
        if (
          s.positions !== prev.positions ||
          s.composerHistory !== prev.composerHistory ||
          s.experiments !== prev.experiments ||
          s.savedLoads !== prev.savedLoads ||
          s.contracts !== prev.contracts
        )
          saving.markDirty();
      }),
      modules.onRecord((m) => {
        const own = ownModules();
        if (restoring() || own.has(m.kind)) return;
        own.set(m.kind, m);
        saving.markDirty();
      }),
    );
  };
}

/** The open workspace's own modules plus those of the custom agents on the canvas. */
function workspaceModules(
  store: SessionContext['store'],
  modules: SessionContext['modules'],
  own: Map<string, WorkspaceModule>,
): WorkspaceModule[] {
  const out = new Map(own);
  for (const a of Object.values(store.getState().agents)) {
    const m = a.kind.startsWith('custom:') ? modules.get(a.kind) : undefined;
    if (m) out.set(a.kind, m);
  }
  return [...out.values()];
}

/** Wait (at most 3 s) until the UI store has applied every event the kernel had emitted. */
async function storeCaughtUp(store: SessionContext['store']): Promise<void> {
  const snapshot = await store.api.snapshot().catch(() => null);
  if (!snapshot) return;
  const target = snapshot.seq - 1;
  if (store.getState().lastSeq >= target) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      off();
      resolve();
    };
    const timer = setTimeout(done, 3000);
    const off = store.subscribe((s) => {
      if (s.lastSeq >= target) done();
    });
  });
}
