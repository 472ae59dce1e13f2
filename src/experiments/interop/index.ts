/** Other platforms' formats: JADE message logs in and out (see README.md). */
export { importJadeLog, type JadeImport, type JadeImportOptions } from './importJadeLog';
export { toJadeLog, type JadeExportOptions } from './toJadeLog';
