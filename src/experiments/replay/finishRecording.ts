/**
 * Turns a tape into a Recording: plays it once on a bare kernel to count its events and hash
 * the log they make (the player checks that hash when it opens the recording).
 */
import { RECORDING_SCHEMA, type Recording, type RecordingHeader, type TapeEntry } from './types';
import { scanTape, type TapeScan } from './scanTape';
import { sha256Hex } from '../simulation/sha256';

export interface RecordingParts {
  tape: readonly TapeEntry[];
  kernelSeed: number;
  clockMode: RecordingHeader['clockMode'];
  startIndex: number;
  name: string;
  tags: string[];
  kernel: RecordingHeader['kernel'];
  workspace?: unknown;
  modules: RecordingHeader['modules'];
  simulationSeed?: number;
  chaos?: unknown;
  load?: unknown;
  cutShort?: RecordingHeader['cutShort'];
  /** The tape's scan when the caller made it already (in slices: createTapeScanner); else one pass here. */
  scan?: TapeScan;
  /** Defaults: derived from the log hash and the time of finishing. */
  id?: string;
  createdAt?: string;
}

export function finishRecording(parts: RecordingParts): Recording {
  const tape = [...parts.tape];
  if (!Number.isInteger(parts.startIndex) || parts.startIndex < 0 || parts.startIndex > tape.length) {
    throw new RangeError(`startIndex must be an index of the tape (0..${tape.length}), got ${parts.startIndex}`);
  }
  const scan = parts.scan ?? scanTape(parts, tape, parts.startIndex);
  const createdAt = parts.createdAt ?? new Date().toISOString();
  const startT = tape[parts.startIndex]?.t ?? tape.at(-1)?.t ?? 0;
  const endT = tape.at(-1)?.t ?? 0;
  const header: RecordingHeader = {
    schema: RECORDING_SCHEMA,
    id: parts.id ?? sha256Hex(`${scan.logHash}\n${createdAt}\n${parts.name}`).slice(0, 16),
    name: parts.name,
    tags: [...parts.tags],
    createdAt,
    clockMode: parts.clockMode,
    kernelSeed: parts.kernelSeed >>> 0,
    kernel: { ...parts.kernel },
    modules: parts.modules,
    startIndex: parts.startIndex,
    counts: { inputs: tape.length, events: scan.total - scan.first, durationMs: Math.max(0, endT - startT) },
    logHash: scan.logHash,
  };
  if (parts.simulationSeed !== undefined) header.simulationSeed = parts.simulationSeed >>> 0;
  if (parts.workspace !== undefined) header.workspace = parts.workspace;
  if (parts.chaos !== undefined) header.chaos = parts.chaos;
  if (parts.load !== undefined) header.load = parts.load;
  if (parts.cutShort !== undefined) header.cutShort = { ...parts.cutShort };
  return { header, tape };
}
