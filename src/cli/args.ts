/** Command-line parsing for `orrery`: a closed set of commands, each with its own flags. */
import { parseArgs } from 'node:util';
import { fileFlag, type CommonFlags } from './commonFlags';
import type { CanDeployCli } from './canDeployCommand';
import type { ContractCli } from './contractCommand';
import { InputError } from './exitCodes';
import { isVerb, MAX_SEEDS, USAGE, VERBS, type Verb } from './help';
import { LOAD_FLAG_OPTIONS, LOAD_ONLY_FLAGS, parseLoadCli, type LoadCli } from './loadArgs';
import { parseReplayCli, REPLAY_FLAG_OPTIONS, REPLAY_ONLY_FLAGS, type ReplayCli } from './replayArgs';
import { parseShrinkCli, SHRINK_FLAG_OPTIONS, SHRINK_ONLY_FLAGS, type ShrinkCli } from './shrinkArgs';

export type { CommonFlags };

export type CliCommand =
  | ({ command: 'experiment'; file: string; report?: string; record?: string; contracts?: string } & CommonFlags)
  | ({ command: 'swarm'; file: string; from: number; count: number; report?: string; contracts?: string } & Omit<CommonFlags, 'seed'>)
  | ({ command: 'run'; file: string } & CommonFlags)
  | ContractCli
  | CanDeployCli
  | { command: 'compare'; file: string; other: string }
  | { command: 'schema' }
  | LoadCli
  | ReplayCli
  | ShrinkCli
  | { command: 'help'; verb?: Verb }
  | { command: 'version' };

export { MAX_SEEDS, USAGE };

const usage = (message: string) => new InputError(message, true);

const COMMON = ['seed', 'json', 'junit', 'quiet'] as const;
/** The flags each verb takes; any other is refused by name. */
const VERB_FLAGS: Record<Exclude<Verb, 'help'>, readonly string[]> = {
  run: COMMON,
  experiment: [...COMMON, 'report', 'record', 'contracts'],
  swarm: [...COMMON, 'seeds', 'count', 'report', 'contracts'],
  load: [...COMMON, ...LOAD_ONLY_FLAGS, 'record', 'contracts'],
  replay: [...COMMON, ...REPLAY_ONLY_FLAGS],
  shrink: ['json', 'quiet', ...SHRINK_ONLY_FLAGS],
  contract: ['json', 'junit', 'quiet'],
  'can-deploy': [...COMMON, 'agent', 'against', 'contracts'],
  compare: [],
  schema: [],
};

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        seed: { type: 'string' },
        seeds: { type: 'string' },
        count: { type: 'string' },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
        record: { type: 'string' },
        agent: { type: 'string' },
        contracts: { type: 'string' },
        ...LOAD_FLAG_OPTIONS,
        ...REPLAY_FLAG_OPTIONS,
        ...SHRINK_FLAG_OPTIONS,
      },
    });
  } catch (e) {
    // node:util says `Unknown option '--x'. To specify a positional argument starting with a '-', …`: the first sentence is the news.
    const text = e instanceof Error ? e.message : String(e);
    throw usage(`orrery: ${text.split('. ')[0]!.replace(/\.$/, '')}`);
  }
}

/** A flag the verb does not take: which verbs do, if any. */
function refuseForeignFlags(verb: Exclude<Verb, 'help'>, values: Record<string, unknown>): void {
  for (const [flag, value] of Object.entries(values)) {
    if (value === undefined || flag === 'help' || VERB_FLAGS[verb].includes(flag)) continue;
    const owners = Object.entries(VERB_FLAGS)
      .filter(([, flags]) => flags.includes(flag))
      .map(([v]) => v);
    throw usage(
      owners.length > 0 && owners.length < 3
        ? `${verb}: --${flag} belongs to ${owners.join(' and ')}`
        : `${verb}: --${flag} does not apply (orrery help ${verb} lists its flags)`,
    );
  }
}

function commonFlags(values: Record<string, unknown>): CommonFlags {
  const seed = typeof values['seed'] === 'string' ? seedOf(values['seed'], '--seed') : undefined;
  const json = fileFlag(values, 'json');
  const junit = fileFlag(values, 'junit');
  return {
    ...(seed !== undefined ? { seed } : {}),
    ...(json !== undefined ? { json } : {}),
    ...(junit !== undefined ? { junit } : {}),
    quiet: values['quiet'] === true,
  };
}

