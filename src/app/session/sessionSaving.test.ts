import { describe, expect, it, vi } from 'vitest';
import { emptyWorkspace } from '../../workspace';
import type { StoredWorkspace, WorkspaceRepository } from '../../workspace/persistence/openWorkspaceRepository';
import { createModuleRecorder } from '../../workspace/session/moduleRecorder';
import { createActionManager } from '../actions/createActionManager';
import { createWorkbenchStore } from '../store/createWorkbenchStore';
import { createWorkspaceSession } from './createWorkspaceSession';
import { idleApi } from './sessionTestKit';

function quotaError(): Error {
  const e = new Error('The quota has been exceeded.');
  e.name = 'QuotaExceededError';
  return e;
}

/** An in-memory repository whose writes fail while `failWith` is set. */
function memoryRepo(saved?: StoredWorkspace) {
  const records = new Map<string, StoredWorkspace>(saved ? [[saved.id, saved]] : []);
  const puts: { record: StoredWorkspace; urgent: boolean }[] = [];
  let failWith: Error | null = null;
  const repo: WorkspaceRepository = {
    list: async () => [...records.values()].map(({ id, name, updatedAt }) => ({ id, name, updatedAt })),
    get: async (id) => {
      const r = records.get(id);
      return r ? { ok: true, value: r } : undefined;
    },
    put: (record, options) => {
      puts.push({ record, urgent: options?.urgent ?? false });
      if (failWith) return Promise.reject(failWith);
      records.set(record.id, record);
      return Promise.resolve();
    },
    delete: async (id) => void records.delete(id),
    lastOpen: async () => saved?.id,
    setLastOpen: async () => undefined,
    close: () => undefined,
  };
  return { repo, puts, records, fail: (e: Error | null) => (failWith = e) };
}

async function started(saved?: StoredWorkspace) {
  const memory = memoryRepo(saved);
  const store = createWorkbenchStore(idleApi());
  store.setState({ connection: { state: 'ready' } });
  const session = createWorkspaceSession({
    store,
    actions: createActionManager(store),
    modules: createModuleRecorder(),
    openRepository: async () => memory.repo,
    newId: () => 'ws-1',
    debounceMs: 10,
    retryBaseMs: 20,
  });
  await session.start();
  return { ...memory, store, session };
}

/** What the kernel's events would have projected: a topic on the canvas at `at`. */
function showTopic(store: ReturnType<typeof createWorkbenchStore>, name: string, at: { x: number; y: number }) {
  store.setState((s) => ({ plainNodes: { ...s.plainNodes, [name]: { name, kind: 'topic' } }, plainOrder: [...s.plainOrder, name] }));
  store.getState().setPositions({ [name]: at });
}

const topicAt = (record: StoredWorkspace | undefined) => record?.workspace.nodes.find((n) => n.name === 'news')?.position;

const SAVED: StoredWorkspace = {
  id: 'ws-1',
  name: 'Kept',
  updatedAt: 1,
  workspace: { ...emptyWorkspace('Kept'), nodes: [{ type: 'topic', name: 'news', position: { x: 10, y: 20 } }] },
};

describe('workspace session saving', () => {
  it('keeps the edit dirty when the quota is full, says so, and saves it once space is freed', async () => {
    vi.useFakeTimers();
    try {
      const { store, session, fail, records } = await started();
      fail(quotaError());
      showTopic(store, 'news', { x: 5, y: 6 });
      await vi.advanceTimersByTimeAsync(10);
      expect(session.getState().save).toBe('error');
      expect(session.getState().saveProblem).toMatchObject({ kind: 'quota', attempt: 1, retryInMs: 20 });
      expect(topicAt(records.get('ws-1'))).toBeUndefined();

      fail(null);
      await vi.advanceTimersByTimeAsync(20);
      expect(session.getState().save).toBe('saved');
      expect(topicAt(records.get('ws-1'))).toEqual({ x: 5, y: 6 });
      expect(session.getState().saveProblem).toBeNull();
      session.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('on page hide captures from the UI copy and starts an urgent write within the call', async () => {
    const { store, session, puts } = await started(SAVED);
    showTopic(store, 'news', { x: 10, y: 20 });
    const before = puts.length;
    store.getState().setPositions({ news: { x: 300, y: 400 } });
    void session.flushBeforeHide();
    // No await: the write must have started synchronously.
    expect(puts.length).toBe(before + 1);
    const last = puts[puts.length - 1]!;
    expect(last.urgent).toBe(true);
    expect(topicAt(last.record)).toEqual({ x: 300, y: 400 });
    session.dispose();
  });

  it('a rename the page hides during (while the UI catches up with the kernel) is written on hide', async () => {
    const { session, puts } = await started(SAVED);
    const before = puts.length;
    void session.rename('Kept on reload');
    void session.flushBeforeHide();
    // No await: the rename is still waiting for the kernel's snapshot when the page goes.
    const written = puts.slice(before);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ urgent: true, record: { name: 'Kept on reload' } });
    session.dispose();
  });

  it('draws the saved workspace as a preview until it is restored', async () => {
    const memory = memoryRepo(SAVED);
    const store = createWorkbenchStore(idleApi());
    const session = createWorkspaceSession({
      store,
      actions: createActionManager(store),
      modules: createModuleRecorder(),
      openRepository: async () => memory.repo,
    });
    const done = session.start();
    await vi.waitFor(() => expect(store.getState().preview).not.toBeNull());
    expect(store.getState().preview?.nodes).toEqual([{ name: 'news', type: 'topic', position: { x: 10, y: 20 } }]);
    expect(session.getState().startingAgents).toBe(true);
    store.setState({ connection: { state: 'ready' } });
    await done;
    expect(store.getState().preview).toBeNull();
    expect(session.getState().startingAgents).toBe(false);
    session.dispose();
  });
});
