/**
 * Autosave for the open workspace: captured synchronously from the UI's copy, written to
 * the repository; the state machine (createAutosave) keeps failed saves dirty and retries.
 * A save made as the page hides is marked urgent (the repository keeps a synchronous copy).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Workspace } from '../../workspace';
import type { StoredWorkspace, WorkspaceRepository, WorkspaceSummary } from '../../workspace/persistence/openWorkspaceRepository';
import { createAutosave, type Autosave, type AutosaveStatus } from '../../workspace/session/createAutosave';
import type { SessionState } from './sessionTypes';

export interface SavingDeps {
  session: StoreApi<SessionState>;
  repo(): WorkspaceRepository | null;
  /** True while a restore runs: half-restored contents are never captured. */
  restoring(): boolean;
  captureNow(name: string): Workspace;
  now(): number;
  debounceMs?: number;
  retryBaseMs?: number;
  readOnly?: boolean;
  /** Resolves once the UI's copy has caught up with the kernel (before an explicit save). */
  settle?(): Promise<void>;
}

export interface SessionSaving {
  autosave: Autosave;
  /** A change worth saving (ignored while restoring or with no workspace open). */
  markDirty(): void;
  /** Mark changed and save now. */
  saveNow(): Promise<void>;
  /** Capture and start the write now, as urgent: the page is going away. */
  flushBeforeHide(): Promise<void>;
}

export function summary(r: WorkspaceSummary): WorkspaceSummary {
  return { id: r.id, name: r.name, updatedAt: r.updatedAt };
}

function statusPatch(status: AutosaveStatus): Partial<SessionState> {
  switch (status.state) {
    case 'saving':
      return { save: 'saving' };
    case 'saved':
      return { save: 'saved', saveProblem: null };
    case 'error':
      return { save: 'error', saveProblem: { ...status.problem, attempt: status.attempt, retryInMs: status.retryInMs } };
    default:
      return { save: 'idle' };
  }
}

export function createSessionSaving(deps: SavingDeps): SessionSaving {
  const { session } = deps;
  const set = session.setState;
  let hiding = false;

  const autosave = createAutosave<StoredWorkspace>({
    capture: () => {
      const current = session.getState().current;
      if (deps.readOnly || !deps.repo() || !current || deps.restoring()) return null;
      return { id: current.id, name: current.name, updatedAt: deps.now(), workspace: deps.captureNow(current.name) };
    },
    write: async (record) => {
      const repo = deps.repo();
      if (!repo) throw new Error('the workspace store is not open');
      await repo.put(record, { urgent: hiding });
      if (session.getState().current?.id === record.id) set({ current: summary(record) });
      set({ list: await repo.list() });
    },
    onStatus: (status) => set(statusPatch(status)),
    now: deps.now,
    debounceMs: deps.debounceMs ?? 500,
    ...(deps.retryBaseMs !== undefined ? { retryBaseMs: deps.retryBaseMs } : {}),
  });

  return {
    autosave,
    markDirty() {
      if (deps.restoring() || !session.getState().current) return;
      autosave.markDirty();
    },
    async saveNow() {
      // Dirty at once: a page hidden while the UI catches up below still writes this change
      // (a rename then a reload lost the rename when the kernel's snapshot was slow to come).
      autosave.markDirty();
      // After a restore the last events may still wait for the UI's next publish.
      await deps.settle?.();
      autosave.markDirty();
      await autosave.flush();
    },
    flushBeforeHide() {
      hiding = true;
      try {
        // The capture and the start of the write happen inside this call, synchronously.
        return autosave.flushNow();
      } finally {
        hiding = false;
      }
    },
  };
}
