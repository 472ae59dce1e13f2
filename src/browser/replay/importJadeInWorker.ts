/**
 * "Import JADE log" as a worker runs it: a log's text (or its file, read there) in, a Recording
 * or the ORR513 refusal as data out. Parsing every entry and finishing the recording (a pass
 * over the whole tape on a bare kernel) cost seconds for a big log: in a worker the page stays
 * responsive. `exposeJadeImport` is what the worker file runs; tests expose it on a MessageChannel.
 */
import * as Comlink from 'comlink';
import { importJadeLog } from '../../experiments/interop';
import type { Recording } from '../../experiments/replay/types';
import { OrreryError, type OrreryErrorData } from '../../protocol/errors';

export interface JadeImportRequest {
  /** The recording's name. */
  name: string;
}

export type JadeImportOutcome =
  /** `skipped`: parameters Orrery does not carry, over all entries; `timeOrigin`: epoch ms of the first entry. */
  | { ok: true; recording: Recording; skipped: number; timeOrigin: number }
  /** ORR513, naming the entry and what is wrong with it. */
  | { ok: false; error: OrreryErrorData };

export interface JadeImportApi {
  importJadeLog(log: string | Blob, request: JadeImportRequest): Promise<JadeImportOutcome>;
}

export function createJadeImportApi(): JadeImportApi {
  return {
    async importJadeLog(log, { name }) {
      const text = typeof log === 'string' ? log : await log.text();
      try {
        const { recording, skipped, timeOrigin } = importJadeLog(text, { name });
        return { ok: true, recording, skipped: skipped.reduce((n, s) => n + s.params.length, 0), timeOrigin };
      } catch (error) {
        // A refusal is data (comlink would lose the OrreryError's code); anything else is a bug and rejects
        if (error instanceof OrreryError) return { ok: false, error: error.toJSON() };
        throw error;
      }
    },
  };
}

export function exposeJadeImport(endpoint?: Comlink.Endpoint): void {
  Comlink.expose(createJadeImportApi(), endpoint);
}
