/**
 * Why a recording file was refused: one registry code (ORR501–ORR505) with the reason,
 * and for invalid content (ORR504) the problems, each naming its place (`tape[1203].t`).
 */
import { errorData, formatError, type ErrorCode, type FileProblem, type OrreryErrorData } from '../../protocol/errors';

export type RecordingFileCode = Extract<ErrorCode, 'ORR501' | 'ORR502' | 'ORR503' | 'ORR504' | 'ORR505'>;

export class RecordingFileError extends Error {
  override readonly name = 'RecordingFileError';
  readonly data: OrreryErrorData;
  readonly problems: FileProblem[] | undefined;

  constructor(data: OrreryErrorData, problems?: FileProblem[]) {
    super(formatError(data, { hint: false }));
    this.data = data;
    this.problems = problems;
  }

  get code(): ErrorCode {
    return this.data.code;
  }
}

export function refuse(
  code: RecordingFileCode,
  message: string,
  details: { expected?: string; received?: string } = {},
): RecordingFileError {
  return new RecordingFileError(errorData(code, message, details));
}

/** Every line of the refusal a person needs: the code and reason, then each problem. */
export function formatRecordingFileError(error: RecordingFileError): string {
  const lines = [formatError(error.data)];
  for (const p of error.problems ?? []) lines.push(`  ${formatError(p, { hint: false })}`);
  return lines.join('\n');
}
