/**
 * "Import recording" for any file it is given: a `.orrery-rec` file goes to the library's reader,
 * a JADE message log (sniffed from its first bytes) is imported in its worker and kept. Either
 * way a refused file changes nothing and says why.
 */
import type { Refusal } from '../../ui/ProblemList';
import { SNIFF_BYTES, sniffImportKind } from './importKind';
import { importJadeFile, skippedNote } from './jadeImport';
import { importRefusal } from './recordingFile';
import type { Recording } from '../../../experiments/replay/types';
import type { ReplayServices } from './replayServices';

export type LibraryImport = { ok: true; status: string } | { ok: false; refusal: Refusal };

/** What the import needs of the library: its `.orrery-rec` reader, and keeping a recording. */
export interface ImportTarget {
  importFile(source: ReadableStream<Uint8Array>): Promise<{ name: string }>;
  put(recording: Recording): Promise<unknown>;
}

export async function importLibraryFile(
  file: File,
  library: ImportTarget,
  services: Pick<ReplayServices, 'importJadeLog'>,
): Promise<LibraryImport> {
  try {
    if (sniffImportKind(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer())) === 'jade-log') {
      // Parsed and finished in a worker: a big log does not hold up the page
      const read = await importJadeFile(file, services);
      if (!read.ok) return read;
      await library.put(read.recording);
      return { ok: true, status: `Imported “${read.recording.header.name}” from a JADE log${skippedNote(read.skipped)}.` };
    }
    // The library reads the whole file before it writes anything: a refused file changes nothing.
    const summary = await library.importFile(file.stream());
    return { ok: true, status: `Imported “${summary.name}”.` };
  } catch (error) {
    return { ok: false, refusal: importRefusal(file.name, error) };
  }
}
