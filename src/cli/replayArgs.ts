/** The `orrery replay` command line: one recording and the flags only `replay` takes. */
import { InputError } from './exitCodes';

export interface ReplayCli {
  command: 'replay';
  file: string;
  /** A workspace file whose agents replace the recorded ones by name. */
  against?: string;
  /** Matching rules (JSON). */
  rules?: string;
  json?: string;
  junit?: string;
  quiet: boolean;
}

/** Flags only `replay` accepts (others refuse them by name). */
export const REPLAY_ONLY_FLAGS = ['against', 'rules', 'json', 'junit'] as const;

export const REPLAY_FLAG_OPTIONS = {
  against: { type: 'string' },
  rules: { type: 'string' },
  json: { type: 'string' },
  junit: { type: 'string' },
} as const;

type FlagValues = Record<string, string | boolean | string[] | undefined>;

const usage = (message: string) => new InputError(message, true);

/** Flags of other commands that `replay` refuses (its own and --quiet are handled below). */
const FOREIGN = [
  'seed',
  'seeds',
  'count',
  'report',
  'sim',
  'summary-export',
  'html',
  'text',
  'baseline',
  'save-baseline',
  'regression',
  'chaos',
  'record',
];

export function parseReplayCli(file: string | undefined, extra: readonly string[], values: FlagValues): ReplayCli {
  if (file === undefined || file === '') throw usage('replay: expected a recording file (.orrery-rec), received nothing');
  if (extra.length > 0) throw usage(`replay: expected one recording file, received also ${extra.join(' ')}`);
  for (const flag of FOREIGN) if (values[flag] !== undefined) throw usage(`replay: --${flag} does not apply`);
  const cli: ReplayCli = { command: 'replay', file, quiet: values['quiet'] === true };
  for (const flag of REPLAY_ONLY_FLAGS) {
    const value = values[flag];
    if (value === '') throw usage(`--${flag}: expected a file name, received nothing`);
    if (typeof value === 'string') cli[flag] = value;
  }
  return cli;
}