export function parseCli(argv: readonly string[]): CliCommand {
  const { values, positionals } = parse(argv);
  const [command, file, ...extra] = positionals;
  if (values.version) return { command: 'version' };
  if (command === undefined) return { command: 'help' };
  if (!isVerb(command)) throw usage(`orrery: unknown verb "${command}": expected ${VERBS.join(', ')}`);
  if (command === 'help' || values.help) return helpFor(command === 'help' ? file : command, command === 'help' ? extra : []);
  refuseForeignFlags(command, values);
  if (command === 'schema') {
    if (file !== undefined) throw usage('schema: takes no file and no flags');
    return { command };
  }
  if (command === 'replay') return parseReplayCli(file, extra, values, commonFlags(values));
  if (command === 'shrink') return parseShrinkCli(file, extra, values, commonFlags(values));
  if (command === 'contract') return parseContractCli(file, extra, values);
  if (command === 'can-deploy') return parseCanDeployCli(file, extra, values);
  if (command === 'load') return parseLoadCli(file, extra, values, commonFlags(values));
  if (file === undefined || file === '')
    throw usage(
      `${command}: expected ${command === 'compare' ? 'two result files' : command === 'run' ? 'a workspace file' : 'an experiment file'}, received nothing`,
    );
  if (command === 'compare') {
    const [other, ...more] = extra;
    if (other === undefined || more.length > 0) throw usage(`compare: expected two result files, received ${1 + extra.length}`);
    return { command, file, other };
  }
  if (extra.length > 0) throw usage(`${command}: expected one file, received also ${extra.join(' ')}`);
  const common = commonFlags(values);
  if (command === 'run') return { command, file, ...common };
  const report = fileFlag(values, 'report');
  const contracts = fileFlag(values, 'contracts');
  const withContracts = contracts ? { contracts } : {};
  if (command === 'experiment') {
    const record = fileFlag(values, 'record');
    return { command, file, ...common, ...(report ? { report } : {}), ...(record ? { record } : {}), ...withContracts };
  }
  const { seed, ...rest } = common;
  const { from, count } = seedRange(values.seeds, values.count, seed);
  return { command, file, from, count, ...rest, ...(report ? { report } : {}), ...withContracts };
}

function parseContractCli(action: string | undefined, files: readonly string[], values: Record<string, unknown>): ContractCli {
  if (action !== 'check')
    throw usage(`contract: expected "check OLD.json NEW.json", received ${action === undefined ? 'nothing' : `"${action}"`}`);
  const [before, after, ...more] = files;
  if (!before || !after || more.length > 0)
    throw usage(`contract check: expected two contract files (the old version, then the new), received ${files.length}`);
  const { seed: _seed, ...common } = commonFlags(values);
  return { command: 'contract', action, before, after, ...common };
}

function parseCanDeployCli(file: string | undefined, extra: readonly string[], values: Record<string, unknown>): CanDeployCli {
  if (file === undefined || file === '') throw usage('can-deploy: expected a recording file (.orrery-rec), received nothing');
  if (extra.length > 0) throw usage(`can-deploy: expected one recording file, received also ${extra.join(' ')}`);
  const [agent, against, contracts] = (['agent', 'against', 'contracts'] as const).map((flag) => {
    const value = fileFlag(values, flag);
    if (value === undefined) throw usage(`can-deploy: expected --${flag}, received nothing`);
    return value;
  }) as [string, string, string];
  return { command: 'can-deploy', file, agent, against, contracts, ...commonFlags(values) };
}

function helpFor(verb: string | undefined, extra: readonly string[]): CliCommand {
  if (verb === undefined) return { command: 'help' };
  if (!isVerb(verb)) throw usage(`help: unknown verb "${verb}": expected ${VERBS.join(', ')}`);
  if (extra.length > 0) throw usage(`help: expected one verb, received also ${extra.join(' ')}`);
  return { command: 'help', verb };
}

function seedOf(text: string, flag: string): number {
  if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff)
    throw usage(`${flag}: expected a whole number from 0 to 4294967295, received "${text}"`);
  return Number(text);
}

function seedRange(seeds: string | undefined, count: string | undefined, seed: number | undefined): { from: number; count: number } {
  if (seeds !== undefined && count !== undefined) throw usage('swarm: give --seeds FROM..TO or --count N, not both');
  if (seeds !== undefined && seed !== undefined) throw usage('swarm: give --seeds FROM..TO or --seed FROM [--count N], not both');
  if (seeds !== undefined) {
    const match = /^(\d+)\.\.(\d+)$/.exec(seeds);
    if (!match) throw usage(`--seeds: expected FROM..TO (e.g. 1..50), received "${seeds}"`);
    const from = seedOf(match[1]!, '--seeds');
    const to = seedOf(match[2]!, '--seeds');
    if (to < from) throw usage(`--seeds: expected FROM ≤ TO, received ${from}..${to}`);
    if (to - from + 1 > MAX_SEEDS) throw usage(`--seeds: expected at most ${MAX_SEEDS} seeds, received ${to - from + 1}`);
    return { from, count: to - from + 1 };
  }
  const n = count === undefined ? 20 : seedOf(count, '--count');
  if (n < 1 || n > MAX_SEEDS) throw usage(`--count: expected 1 to ${MAX_SEEDS} seeds, received ${n}`);
  return { from: seed ?? 1, count: n };
}
