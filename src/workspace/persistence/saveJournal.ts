/**
 * A synchronous safety copy for the save made as the page goes away. IndexedDB writes are
 * asynchronous and a transaction begun in `pagehide` may not commit before the document is
 * torn down; localStorage writes are synchronous. The copy is written only for those last
 * saves, removed once IndexedDB holds the same record, and folded back in on the next open.
 */
import type { StoredWorkspace } from './storedWorkspace';

export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SaveJournal {
  /** Keep `record` synchronously. False if the storage refused it (too large, full, absent). */
  write(record: StoredWorkspace): boolean;
  /** The record kept by a page that went away before IndexedDB had it, if any. */
  read(): StoredWorkspace | undefined;
  /** Drop the copy if it is still `record`'s (a newer copy stays). */
  clear(record?: Pick<StoredWorkspace, 'id' | 'updatedAt'>): void;
}

function looksStored(value: unknown): value is StoredWorkspace {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.updatedAt === 'number' &&
    typeof v.workspace === 'object' &&
    v.workspace !== null
  );
}

export function createSaveJournal(storage: JournalStorage | null, key: string): SaveJournal {
  const read = (): StoredWorkspace | undefined => {
    try {
      const text = storage?.getItem(key);
      if (!text) return undefined;
      const value: unknown = JSON.parse(text);
      return looksStored(value) ? value : undefined;
    } catch {
      // Unreadable copy (storage blocked or text damaged): there is nothing to recover.
      return undefined;
    }
  };
  return {
    write(record) {
      if (!storage) return false;
      try {
        storage.setItem(key, JSON.stringify(record));
        return true;
      } catch {
        // Too large for localStorage: an older copy must not outlive this newer save.
        try {
          storage.removeItem(key);
        } catch {
          /* storage unavailable: nothing left to clean */
        }
        return false;
      }
    },
    read,
    clear(record) {
      if (!storage) return;
      const kept = record ? read() : undefined;
      if (record && kept && (kept.id !== record.id || kept.updatedAt !== record.updatedAt)) return;
      try {
        storage.removeItem(key);
      } catch {
        /* storage unavailable: nothing to clean */
      }
    },
  };
}

/** localStorage when the page may use it (it throws in some privacy modes), else null. */
export function pageStorage(): JournalStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
