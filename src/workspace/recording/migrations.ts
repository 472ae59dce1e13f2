/**
 * Recording files from older versions, one step per version (n → n+1), like the
 * workspace's migrations. Reading streams, so a step migrates the header once and each
 * tape entry on its own. Version 1 is the first: the table is empty until version 2.
 */
import { RECORDING_FILE_VERSION } from './format';

export interface RecordingMigration {
  /** The version this step reads; it writes `from + 1`. */
  from: number;
  header(header: Record<string, unknown>): Record<string, unknown>;
  entry(entry: unknown): unknown;
}

export const RECORDING_MIGRATIONS: readonly RecordingMigration[] = [];

export interface MigrationPlan {
  steps: number;
  header(header: Record<string, unknown>): Record<string, unknown>;
  entry(entry: unknown): unknown;
}

/**
 * The steps from `version` to `current`, composed. Throws when a step is missing (a build
 * error, not the file's fault); the caller refuses versions above `current` first.
 */
export function planMigration(
  version: number,
  current: number = RECORDING_FILE_VERSION,
  table: readonly RecordingMigration[] = RECORDING_MIGRATIONS,
): MigrationPlan {
  const steps: RecordingMigration[] = [];
  for (let v = version; v < current; v++) {
    const step = table.find((m) => m.from === v);
    if (!step) throw new Error(`no recording migration from version ${v} to ${v + 1}`);
    steps.push(step);
  }
  if (steps.length === 0) return { steps: 0, header: (h) => h, entry: (e) => e };
  return {
    steps: steps.length,
    header: (h) => steps.reduce((acc, step) => step.header(acc), h),
    entry: (e) => steps.reduce((acc, step) => step.entry(acc), e),
  };
}
