/**
 * The JUnit suites of each verb (junit.ts writes the XML): a chaos experiment is one suite
 * with a case per hypothesis check (window × probe) and one per refused command; a swarm a
 * case per seed; a load run a case per threshold (a run without thresholds: one case, its
 * verdict). `orrery run` puts one suite per saved experiment in one file.
 */
import type { ExperimentResult, SwarmResult } from '../experiments';
import type { LoadRunResult } from '../experiments/load/run/types';
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
  return {
    name: `experiment: ${result.experiment}`,
    time: result.wallMs / 1000,
    timestamp: junitTimestamp(),
    properties: { file, seed: String(result.seed), logHash: result.hash },
    cases,
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
      const why = [...run.failures.map((f) => `${f.window}/${f.probe} ${f.detail}`), ...run.errors];
      return {
        name: `seed ${run.seed}`,
        classname,
        time: run.wallMs / 1000,
        ...(run.pass
          ? {}
          : {
              failure: {
                message: why[0] ?? 'the hypothesis does not hold',
                type: 'hypothesis',
                details: `${why.join('\n')}\nre-run: orrery experiment ${file} --seed ${run.seed}\nlog hash ${run.hash}`,
              },
            }),
      };
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
  return {
    name: `load: ${result.name}`,
    time: result.wallMs / 1000,
    timestamp: junitTimestamp(),
    properties: { file, mode: result.mode, seed: String(result.seed), ...(result.logHash ? { logHash: result.logHash } : {}) },
    cases,
  };
}
