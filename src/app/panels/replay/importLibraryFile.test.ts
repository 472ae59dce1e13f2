import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createJadeImportApi } from '../../../browser/replay/importJadeInWorker';
import { sampleRecording } from '../../../browser/replay/fixtures';
import type { Recording } from '../../../experiments/replay/types';
import { encodeRecording, readRecording } from '../../../workspace/recording';
import { importLibraryFile, type ImportTarget } from './importLibraryFile';

const BOOK_TRADE = readFileSync(new URL('../../../../e2e/interop/fixtures/book-trade.acl.txt', import.meta.url), 'utf8');

/** A library that keeps what it is given (the `.orrery-rec` reader is the real one). */
function library(): ImportTarget & { kept: Recording[]; put: ReturnType<typeof vi.fn>; importFile: ReturnType<typeof vi.fn> } {
  const kept: Recording[] = [];
  return {
    kept,
    put: vi.fn(async (recording: Recording) => void kept.push(recording)),
    importFile: vi.fn(async (stream: ReadableStream<Uint8Array>) => {
      const recording = await readRecording(stream);
      kept.push(recording);
      return { name: recording.header.name };
    }),
  };
}
const services = { importJadeLog: (log: Blob, request: { name: string }) => createJadeImportApi().importJadeLog(log, request) };

describe('importLibraryFile', () => {
  it('keeps a JADE log given to "Import recording", imported by the JADE importer', async () => {
    const lib = library();
    const outcome = await importLibraryFile(new File([BOOK_TRADE], 'book-trade.acl.txt'), lib, services);
    expect(outcome).toEqual({ ok: true, status: 'Imported “book-trade” from a JADE log.' });
    expect(lib.importFile).not.toHaveBeenCalled();
    expect(lib.kept.map((r) => [r.header.name, r.header.tags])).toEqual([['book-trade', ['jade']]]);
  });

  it('reads a .orrery-rec file with the library, as before', async () => {
    const lib = library();
    const bytes = await encodeRecording(await sampleRecording());
    const outcome = await importLibraryFile(new File([bytes as BlobPart], 'run.orrery-rec'), lib, services);
    expect(outcome.ok).toBe(true);
    expect(lib.put).not.toHaveBeenCalled();
    expect(lib.kept).toHaveLength(1);
  });

  it('refuses a broken JADE log with ORR513 and anything else with the reader’s reason, keeping nothing', async () => {
    const lib = library();
    const jade = await importLibraryFile(new File(['(inform :sender a :receiver (set b))\n(agree)'], 'broken.log'), lib, services);
    expect(!jade.ok && jade.refusal.summary).toMatch(/^broken\.log: ORR513 entry 2/);
    const other = await importLibraryFile(new File(['just text'], 'notes.txt'), lib, services);
    expect(!other.ok && other.refusal.summary).toMatch(/^notes\.txt: ORR501/);
    expect(lib.kept).toEqual([]);
  });
});
