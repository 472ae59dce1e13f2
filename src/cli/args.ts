/** Command-line parsing for `orrery`: a closed set of commands, each with its own flags. */
import { parseArgs } from 'node:util';
import { EXIT_CODES_HELP, InputError } from './exitCodes';
import { DEFAULT_REGRESSION_PCT, LOAD_FLAG_OPTIONS, LOAD_ONLY_FLAGS, parseLoadCli, type LoadCli } from './loadArgs';
import { parseReplayCli, REPLAY_FLAG_OPTIONS, REPLAY_ONLY_FLAGS, type ReplayCli } from './replayArgs';
import { DEFAULT_RULES_TEXT } from './replayRules';

export type CliCommand =
  | { command: 'experiment'; file: string; seed?: number; report?: string; record?: string }
  | { command: 'swarm'; file: string; from: number; count: number; report?: string }
  | { command: 'compare'; file: string; other: string }
  | { command: 'schema' }
  | LoadCli
  | ReplayCli
  | { command: 'help' };

/** Seeds one swarm may run. */
export const MAX_SEEDS = 10_000;

export const USAGE = `orrery: run Orrery experiments headless (CI)

  orrery experiment <file.json> [--seed N] [--report out.json] [--record out.orrery-rec]
      Run a chaos experiment in the deterministic simulation (real wasm agents,
      virtual clock). Prints verdicts per window, the seed and the event-log hash.
      --record writes the run's recording (open it in the Replay tab, or replay it
      with \`orrery replay\`).

  orrery swarm <file.json> [--seeds FROM..TO | --count N] [--report out.json]
      Run the experiment over many seeds (at most ${MAX_SEEDS}); prints each seed's
      verdict and log hash and lists the failing ones. Re-run one with
      \`orrery experiment <file.json> --seed N\`: the same seed gives the same hash.

  orrery compare <a.json> <b.json>
      Compare two reports written by --report (two runs or two swarms): same or
      different log hash, and which checks moved. Exit 0 when they are the same
      runs (same hashes), 1 when they differ.

  orrery load <file.load.json> [--sim] [--seed N] [--summary-export out.json]
             [--html out.html] [--text out.txt] [--baseline base.json]
             [--save-baseline out.json] [--regression PCT] [--chaos chaos.json …] [--quiet]
             [--record out.orrery-rec]
      Run a load experiment (k6's executors and thresholds). Live by default: real
      wasm agents in worker threads, real time. --sim runs it in the deterministic
      simulation (virtual time, latencies from the file's latency model) and prints
      the log hash: the same seed gives the same figures and hash. Progress on stderr
      (a bar on a terminal, a line every 5 s otherwise; --quiet: none), the k6-style
      summary on stdout (--quiet: only the result line). --summary-export writes k6's
      summary-export JSON, --html a self-contained report, --text the summary.
      --save-baseline keeps this run's figures; --baseline compares with saved ones and
      fails on a regression beyond --regression percent (default ${DEFAULT_REGRESSION_PCT}).
      A "chaos": { "experiment": NAME } is looked up in the --chaos files and in
      examples/*.experiment.json, by name. Ctrl-C once stops gracefully (in-flight
      iterations finish, the summary is printed); twice aborts at once. With --sim,
      --record writes the run's recording.

  orrery replay <rec.orrery-rec> [--against workspace.orrery.json] [--rules rules.json]
               [--json out.json] [--junit out.xml] [--quiet]
      Replay a recording's external inputs (client and console messages, faults, at
      their recorded times) in the deterministic simulation against the agents you
      have now: the built agents for built-in kinds, a custom kind from the recording,
      or, with --against, the workspace's agents in place of the recorded ones of the
      same name. Compares each conversation with the recorded one and prints the first
      divergence (conversation, message, field, recorded vs replayed) and a summary.
      --rules: {"ignore": [fields], "keep": [fields], "orderSensitive": bool,
      "orderSensitiveFor": {conversation: bool}}; ignored by default:
      ${DEFAULT_RULES_TEXT}.
      Exit 0: no divergence; 1: a divergence. --json writes the report, --junit one
      test case per conversation.

  orrery schema
      Print the JSON Schema of experiment files (point "$schema" at a copy of it
      for completion in your editor; examples/ has one).

${EXIT_CODES_HELP}
`;

const usage = (message: string) => new InputError(message, true);

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
        record: { type: 'string' },
        ...LOAD_FLAG_OPTIONS,
        ...REPLAY_FLAG_OPTIONS,
      },
    });
  } catch (e) {
    throw usage(e instanceof Error ? e.message : String(e));
  }
}

export function parseCli(argv: readonly string[]): CliCommand {
  const { values, positionals } = parse(argv);
  const [command, file, ...extra] = positionals;
  if (values.help || command === undefined || command === 'help') return { command: 'help' };
  if (command === 'schema') {
    if (file !== undefined || Object.values(values).some((v) => v !== undefined)) throw usage('schema: takes no file and no flags');
    return { command };
  }
  if (command === 'replay') return parseReplayCli(file, extra, values);
  if (command === 'load') return parseLoadCli(file, extra, values, values.seed === undefined ? undefined : seedOf(values.seed, '--seed'));
  if (command !== 'experiment' && command !== 'swarm' && command !== 'compare')
    throw usage(`unknown command "${command}": expected experiment, swarm, compare, load, replay, schema or help`);
  for (const flag of LOAD_ONLY_FLAGS) if (values[flag] !== undefined) throw usage(`${command}: --${flag} belongs to load`);
  for (const flag of REPLAY_ONLY_FLAGS) if (values[flag] !== undefined) throw usage(`${command}: --${flag} belongs to replay`);
  if (command !== 'experiment' && values.record !== undefined) throw usage(`${command}: --record belongs to experiment and load --sim`);
  if (file === undefined || file === '')
    throw usage(`${command}: expected ${command === 'compare' ? 'two report files' : 'an experiment file'}, received nothing`);
  const report = values.report;
  if (report === '') throw usage('--report: expected a file name, received nothing');
  if (command === 'compare') {
    const [other, ...more] = extra;
    if (other === undefined || more.length > 0) throw usage(`compare: expected two report files, received ${1 + extra.length}`);
    for (const flag of ['seed', 'seeds', 'count', 'report'] as const)
      if (values[flag] !== undefined) throw usage(`compare: --${flag} does not apply`);
    return { command, file, other };
  }
  if (extra.length > 0) throw usage(`${command}: expected one file, received also ${extra.join(' ')}`);
  if (command === 'experiment') {
    if (values.seeds !== undefined || values.count !== undefined)
      throw usage('experiment: --seeds and --count belong to swarm; give --seed N');
    const seed = values.seed === undefined ? undefined : seedOf(values.seed, '--seed');
    if (values.record === '') throw usage('--record: expected a file name, received nothing');
    const record = values.record;
    return { command, file, ...(seed !== undefined ? { seed } : {}), ...(report ? { report } : {}), ...(record ? { record } : {}) };
  }
  if (values.seed !== undefined) throw usage('swarm: --seed belongs to experiment; give --seeds FROM..TO or --count N');
  const { from, count } = seedRange(values.seeds, values.count);
  return { command, file, from, count, ...(report ? { report } : {}) };
}

function seedOf(text: string, flag: string): number {
  if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff)
    throw usage(`${flag}: expected a whole number from 0 to 4294967295, received "${text}"`);
  return Number(text);
}

function seedRange(seeds: string | undefined, count: string | undefined): { from: number; count: number } {
  if (seeds !== undefined && count !== undefined) throw usage('swarm: give --seeds FROM..TO or --count N, not both');
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
  return { from: 1, count: n };
}
