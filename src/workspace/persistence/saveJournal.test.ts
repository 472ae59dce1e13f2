import { describe, expect, it } from 'vitest';
import { emptyWorkspace } from '../model';
import { createSaveJournal, type JournalStorage } from './saveJournal';

function memoryStorage(limit = Infinity): JournalStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (v.length > limit) {
        const e = new Error('full');
        e.name = 'QuotaExceededError';
        throw e;
      }
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

const record = (updatedAt: number, name = 'One') => ({ id: 'ws-1', name, updatedAt, workspace: emptyWorkspace(name) });

describe('createSaveJournal', () => {
  it('keeps a record synchronously and gives it back', () => {
    const journal = createSaveJournal(memoryStorage(), 'k');
    expect(journal.read()).toBeUndefined();
    expect(journal.write(record(5))).toBe(true);
    expect(journal.read()).toEqual(record(5));
  });

  it('clears only the copy of the record that reached IndexedDB', () => {
    const journal = createSaveJournal(memoryStorage(), 'k');
    journal.write(record(6));
    journal.clear({ id: 'ws-1', updatedAt: 5 });
    expect(journal.read()?.updatedAt).toBe(6);
    journal.clear({ id: 'ws-1', updatedAt: 6 });
    expect(journal.read()).toBeUndefined();
  });

  it('drops an older copy when a newer record is too large to keep', () => {
    const storage = memoryStorage(400);
    const journal = createSaveJournal(storage, 'k');
    expect(journal.write(record(1))).toBe(true);
    expect(journal.write(record(2, 'x'.repeat(500)))).toBe(false);
    expect(journal.read()).toBeUndefined();
  });

  it('ignores damaged text and works without storage', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{"id":');
    expect(createSaveJournal(storage, 'k').read()).toBeUndefined();
    storage.setItem('k', '{"id":"a"}');
    expect(createSaveJournal(storage, 'k').read()).toBeUndefined();
    const none = createSaveJournal(null, 'k');
    expect(none.write(record(1))).toBe(false);
    expect(none.read()).toBeUndefined();
  });
});
