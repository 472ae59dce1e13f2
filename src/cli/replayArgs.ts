/** The `orrery replay` command line: one recording and the flags only `replay` takes. */
import type { CommonFlags } from './commonFlags';
import { InputError } from './exitCodes';

export interface ReplayCli {
  command: 'replay';
  file: string;
  /** A workspace file whose agents replace the recorded ones by name. */
  against?: string;
  /** Matching rules (JSON). */
  rules?: string;
  /** The simulation's seed instead of the recorded one. */
  seed?: number;
  json?: string;
  junit?: string;
  quiet: boolean;
}

/** Flags only `replay` accepts (others refuse them by name). */
export const REPLAY_ONLY_FLAGS = ['against', 'rules'] as const;

export const REPLAY_FLAG_OPTIONS = {
  against: { type: 'string' },
  rules: { type: 'string' },
  // Common to every verb that runs something (args.ts), declared here with replay's own.
  json: { type: 'string' },
  junit: { type: 'string' },
} as const;

type FlagValues = Record<string, string | boolean | string[] | undefined>;

const usage = (message: string) => new InputError(message, true);

/** `values`: flags the verb takes only (args.ts refuses the others by name). */
export function parseReplayCli(file: string | undefined, extra: readonly string[], values: FlagValues, common: CommonFlags): ReplayCli {
  if (file === undefined || file === '') throw usage('replay: expected a recording file (.orrery-rec), received nothing');
  if (extra.length > 0) throw usage(`replay: expected one recording file, received also ${extra.join(' ')}`);
  const cli: ReplayCli = { command: 'replay', file, ...common };
  for (const flag of REPLAY_ONLY_FLAGS) {
    const value = values[flag];
    if (value === '') throw usage(`--${flag}: expected a file name, received nothing`);
    if (typeof value === 'string') cli[flag] = value;
  }
  return cli;
}
