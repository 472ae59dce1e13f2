/** A JADE message log file as a recording to open, or why it was refused (ORR513 naming the entry) (pure). */
import { importJadeLog } from '../../../experiments/interop';
import type { Recording } from '../../../experiments/replay/types';
import { OrreryError } from '../../../protocol/errors';
import type { Refusal } from '../../ui/ProblemList';
import { importRefusal } from './recordingFile';

export type JadeFileOutcome = { ok: true; recording: Recording; skipped: number } | { ok: false; refusal: Refusal };

/** The recording's name: the file's, without `.acl`, `.log` or `.txt`. */
export function jadeRecordingName(fileName: string): string {
  return fileName.replace(/(\.(acl|log|txt))+$/i, '') || 'JADE message log';
}

export function readJadeFile(fileName: string, text: string): JadeFileOutcome {
  try {
    const { recording, skipped } = importJadeLog(text, { name: jadeRecordingName(fileName) });
    return { ok: true, recording, skipped: skipped.reduce((n, s) => n + s.params.length, 0) };
  } catch (error) {
    return { ok: false, refusal: importRefusal(fileName, error instanceof OrreryError ? { data: error.toJSON() } : error) };
  }
}
