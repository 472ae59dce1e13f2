/** The recording library as the Replay tab uses it: the list, and each operation with its outcome said. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Recording } from '../../../experiments/replay/types';
import { errorText } from '../../errors';
import { downloadBlob } from '../../ui/download';
import type { Refusal } from '../../ui/ProblemList';
import { importLibraryFile } from './importLibraryFile';
import { importRefusal, recordingFileName } from './recordingFile';
import type { LibraryEntry, RecordingLibraryApi, ReplayServices } from './replayServices';

export interface LibraryControls {
  entries: LibraryEntry[] | null;
  /** What the last operation did (or why it could not). */
  status: string;
  /** Why the last import was refused. */
  refusal: Refusal | null;
  save(recording: Recording): Promise<void>;
  importFile(file: File): Promise<void>;
  exportOne(entry: LibraryEntry): Promise<void>;
  rename(entry: LibraryEntry, name: string): Promise<void>;
  setTags(entry: LibraryEntry, tags: string[]): Promise<void>;
  remove(entry: LibraryEntry): Promise<void>;
  get(entry: LibraryEntry): Promise<Recording | undefined>;
}

const newestFirst = (a: LibraryEntry, b: LibraryEntry) => b.createdAt.localeCompare(a.createdAt);

export function useRecordingLibrary(services: ReplayServices): LibraryControls {
  const library = useRef<Promise<RecordingLibraryApi> | null>(null);
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [status, setStatus] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const open = useCallback(() => (library.current ??= services.openLibrary()), [services]);
  const refresh = useCallback(async () => setEntries([...(await (await open()).list())].sort(newestFirst)), [open]);
  /** Runs an operation; a failure is said in the status, never thrown at the page. */
  const attempt = useCallback(
    async (what: string, run: (lib: RecordingLibraryApi) => Promise<string>) => {
      try {
        setStatus(await run(await open()));
      } catch (error) {
        setStatus(`Could not ${what}: ${errorText(error)}`);
      }
      await refresh().catch(() => undefined);
    },
    [open, refresh],
  );

  useEffect(() => {
    let on = true;
    open()
      .then((lib) => lib.list())
      .then(
        (list) => on && setEntries([...list].sort(newestFirst)),
        (error: unknown) => on && setStatus(`The recording library could not open: ${errorText(error)}`),
      );
    return () => {
      on = false;
    };
  }, [open]);

  /** A `.orrery-rec` file or a JADE message log: kept, or refused with nothing changed. */
  const importFile = async (file: File) => {
    setRefusal(null);
    setStatus(`Importing ${file.name}…`);
    const outcome = await open().then(
      (lib) => importLibraryFile(file, lib, services),
      (error: unknown) => ({ ok: false as const, refusal: importRefusal(file.name, error) }),
    );
    if (outcome.ok) setStatus(outcome.status);
    else {
      setRefusal(outcome.refusal);
      setStatus(`${file.name} was refused: the library is unchanged.`);
    }
    await refresh().catch(() => undefined);
  };

  return {
    entries,
    status,
    refusal,
    save: (recording) =>
      attempt(`save “${recording.header.name}”`, async (lib) => (await lib.put(recording), `Saved “${recording.header.name}”.`)),
    importFile,
    exportOne: (entry) =>
      attempt(`export “${entry.name}”`, async (lib) => {
        const recording = await lib.get(entry.id);
        if (!recording) throw new Error(`“${entry.name}” is no longer in the library`);
        const parts = await services.fileParts(recording);
        downloadBlob(recordingFileName(entry.name), new Blob(parts as BlobPart[], { type: 'application/octet-stream' }));
        return `Exported “${entry.name}”.`;
      }),
    rename: (entry, name) =>
      attempt(`rename “${entry.name}”`, async (lib) => (await lib.rename(entry.id, name), `Renamed “${entry.name}” to “${name}”.`)),
    setTags: (entry, tags) =>
      attempt(
        `tag “${entry.name}”`,
        async (lib) => (await lib.setTags(entry.id, tags), `Tags of “${entry.name}”: ${tags.join(', ') || 'none'}.`),
      ),
    remove: (entry) => attempt(`delete “${entry.name}”`, async (lib) => (await lib.remove(entry.id), `Deleted “${entry.name}”.`)),
    get: async (entry) => {
      try {
        const recording = await (await open()).get(entry.id);
        if (!recording) throw new Error('it is no longer in the library');
        return recording;
      } catch (error) {
        setStatus(`Could not open “${entry.name}”: ${errorText(error)}`);
        return undefined;
      }
    },
  };
}
