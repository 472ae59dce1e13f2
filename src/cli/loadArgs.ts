/** The `orrery load` command line: one load experiment file and the flags only `load` takes. */
import { fileFlag, type CommonFlags } from './commonFlags';
import { InputError } from './exitCodes';

export interface LoadCli {
  command: 'load';
  file: string;
  /** Run in the deterministic simulation (virtual time) instead of live worker threads. */
  sim: boolean;
  seed?: number;
  summaryExport?: string;
  html?: string;
  text?: string;
  baseline?: string;
  saveBaseline?: string;
  /** Regression margin against --baseline, in percent (default 10). */
  regressionPct: number;
  /** Chaos experiment files `chaos.experiment` may name. */
  chaos: string[];
  quiet: boolean;
  /** The verdict, thresholds and k6's summary-export figures as JSON. */
  json?: string;
  /** One JUnit test case per threshold. */
  junit?: string;
  /** --sim only: write the run's recording here. */
  record?: string;
  /** A contract file: every message checked, violations counted (exit 1 when any). */
  contracts?: string;
}

/** Flags only `load` accepts (other commands refuse them by name). */
export const LOAD_ONLY_FLAGS = [
  'sim',
  'summary-export',
  'html',
  'text',
  'baseline',
  'save-baseline',
  'regression',
  'chaos',
  'quiet',
] as const;

export const LOAD_FLAG_OPTIONS = {
  sim: { type: 'boolean' },
  'summary-export': { type: 'string' },
  html: { type: 'string' },
  text: { type: 'string' },
  baseline: { type: 'string' },
  'save-baseline': { type: 'string' },
  regression: { type: 'string' },
  chaos: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
} as const;

type FlagValues = Record<string, string | boolean | string[] | undefined>;

const usage = (message: string) => new InputError(message, true);

export const DEFAULT_REGRESSION_PCT = 10;

/** `values`: flags the verb takes only (args.ts refuses the others by name). */
export function parseLoadCli(file: string | undefined, extra: readonly string[], values: FlagValues, common: CommonFlags): LoadCli {
  if (file === undefined || file === '') throw usage('load: expected a load experiment file, received nothing');
  if (extra.length > 0) throw usage(`load: expected one file, received also ${extra.join(' ')}`);
  const record = fileFlag(values, 'record');
  const contracts = fileFlag(values, 'contracts');
  if (record !== undefined && values['sim'] !== true)
    throw usage('--record: applies only with --sim (a recording replays in the deterministic simulation)');
  const outputs = {
    summaryExport: fileFlag(values, 'summary-export'),
    html: fileFlag(values, 'html'),
    text: fileFlag(values, 'text'),
    baseline: fileFlag(values, 'baseline'),
    saveBaseline: fileFlag(values, 'save-baseline'),
  };
  const regression = values['regression'];
  if (typeof regression === 'string' && outputs.baseline === undefined) throw usage('--regression: applies only with --baseline FILE');
  const chaos = (values['chaos'] as string[] | undefined) ?? [];
  if (chaos.some((c) => c === '')) throw usage('--chaos: expected a chaos experiment file, received nothing');
  const defined = Object.fromEntries(Object.entries(outputs).filter(([, v]) => v !== undefined)) as Partial<typeof outputs>;
  return {
    command: 'load',
    file,
    sim: values['sim'] === true,
    ...(common.seed !== undefined ? { seed: common.seed } : {}),
    ...defined,
    regressionPct: typeof regression === 'string' ? regressionOf(regression) : DEFAULT_REGRESSION_PCT,
    chaos,
    quiet: common.quiet,
    ...(common.json !== undefined ? { json: common.json } : {}),
    ...(common.junit !== undefined ? { junit: common.junit } : {}),
    ...(record !== undefined ? { record } : {}),
    ...(contracts !== undefined ? { contracts } : {}),
  };
}

/** A margin in percent: a number from 0 to 1000, `%` allowed (`--regression 5`, `--regression 2.5%`). */
export function regressionOf(text: string): number {
  const match = /^(\d{1,4}(?:\.\d+)?)%?$/.exec(text.trim());
  const pct = match ? Number(match[1]) : NaN;
  if (!(pct >= 0 && pct <= 1000)) throw usage(`--regression: expected a percentage from 0 to 1000 (e.g. 10 or 2.5%), received "${text}"`);
  return pct;
}
