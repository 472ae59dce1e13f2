/**
 * A JADE message log file as a recording to keep and open, or why it was refused (ORR513 naming
 * the entry). The import itself runs in a worker (`ReplayServices.importJadeLog`).
 */
import type { JadeImportOutcome } from '../../../browser/replay/connectJadeImport';
import type { Recording } from '../../../experiments/replay/types';
import type { Refusal } from '../../ui/ProblemList';
import { importRefusal } from './recordingFile';
import type { ReplayServices } from './replayServices';

export type JadeFileOutcome = { ok: true; recording: Recording; skipped: number } | { ok: false; refusal: Refusal };

/** The recording's name: the file's, without `.acl`, `.log` or `.txt`. */
export function jadeRecordingName(fileName: string): string {
  return fileName.replace(/(\.(acl|log|txt))+$/i, '') || 'JADE message log';
}

/** The worker's answer for a file, as the Replay tab shows it. */
export function jadeFileOutcome(fileName: string, outcome: JadeImportOutcome): JadeFileOutcome {
  if (!outcome.ok) return { ok: false, refusal: importRefusal(fileName, { data: outcome.error }) };
  return { ok: true, recording: outcome.recording, skipped: outcome.skipped };
}

/** A JADE log file imported in its worker, named after the file; a failed import is a refusal too, never thrown. */
export function importJadeFile(file: File, services: Pick<ReplayServices, 'importJadeLog'>): Promise<JadeFileOutcome> {
  return services.importJadeLog(file, { name: jadeRecordingName(file.name) }).then(
    (outcome) => jadeFileOutcome(file.name, outcome),
    (error: unknown) => ({ ok: false, refusal: importRefusal(file.name, error) }),
  );
}

/** " (N parameters Orrery does not carry were skipped)", or nothing. */
export function skippedNote(skipped: number): string {
  if (skipped === 0) return '';
  return ` (${skipped} parameter${skipped === 1 ? '' : 's'} Orrery does not carry ${skipped === 1 ? 'was' : 'were'} skipped)`;
}
