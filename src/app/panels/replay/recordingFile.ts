/** File names and the refusal text of recording files (pure). */
import { formatError, type OrreryErrorData } from '../../../protocol/errors';
import type { Refusal } from '../../ui/ProblemList';

export const RECORDING_EXTENSION = '.orrery-rec';

/** A file name from a recording's name: letters, digits, dashes; never empty. */
export function recordingFileName(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  return `${stem || 'recording'}${RECORDING_EXTENSION}`;
}

/** Tags as typed ("a, b  c"): trimmed, deduplicated, in the order given. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,\s]+/).filter((t) => t.length > 0))];
}

interface FileErrorLike {
  data: OrreryErrorData;
  problems?: readonly OrreryErrorData[] | undefined;
}

function isFileError(error: unknown): error is FileErrorLike {
  return typeof error === 'object' && error !== null && 'data' in error && typeof (error as FileErrorLike).data?.code === 'string';
}

/** Why an import was refused: the coded reason (ORR5xx), each problem at its place. */
export function importRefusal(fileName: string, error: unknown): Refusal {
  if (!isFileError(error)) return { summary: `${fileName}: ${error instanceof Error ? error.message : String(error)}`, problems: [] };
  return {
    summary: `${fileName}: ${formatError(error.data, { hint: false })}`,
    problems: (error.problems ?? []).slice(0, 20).map((p) => formatError(p, { hint: false })),
    ...(error.data.hint ? { hint: error.data.hint } : {}),
  };
}
