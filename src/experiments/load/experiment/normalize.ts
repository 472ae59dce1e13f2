/**
 * From a file the schema accepted to a LoadExperiment: durations in milliseconds, k6's
 * defaults filled in, thresholds as objects. Problems that only show once text durations
 * are read (over 24h, "0s" where more is needed) are pushed to `out` with their path.
 */
import { EXECUTOR_DEFAULTS as D, type ExecutorConfig } from '../executors/types';
import { LOAD_METRICS } from '../metrics/loadMetrics';
import { parseDuration } from '../thresholds/parseDuration';
import { parseThresholds, type Threshold } from '../thresholds/parseThresholds';
import { LOAD_LIMITS as L } from './limits';
import type { DurationInput, LoadCanary, LoadChaos, LoadExperiment, LoadExperimentFile, LoadScenario, ThinkTime } from './types';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const CANARY_DEFAULTS = { minRequests: 20, maxHoldMs: 30_000, drainTimeoutMs: 30_000, onSuccess: 'promote' } as const;
type Out = string[];
type Raw = Record<string, unknown>;

/** Sets an own property whatever the key (`__proto__` included): names from a file are only ever data. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Reads a duration the schema accepted; pushes a problem (and returns 0) when it is too long or must be > 0. */
function ms(value: unknown, at: string, out: Out, positive = false): number {
  const parsed = parseDuration(value);
  if (!parsed.ok) {
    out.push(`${at}: expected ${parsed.expected}, received ${parsed.received}`);
    return 0;
  }
  const result = parsed.ms;
  if (result > L.durationMs) out.push(`${at}: expected at most 24h (${L.durationMs} ms), received ${JSON.stringify(value)} (${result} ms)`);
  if (positive && result <= 0) out.push(`${at}: expected a duration > 0, received ${JSON.stringify(value)}`);
  return result;
}
const msOr = (raw: Raw, key: string, fallback: number, at: string, out: Out, positive = false): number =>
  raw[key] === undefined ? fallback : ms(raw[key], `${at}.${key}`, out, positive);

function thinkTime(value: unknown, at: string, out: Out): ThinkTime {
  if (value === undefined) return { minMs: 0, maxMs: 0 };
  if (typeof value === 'object' && value !== null) {
    const { min, max } = value as { min: DurationInput; max: DurationInput };
    const t = { minMs: ms(min, `${at}.min`, out), maxMs: ms(max, `${at}.max`, out) };
    if (t.minMs > t.maxMs) out.push(`${at}: expected min ≤ max, received min ${JSON.stringify(min)}, max ${JSON.stringify(max)}`);
    return t;
  }
  const fixed = ms(value, at, out);
  return { minMs: fixed, maxMs: fixed };
}

function executorOptions(raw: Raw, at: string, out: Out): ExecutorConfig {
  const stages = () =>
    (raw['stages'] as Raw[]).map((s, i) => ({
      duration: ms(s['duration'], `${at}.stages[${i}].duration`, out),
      target: s['target'] as number,
    }));
  const arrival = () => ({
    timeUnit: msOr(raw, 'timeUnit', D.timeUnit, at, out, true),
    preAllocatedVUs: raw['preAllocatedVUs'] as number,
    maxVUs: (raw['maxVUs'] as number | undefined) ?? (raw['preAllocatedVUs'] as number),
  });
  const iterations = () => ({
    vus: (raw['vus'] as number | undefined) ?? D.vus,
    iterations: (raw['iterations'] as number | undefined) ?? D.iterations,
    maxDuration: msOr(raw, 'maxDuration', D.maxDuration, at, out, true),
  });
  switch (raw['executor'] as ExecutorConfig['executor']) {
    case 'shared-iterations':
      return { executor: 'shared-iterations', ...iterations() };
    case 'per-vu-iterations':
      return { executor: 'per-vu-iterations', ...iterations() };
    case 'constant-vus':
      return {
        executor: 'constant-vus',
        vus: (raw['vus'] as number | undefined) ?? D.vus,
        duration: ms(raw['duration'], `${at}.duration`, out, true),
      };
    case 'ramping-vus':
      return {
        executor: 'ramping-vus',
        startVUs: (raw['startVUs'] as number | undefined) ?? D.startVUs,
        stages: stages(),
        gracefulRampDown: msOr(raw, 'gracefulRampDown', D.gracefulRampDown, at, out),
      };
    case 'constant-arrival-rate':
      return {
        executor: 'constant-arrival-rate',
        rate: raw['rate'] as number,
        duration: ms(raw['duration'], `${at}.duration`, out, true),
        ...arrival(),
      };
    case 'ramping-arrival-rate':
      return {
        executor: 'ramping-arrival-rate',
        startRate: (raw['startRate'] as number | undefined) ?? D.startRate,
        stages: stages(),
        ...arrival(),
      };
  }
}

