/**
 * The page's way to import a JADE log: a worker of its own per import (the file is read and
 * parsed there, the Recording comes back), ended when it answers.
 */
import * as Comlink from 'comlink';
import type { JadeImportApi, JadeImportOutcome, JadeImportRequest } from './importJadeInWorker';

export type { JadeImportOutcome, JadeImportRequest } from './importJadeInWorker';

export async function importJadeLogInWorker(
  log: string | Blob,
  request: JadeImportRequest,
  worker: Worker = new Worker(new URL('./jadeImport.worker.ts', import.meta.url), { type: 'module', name: 'orrery-jade-import' }),
): Promise<JadeImportOutcome> {
  const remote = Comlink.wrap<JadeImportApi>(worker);
  try {
    return await remote.importJadeLog(log, request);
  } finally {
    remote[Comlink.releaseProxy]();
    worker.terminate();
  }
}
