/** Command-line parsing for `orrery`: a closed set of commands, each with its own flags. */
import { parseArgs } from 'node:util';

export type CliCommand =
  | { command: 'experiment'; file: string; seed?: number; report?: string }
  | { command: 'swarm'; file: string; from: number; count: number; report?: string }
  | { command: 'help' };

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `orrery: run Orrery experiments headless (CI)

  orrery experiment <file.json> [--seed N] [--report out.json]
      Run a chaos experiment in the deterministic simulation (real wasm agents,
      virtual clock). Prints verdicts per window, the seed and the event-log hash.
      Exit 0 when the hypothesis holds, 1 when it does not, 2 on bad input.

  orrery swarm <file.json> [--seeds FROM..TO | --count N] [--report out.json]
      Run the experiment over many seeds; list the failing ones. Re-run one with
      \`orrery experiment <file.json> --seed N\`: the same seed gives the same hash.
`;

export function parseCli(argv: readonly string[]): CliCommand {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      seed: { type: 'string' },
      seeds: { type: 'string' },
      count: { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, file, ...extra] = positionals;
  if (values.help || command === undefined || command === 'help') return { command: 'help' };
  if (command !== 'experiment' && command !== 'swarm') throw new UsageError(`unknown command "${command}": expected experiment or swarm`);
  if (file === undefined) throw new UsageError(`${command}: expected an experiment file, received nothing`);
  if (extra.length > 0) throw new UsageError(`${command}: expected one file, received also ${extra.join(' ')}`);
  const report = values.report;
  if (command === 'experiment') {
    const seed = values.seed === undefined ? undefined : seedOf(values.seed, '--seed');
    return { command, file, ...(seed !== undefined ? { seed } : {}), ...(report ? { report } : {}) };
  }
  const { from, count } = seedRange(values.seeds, values.count);
  return { command, file, from, count, ...(report ? { report } : {}) };
}

function seedOf(text: string, flag: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 0xffffffff) throw new UsageError(`${flag}: expected a whole number from 0 to 4294967295, received "${text}"`);
  return Number(text);
}

function seedRange(seeds: string | undefined, count: string | undefined): { from: number; count: number } {
  if (seeds !== undefined && count !== undefined) throw new UsageError('swarm: give --seeds FROM..TO or --count N, not both');
  if (seeds !== undefined) {
    const match = /^(\d+)\.\.(\d+)$/.exec(seeds);
    if (!match) throw new UsageError(`--seeds: expected FROM..TO (e.g. 1..50), received "${seeds}"`);
    const from = seedOf(match[1]!, '--seeds');
    const to = seedOf(match[2]!, '--seeds');
    if (to < from) throw new UsageError(`--seeds: expected FROM ≤ TO, received ${from}..${to}`);
    return { from, count: to - from + 1 };
  }
  const n = count === undefined ? 20 : seedOf(count, '--count');
  if (n < 1) throw new UsageError('--count: expected at least 1 seed');
  return { from: 1, count: n };
}
