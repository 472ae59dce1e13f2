/**
 * A recording as a `.orrery-rec` file (format.ts), produced chunk by chunk: the tape is
 * serialised TAPE_CHUNK entries at a time and compressed as it goes, so the file's text
 * never exists whole, and the writer yields to the event loop between chunks.
 */
import { Gzip } from 'fflate';
import type { Recording } from '../../experiments/replay/types';
import { RECORDING_FILE_KIND, RECORDING_FILE_VERSION, TAPE_CHUNK } from './format';
import { headerToJson } from './recordingHeader';
import { createYielder } from './yieldToEventLoop';

export interface WriteOptions {
  /** Tape entries per line (tests use small ones). */
  chunkEntries?: number;
  /** gzip level 1–9; 6 by default. */
  level?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

/** The file, as compressed chunks in order: pipe them to disk or collect them in a Blob. */
export async function* writeRecording(recording: Recording, options: WriteOptions = {}): AsyncGenerator<Uint8Array, void, undefined> {
  const chunkEntries = Math.max(1, options.chunkEntries ?? TAPE_CHUNK);
  const ready: Uint8Array[] = [];
  const gzip = new Gzip({ level: options.level ?? 6 }, (chunk) => void ready.push(chunk));
  const encoder = new TextEncoder();
  const line = (value: unknown, final = false) => gzip.push(encoder.encode(`${JSON.stringify(value)}\n`), final);
  const breathe = createYielder();
  line({ orrery: RECORDING_FILE_KIND, version: RECORDING_FILE_VERSION, header: headerToJson(recording.header) });
  const { tape } = recording;
  for (let at = 0; at < tape.length; at += chunkEntries) {
    line({ at, tape: tape.slice(at, at + chunkEntries) });
    yield* ready.splice(0);
    await breathe();
  }
  line({ end: { entries: tape.length } }, true);
  yield* ready.splice(0);
}

/** The file's chunks, for `new Blob(parts)` (no copy into one buffer). */
export async function recordingToBlobParts(recording: Recording, options?: WriteOptions): Promise<Uint8Array[]> {
  const parts: Uint8Array[] = [];
  for await (const chunk of writeRecording(recording, options)) parts.push(chunk);
  return parts;
}

/** The whole file in one buffer: for small recordings and tests. */
export async function encodeRecording(recording: Recording, options?: WriteOptions): Promise<Uint8Array> {
  const parts = await recordingToBlobParts(recording, options);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
