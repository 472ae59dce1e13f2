/**
 * The recording library in IndexedDB (`idb`, its own database `orrery-recordings`): a
 * light summary per recording for the list, the full header (module bytes, workspace)
 * beside it, and the tape in chunks in a third store, so listing never loads a tape.
 * A put is one transaction over the three stores: a recording is stored whole or not at
 * all. An import decodes and checks the whole file before that transaction starts, so a
 * refused file (ORR501–ORR505) touches nothing stored.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Recording, RecordingHeader } from '../../experiments/replay/types';
import { readRecording, type ReadOptions, type RecordingSource } from '../recording/readRecording';
import {
  checkedName,
  checkedTags,
  compareSummaries,
  reassemble,
  summaryOf,
  tapeChunks,
  type RecordingSummary,
  type StoredTapeChunk,
} from '../recording/libraryRecords';

export const RECORDINGS_DB_NAME = 'orrery-recordings';
const DB_VERSION = 1;

export type { RecordingSummary } from '../recording/libraryRecords';

interface RecordingsDB extends DBSchema {
  summaries: { key: string; value: RecordingSummary };
  headers: { key: string; value: RecordingHeader };
  chunks: { key: [string, number]; value: StoredTapeChunk };
}

export interface RecordingLibrary {
  /** Every recording, newest first, without tapes. */
  list(): Promise<RecordingSummary[]>;
  /** The whole recording; undefined when there is none with that id. */
  get(id: string): Promise<Recording | undefined>;
  /** Stores (or replaces, same id) a recording whole, in one transaction. */
  put(recording: Recording): Promise<RecordingSummary>;
  /** Reads a `.orrery-rec` file fully, then puts it; a refused file throws RecordingFileError and stores nothing. */
  importFile(source: RecordingSource, options?: ReadOptions): Promise<RecordingSummary>;
  rename(id: string, name: string): Promise<void>;
  setTags(id: string, tags: readonly string[]): Promise<void>;
  remove(id: string): Promise<void>;
  close(): void;
}

type Db = IDBPDatabase<RecordingsDB>;

const tapeRange = (id: string) => IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);

async function update(db: Db, id: string, patch: Pick<Partial<RecordingHeader>, 'name' | 'tags'>): Promise<void> {
  const tx = db.transaction(['summaries', 'headers'], 'readwrite');
  const [summary, header] = await Promise.all([tx.objectStore('summaries').get(id), tx.objectStore('headers').get(id)]);
  if (!summary || !header) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new RangeError(`No recording ${id} in the library`);
  }
  await Promise.all([
    tx.objectStore('summaries').put({ ...summary, ...patch }, id),
    tx.objectStore('headers').put({ ...header, ...patch }, id),
    tx.done,
  ]);
}

async function put(db: Db, recording: Recording): Promise<RecordingSummary> {
  const { header } = recording;
  const chunks = tapeChunks(header.id, recording.tape);
  const summary = summaryOf(header, chunks.length, new Date().toISOString());
  const tx = db.transaction(['summaries', 'headers', 'chunks'], 'readwrite');
  const store = tx.objectStore('chunks');
  const writes: Promise<unknown>[] = [store.delete(tapeRange(header.id))];
  for (const chunk of chunks) writes.push(store.put(chunk));
  writes.push(tx.objectStore('headers').put(header, header.id), tx.objectStore('summaries').put(summary, header.id));
  await Promise.all([...writes, tx.done]);
  return summary;
}

export async function openRecordingLibrary(dbName: string = RECORDINGS_DB_NAME): Promise<RecordingLibrary> {
  const db: Db = await openDB<RecordingsDB>(dbName, DB_VERSION, {
    upgrade(database) {
      database.createObjectStore('summaries');
      database.createObjectStore('headers');
      database.createObjectStore('chunks', { keyPath: ['id', 'index'] });
    },
  });
  return {
    list: async () => (await db.getAll('summaries')).sort(compareSummaries),
    async get(id) {
      const tx = db.transaction(['summaries', 'headers', 'chunks'], 'readonly');
      const [summary, header, chunks] = await Promise.all([
        tx.objectStore('summaries').get(id),
        tx.objectStore('headers').get(id),
        tx.objectStore('chunks').getAll(tapeRange(id)),
      ]);
      await tx.done;
      if (!summary || !header) return undefined;
      return reassemble({ ...header, name: summary.name, tags: summary.tags }, chunks, summary.chunks);
    },
    put: (recording) => put(db, recording),
    async importFile(source, options) {
      const recording = await readRecording(source, options);
      return put(db, recording);
    },
    rename: async (id, name) => update(db, id, { name: checkedName(name) }),
    setTags: async (id, tags) => update(db, id, { tags: checkedTags(tags) }),
    async remove(id) {
      const tx = db.transaction(['summaries', 'headers', 'chunks'], 'readwrite');
      await Promise.all([
        tx.objectStore('summaries').delete(id),
        tx.objectStore('headers').delete(id),
        tx.objectStore('chunks').delete(tapeRange(id)),
        tx.done,
      ]);
    },
    close: () => db.close(),
  };
}
