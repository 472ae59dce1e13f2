/** Flags every verb that runs something takes (help.ts: COMMON_FLAGS_HELP; args.ts parses them). */
import { InputError } from './exitCodes';

export interface CommonFlags {
  seed?: number;
  /** Write the result as JSON here. */
  json?: string;
  /** Write the result as JUnit XML here. */
  junit?: string;
  /** Only the verdict on stdout, no progress on stderr. */
  quiet: boolean;
}

/** A flag naming a file: refused when given empty (`--json=`), undefined when not given. */
export function fileFlag(values: Record<string, unknown>, flag: string): string | undefined {
  const value = values[flag];
  if (value === '') throw new InputError(`--${flag}: expected a file name, received nothing`, true);
  return typeof value === 'string' ? value : undefined;
}