/** `experiment.scenarios.echo`, or `experiment.scenarios["odd-name"]` for a name that is not an identifier. */
export const scenarioPath = (name: string): string =>
  `experiment.scenarios${/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`}`;

export function normalizeScenario(name: string, raw: Raw, out: Out): LoadScenario {
  const at = scenarioPath(name);
  return {
    ...executorOptions(raw, at, out),
    startTime: msOr(raw, 'startTime', D.startTime, at, out),
    gracefulStop: msOr(raw, 'gracefulStop', D.gracefulStop, at, out),
    target: raw['target'] as string,
    client: (raw['client'] as string | undefined) ?? name,
    message: raw['message'] as LoadScenario['message'],
    mode: (raw['mode'] as LoadScenario['mode'] | undefined) ?? 'request',
    timeoutMs: msOr(raw, 'timeout', DEFAULT_TIMEOUT_MS, at, out, true),
    thinkTime: thinkTime(raw['thinkTime'], `${at}.thinkTime`, out),
    ...(raw['tags'] !== undefined ? { tags: raw['tags'] as Record<string, string> } : {}),
  };
}

/** Thresholds parsed against the load lab's metrics: an unknown metric or an aggregation its type lacks is a problem here. */
function thresholds(file: LoadExperimentFile, out: Out): Threshold[] {
  const definition = (name: string) => LOAD_METRICS.find((d) => d.name === name);
  const parsed = parseThresholds(file.thresholds ?? {}, { definition, path: 'experiment.thresholds' });
  for (const p of parsed.problems) out.push(p.message);
  return parsed.thresholds;
}

function chaos(file: LoadExperimentFile, out: Out): LoadChaos | undefined {
  const c = file.chaos;
  if (c === undefined) return undefined;
  if ((c.experiment === undefined) === (c.faults === undefined)) {
    out.push('experiment.chaos: expected either "experiment" (a chaos experiment by name) or "faults", not both nor neither');
    return undefined;
  }
  if (c.experiment !== undefined) return { experiment: c.experiment };
  return {
    faults: c.faults!.map((f, i) => ({
      atMs: ms(f.at, `experiment.chaos.faults[${i}].at`, out),
      ...(f.duration !== undefined ? { durationMs: ms(f.duration, `experiment.chaos.faults[${i}].duration`, out, true) } : {}),
      fault: f.fault,
    })),
  };
}

function canary(file: LoadExperimentFile, out: Out): LoadCanary | undefined {
  const c = file.canary;
  if (c === undefined) return undefined;
  const at = 'experiment.canary';
  const { minRequests, maxHold, ...limits } = c.judge;
  return {
    stable: c.stable,
    canary: c.canary,
    startTimeMs: c.startTime === undefined ? 0 : ms(c.startTime, `${at}.startTime`, out),
    stages: c.stages.map((s, i) => ({ weight: s.weight, durationMs: ms(s.duration, `${at}.stages[${i}].duration`, out, true) })),
    judge: {
      ...limits,
      minRequests: minRequests ?? CANARY_DEFAULTS.minRequests,
      maxHoldMs: maxHold === undefined ? CANARY_DEFAULTS.maxHoldMs : ms(maxHold, `${at}.judge.maxHold`, out),
    },
    drainTimeoutMs: c.drainTimeout === undefined ? CANARY_DEFAULTS.drainTimeoutMs : ms(c.drainTimeout, `${at}.drainTimeout`, out, true),
    onSuccess: c.onSuccess ?? CANARY_DEFAULTS.onSuccess,
  };
}

export function normalize(file: LoadExperimentFile, out: Out): LoadExperiment {
  const scenarios: Record<string, LoadScenario> = {};
  for (const [name, raw] of Object.entries(file.scenarios)) setOwn(scenarios, name, normalizeScenario(name, raw, out));
  const { scenarios: _s, thresholds: _t, chaos: _c, canary: _k, ...rest } = file;
  const c = chaos(file, out);
  const k = canary(file, out);
  return { ...rest, scenarios, thresholds: thresholds(file, out), ...(c ? { chaos: c } : {}), ...(k ? { canary: k } : {}) };
}
