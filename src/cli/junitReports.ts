/**
 * The JUnit suites of each verb (junit.ts writes the XML): a chaos experiment is one suite
 * with a case per hypothesis check (window × probe) and one per refused command; a swarm a
 * case per seed; a load run a case per threshold (a run without thresholds: one case, its
 * verdict). `orrery run` puts one suite per saved experiment in one file.
 */
import type { ExperimentResult, SwarmResult } from '../experiments';
import type { LoadRunResult } from '../experiments/load/run/types';
import { contractsCase, contractsLine } from './contractsReport';
import type { JUnitCase, JUnitSuite } from './junit';

const num = (v: number | null) => (v === null ? 'n/a' : String(Math.round(v * 1000) / 1000));

/** ISO 8601 without a zone offset, as the JUnit schema wants. */
export const junitTimestamp = (date = new Date()) => date.toISOString().replace(/\.\d+Z$/, '');

export function experimentSuite(result: ExperimentResult, file: string): JUnitSuite {
  const classname = `experiment.${result.experiment}`;
  const cases: JUnitCase[] = result.windows.flatMap((w) =>
    w.probes.map((p) => ({
      name: `${w.name}: ${p.id} ${p.threshold}`,
      classname,
      ...(p.pass
        ? {}
        : { failure: { message: `${p.id}: ${num(p.value)} (${p.threshold})`, type: 'hypothesis', details: `${w.name}: ${p.detail}` } }),
    })),
  );
  for (const error of result.errors)
    cases.push({ name: `command refused: ${error}`, classname, failure: { message: error, type: 'error' } });
  if (cases.length === 0)
    cases.push({
      name: 'verdict',
      classname,
      ...(result.pass ? {} : { failure: { message: 'the hypothesis does not hold', type: 'hypothesis' } }),
    });
  cases.push(...contractsCase(result.contracts, classname));
  return {
    name: `experiment: ${result.experiment}`,
    time: result.wallMs / 1000,
    timestamp: junitTimestamp(),
    properties: { file, seed: String(result.seed), logHash: result.hash, ...contractsProperty(result.contracts) },
    cases,
  };
}

/** `contracts.violations` on the suite, when the run had contracts. */
const contractsProperty = (summary: ExperimentResult['contracts']): Record<string, string> =>
  summary ? { 'contracts.violations': String(summary.violations), 'contracts.checked': String(summary.checked) } : {};

/** A seed that kept its hypothesis but broke a contract fails too (type `contract`). */
function seedFailure(run: SwarmResult['runs'][number], file: string): JUnitCase['failure'] {
  const rerun = `re-run: orrery experiment ${file} --seed ${run.seed}`;
  if (run.pass) {
    if (!run.contracts || run.contracts.violations === 0) return undefined;
    return { message: contractsLine(run.contracts), type: 'contract', details: `${rerun} --contracts <the contracts file>` };
  }
  const why = [...run.failures.map((f) => `${f.window}/${f.probe} ${f.detail}`), ...run.errors];
  return {
    message: why[0] ?? 'the hypothesis does not hold',
    type: 'hypothesis',
    details: `${why.join('\n')}\n${rerun}\nlog hash ${run.hash}`,
  };
}

export function swarmSuite(swarm: SwarmResult, file: string): JUnitSuite {
  const classname = `swarm.${swarm.experiment}`;
  return {
    name: `swarm: ${swarm.experiment}`,
    time: swarm.wallMs / 1000,
    timestamp: junitTimestamp(),
    properties: { file },
    cases: swarm.runs.map((run) => {
      const failure = seedFailure(run, file);
      return { name: `seed ${run.seed}`, classname, time: run.wallMs / 1000, ...(failure ? { failure } : {}) };
    }),
  };
}

export function loadSuite(result: LoadRunResult, file: string): JUnitSuite {
  const classname = `load.${result.name}`;
  const cases: JUnitCase[] = result.summary.thresholds.map((t) => ({
    name: `${t.metric} ${t.source}`,
    classname,
    ...(t.passed
      ? {}
      : {
          failure: {
            message: `${t.metric} ${t.source}: observed ${num(t.observed)}`,
            type: 'threshold',
            details: `${t.metric} ${t.source}: observed ${num(t.observed)} over ${t.samples} samples`,
          },
        }),
  }));
  const aborted = result.summary.state.aborted
    ? `aborted${result.summary.state.abortedBy ? ` by ${result.summary.state.abortedBy}` : ''}`
    : '';
  if (cases.length === 0 || (!result.passed && cases.every((c) => !c.failure)))
    cases.push({
      name: 'verdict',
      classname,
      ...(result.passed ? {} : { failure: { message: aborted || 'the run failed', type: 'threshold' } }),
    });
  cases.push(...contractsCase(result.contracts, classname));
  return {
    name: `load: ${result.name}`,
    time: result.wallMs / 1000,
    timestamp: junitTimestamp(),
    properties: {
      file,
      mode: result.mode,
      seed: String(result.seed),
      ...(result.logHash ? { logHash: result.logHash } : {}),
      ...contractsProperty(result.contracts),
    },
    cases,
  };
}
