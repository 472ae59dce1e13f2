/**
 * What the recording library stores, as pure functions: a light summary per recording
 * (what the list shows: no tape, no module bytes, no workspace), the full header, and the
 * tape cut into chunks; and the checks on names and tags a person types.
 */
import type { Recording, RecordingHeader, RecordingModule, TapeEntry } from '../../experiments/replay/types';
import { TAPE_CHUNK } from './format';

export interface RecordingSummary extends Omit<RecordingHeader, 'workspace' | 'chaos' | 'load' | 'modules'> {
  modules: Omit<RecordingModule, 'bytes'>[];
  /** The header carries a workspace file / chaos experiment / load experiment. */
  hasWorkspace: boolean;
  hasChaos: boolean;
  hasLoad: boolean;
  /** ISO 8601: when it was put into the library. */
  storedAt: string;
  /** Tape chunks stored. */
  chunks: number;
}

export interface StoredTapeChunk {
  id: string;
  index: number;
  entries: TapeEntry[];
}

export const MAX_RECORDING_NAME = 200;
export const MAX_RECORDING_TAGS = 50;
export const MAX_TAG_LENGTH = 60;

export function summaryOf(header: RecordingHeader, chunks: number, storedAt: string): RecordingSummary {
  const { workspace, chaos, load, modules, ...rest } = header;
  return {
    ...rest,
    tags: [...rest.tags],
    modules: modules.map(({ kind, hash, label, builtin }) => ({ kind, hash, label, builtin })),
    hasWorkspace: workspace !== undefined,
    hasChaos: chaos !== undefined,
    hasLoad: load !== undefined,
    storedAt,
    chunks,
  };
}

export function tapeChunks(id: string, tape: readonly TapeEntry[], size = TAPE_CHUNK): StoredTapeChunk[] {
  const chunks: StoredTapeChunk[] = [];
  for (let at = 0, index = 0; at < tape.length; at += size, index++) chunks.push({ id, index, entries: tape.slice(at, at + size) });
  return chunks;
}

/** The recording again; throws when chunks are missing (the store was damaged). */
export function reassemble(header: RecordingHeader, chunks: readonly StoredTapeChunk[], expected: number): Recording {
  if (chunks.length !== expected || chunks.some((c, i) => c.index !== i))
    throw new Error(`recording ${header.id}: ${chunks.length} of ${expected} tape chunks are stored`);
  const tape: TapeEntry[] = [];
  for (const c of chunks) for (const e of c.entries) tape.push(e);
  return { header, tape };
}

/** A name as typed: trimmed, not empty, bounded. Throws a message a person can act on. */
export function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new RangeError('A recording needs a name');
  if (trimmed.length > MAX_RECORDING_NAME)
    throw new RangeError(`A recording's name has at most ${MAX_RECORDING_NAME} characters (received ${trimmed.length})`);
  return trimmed;
}

/** Tags as typed: trimmed, empty ones dropped, duplicates once, bounded. */
export function checkedTags(tags: readonly string[]): string[] {
  const out = [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];
  const long = out.find((t) => t.length > MAX_TAG_LENGTH);
  if (long !== undefined) throw new RangeError(`A tag has at most ${MAX_TAG_LENGTH} characters (received "${long.slice(0, 20)}…")`);
  if (out.length > MAX_RECORDING_TAGS) throw new RangeError(`A recording has at most ${MAX_RECORDING_TAGS} tags (received ${out.length})`);
  return out;
}

/** Newest first, then by name. */
export function compareSummaries(a: RecordingSummary, b: RecordingSummary): number {
  return b.createdAt.localeCompare(a.createdAt) || a.name.localeCompare(b.name, undefined, { numeric: true });
}
