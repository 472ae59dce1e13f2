/**
 * Saved baselines in IndexedDB: one database of the load lab's own with one store,
 * `baselines`, keyed by name (saving a name again replaces it). Records are read back
 * through parseBaseline: one that is not a baseline is left out, never shown half-read.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { parseBaseline, type Baseline } from '../../../experiments/load/summary/compareBaseline';

export const BASELINE_DB = 'orrery-load';
const VERSION = 1;

interface LoadDB extends DBSchema {
  baselines: { key: string; value: Baseline };
}

export interface BaselineStore {
  /** Every baseline, by name. */
  list(): Promise<Baseline[]>;
  put(baseline: Baseline): Promise<void>;
  delete(name: string): Promise<void>;
}

let opened: Promise<IDBPDatabase<LoadDB>> | undefined;

function database(name: string): Promise<IDBPDatabase<LoadDB>> {
  opened ??= openDB<LoadDB>(name, VERSION, {
    upgrade: (db) => void db.createObjectStore('baselines', { keyPath: 'name' }),
  });
  opened.catch(() => (opened = undefined));
  return opened;
}

export function indexedDbBaselines(name: string = BASELINE_DB): BaselineStore {
  return {
    async list() {
      const all = await (await database(name)).getAll('baselines');
      return all
        .flatMap((record) => {
          const read = parseBaseline(record);
          return read.ok ? [read.baseline] : [];
        })
        .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
    },
    async put(baseline) {
      await (await database(name)).put('baselines', baseline);
    },
    async delete(key) {
      await (await database(name)).delete('baselines', key);
    },
  };
}
