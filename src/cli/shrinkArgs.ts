/** The `orrery shrink` command line: one recording, --out, --json, --quiet. */
import { fileFlag, type CommonFlags } from './commonFlags';
import { InputError } from './exitCodes';

export interface ShrinkCli {
  command: 'shrink';
  file: string;
  /** Where the shrunk recording goes. */
  out?: string;
  json?: string;
  quiet: boolean;
}

/** Flags only `shrink` accepts. */
export const SHRINK_ONLY_FLAGS = ['out'] as const;

export const SHRINK_FLAG_OPTIONS = { out: { type: 'string' } } as const;

const usage = (message: string) => new InputError(message, true);

export function parseShrinkCli(
  file: string | undefined,
  extra: readonly string[],
  values: Record<string, unknown>,
  common: Pick<CommonFlags, 'json' | 'quiet'>,
): ShrinkCli {
  if (file === undefined || file === '') throw usage('shrink: expected a recording file (.orrery-rec), received nothing');
  if (extra.length > 0) throw usage(`shrink: expected one recording file, received also ${extra.join(' ')}`);
  const out = fileFlag(values, 'out');
  return {
    command: 'shrink',
    file,
    ...(out !== undefined ? { out } : {}),
    ...(common.json !== undefined ? { json: common.json } : {}),
    quiet: common.quiet,
  };
}
