/** The `orrery replay` command line: one recording and the flags only `replay` takes. */
import type { StandInMode } from '../experiments/replay/standIn';
import { fileFlag, type CommonFlags } from './commonFlags';
import { InputError } from './exitCodes';

export const STAND_IN_MODES: readonly StandInMode[] = ['replay', 'passthrough', 'record-if-missing'];

/** `--stand-in AGENT[=MODE]`: a recorded agent answered from the recording. */
export interface StandInSpec {
  agent: string;
  mode: StandInMode;
}

export interface ReplayCli {
  command: 'replay';
  file: string;
  /** A workspace file whose agents replace the recorded ones by name. */
  against?: string;
  /** Matching rules (JSON). */
  rules?: string;
  /** Recorded agents replaced by stand-ins answering from the recording. */
  standIns?: StandInSpec[];
  /** The simulation's seed instead of the recorded one. */
  seed?: number;
  json?: string;
  junit?: string;
  quiet: boolean;
}

/** Flags only `replay` accepts (others refuse them by name). */
export const REPLAY_ONLY_FLAGS = ['against', 'rules', 'stand-in'] as const;

export const REPLAY_FLAG_OPTIONS = {
  against: { type: 'string' },
  rules: { type: 'string' },
  'stand-in': { type: 'string', multiple: true },
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
  for (const flag of ['against', 'rules'] as const) {
    const value = fileFlag(values, flag);
    if (value !== undefined) cli[flag] = value;
  }
  const standIns = values['stand-in'];
  if (Array.isArray(standIns) && standIns.length > 0) cli.standIns = parseStandIns(standIns);
  return cli;
}

/** `AGENT[=MODE]` each, one stand-in per agent. */
export function parseStandIns(texts: readonly string[]): StandInSpec[] {
  const specs: StandInSpec[] = [];
  for (const text of texts) {
    const at = text.indexOf('=');
    const agent = at < 0 ? text : text.slice(0, at);
    const mode = at < 0 ? 'replay' : text.slice(at + 1);
    if (agent === '') throw usage(`--stand-in: expected AGENT[=MODE], received "${text}"`);
    if (!(STAND_IN_MODES as readonly string[]).includes(mode))
      throw usage(`--stand-in ${agent}: expected a mode of ${STAND_IN_MODES.join(', ')}, received "${mode}"`);
    if (specs.some((s) => s.agent === agent)) throw usage(`--stand-in: ${agent} is named twice`);
    specs.push({ agent, mode: mode as StandInMode });
  }
  return specs;
}
