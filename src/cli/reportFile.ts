/**
 * Reports written by `--report` read back for `orrery compare`: a run (ExperimentResult)
 * or a swarm (SwarmResult), told apart and checked by a JSON Schema before use.
 */
import Ajv from 'ajv';
import type { ExperimentResult, SwarmResult } from '../experiments';
import { InputError } from './exitCodes';
import { readJsonText } from './readExperiment';

const MAX_REPORT_BYTES = 256 * 1024 * 1024;
const str = { type: 'string', maxLength: 10_000 };
const hash = { type: 'string', pattern: '^[0-9a-f]{64}$' };
const count = { type: 'number', minimum: 0 };
const failure = { type: 'object', required: ['window', 'probe'], properties: { window: str, probe: str } };
const probe = {
  type: 'object',
  required: ['id', 'pass', 'value', 'threshold'],
  properties: { id: str, pass: { type: 'boolean' }, value: { type: ['number', 'null'] }, threshold: str },
};
const counts = {
  type: 'object',
  required: ['requests', 'failed', 'lost', 'deadLetters', 'restarts'],
  properties: { requests: count, failed: count, lost: count, deadLetters: count, restarts: count },
};

const RUN_REPORT = {
  type: 'object',
  required: ['experiment', 'seed', 'pass', 'hash', 'windows', 'counts', 'errors'],
  properties: {
    experiment: str,
    seed: { type: 'integer', minimum: 0 },
    pass: { type: 'boolean' },
    hash,
    windows: {
      type: 'array',
      items: { type: 'object', required: ['name', 'probes'], properties: { name: str, probes: { type: 'array', items: probe } } },
    },
    counts,
    errors: { type: 'array', items: str },
  },
};

const SWARM_REPORT = {
  type: 'object',
  required: ['experiment', 'runs'],
  properties: {
    experiment: str,
    runs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['seed', 'pass', 'hash', 'failures'],
        properties: {
          seed: { type: 'integer', minimum: 0 },
          pass: { type: 'boolean' },
          hash,
          failures: { type: 'array', items: failure },
          errors: { type: 'array', items: str },
        },
      },
    },
  },
};

export type Report = { kind: 'run'; run: ExperimentResult } | { kind: 'swarm'; swarm: SwarmResult };

let checks: { run: (v: unknown) => boolean; swarm: (v: unknown) => boolean } | undefined;

export async function readReport(file: string): Promise<Report> {
  const text = await readJsonText(file, MAX_REPORT_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(
      `${file}: expected a JSON report written by --report, received text that does not parse (${(e as Error).message})`,
    );
  }
  const ajv = new Ajv({ allErrors: false });
  checks ??= { run: ajv.compile(RUN_REPORT), swarm: ajv.compile(SWARM_REPORT) };
  if (checks.swarm(value)) return { kind: 'swarm', swarm: value as SwarmResult };
  if (checks.run(value)) return { kind: 'run', run: value as ExperimentResult };
  throw new InputError(
    `${file}: expected a report written by \`orrery experiment --report\` or \`orrery swarm --report\`, received JSON of another shape`,
  );
}
