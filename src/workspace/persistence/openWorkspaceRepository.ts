/**
 * Named workspaces in IndexedDB (`idb`). One record per workspace — the document as it
 * would be exported — plus which one was open last. Only the app uses this; everything
 * it stores passes `validateWorkspace` again when it is read (a record written by an
 * older build is migrated like an old file).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Checked } from '../errors';
import { validateWorkspace, type ValidateOptions } from '../validateWorkspace';
import type { StoredWorkspace, WorkspaceSummary } from './storedWorkspace';
import { createSaveJournal, pageStorage, type JournalStorage } from './saveJournal';

export const DB_NAME = 'orrery';
const DB_VERSION = 1;

export type { StoredWorkspace, WorkspaceSummary } from './storedWorkspace';

interface OrreryDB extends DBSchema {
  workspaces: { key: string; value: StoredWorkspace; indexes: { name: string } };
  meta: { key: string; value: string };
}

export interface WorkspaceRepository {
  list(): Promise<WorkspaceSummary[]>;
  /** The record, validated (and migrated) on the way out; undefined if there is none. */
  get(id: string, options?: ValidateOptions): Promise<Checked<StoredWorkspace> | undefined>;
  /**
   * Store `record`. `urgent` (the page is going away): also keep a synchronous copy first,
   * folded back in by the next open if the IndexedDB write never committed.
   */
  put(record: StoredWorkspace, options?: { urgent?: boolean }): Promise<void>;
  delete(id: string): Promise<void>;
  lastOpen(): Promise<string | undefined>;
  setLastOpen(id: string): Promise<void>;
  close(): void;
}

export interface RepositoryOptions {
  /** Where urgent saves keep their synchronous copy; default localStorage, null = none. */
  journal?: JournalStorage | null;
}

export async function openWorkspaceRepository(dbName: string = DB_NAME, options: RepositoryOptions = {}): Promise<WorkspaceRepository> {
  const db: IDBPDatabase<OrreryDB> = await openDB<OrreryDB>(dbName, DB_VERSION, {
    upgrade(database) {
      const store = database.createObjectStore('workspaces', { keyPath: 'id' });
      store.createIndex('name', 'name');
      database.createObjectStore('meta');
    },
  });
  const journal = createSaveJournal(options.journal === undefined ? pageStorage() : options.journal, `${dbName}:unsaved`);
  await recoverJournal(db, journal);
  return {
    async list() {
      const all = await db.getAll('workspaces');
      return all
        .map(({ id, name, updatedAt }) => ({ id, name, updatedAt }))
        .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
    },
    async get(id, options) {
      const record = await db.get('workspaces', id);
      if (!record) return undefined;
      const checked = validateWorkspace(record.workspace, options);
      return checked.ok ? { ok: true, value: { ...record, workspace: checked.value } } : checked;
    },
    async put(record, putOptions) {
      if (putOptions?.urgent) journal.write(record);
      await db.put('workspaces', record);
      journal.clear(record);
    },
    async delete(id) {
      const tx = db.transaction(['workspaces', 'meta'], 'readwrite');
      await tx.objectStore('workspaces').delete(id);
      if ((await tx.objectStore('meta').get('lastOpen')) === id) await tx.objectStore('meta').delete('lastOpen');
      await tx.done;
    },
    lastOpen: () => db.get('meta', 'lastOpen'),
    async setLastOpen(id) {
      await db.put('meta', id, 'lastOpen');
    },
    close: () => db.close(),
  };
}

/** A record kept by a page that closed before IndexedDB committed it wins over an older one. */
async function recoverJournal(db: IDBPDatabase<OrreryDB>, journal: ReturnType<typeof createSaveJournal>): Promise<void> {
  const kept = journal.read();
  if (!kept) return;
  const stored = await db.get('workspaces', kept.id);
  if (!stored || stored.updatedAt < kept.updatedAt) {
    await db.put('workspaces', kept);
    await db.put('meta', kept.id, 'lastOpen');
  }
  journal.clear(kept);
}
