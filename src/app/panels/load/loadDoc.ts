/**
 * The load file as the Load tab edits it: the JSON document a person would write
 * (`orrery.load/1`, durations as k6 text), changed field by field by the form and replaced
 * whole by the JSON view. Sections the form does not show (topology, latency, chaos, canary)
 * pass through untouched.
 */
import { EXECUTOR_NAMES, type ExecutorName } from '../../../experiments/load/executors/types';
import type { JsonValue } from '../../../protocol/message';

export interface ScenarioDoc {
  executor: ExecutorName;
  target?: string;
  message?: { performative: string; content?: JsonValue; [key: string]: unknown };
  mode?: 'request' | 'send';
  timeout?: string | number;
  startTime?: string | number;
  stages?: { duration: string | number; target: number }[];
  [field: string]: unknown;
}

export type ThresholdDoc = string | { threshold: string; abortOnFail?: boolean; delayAbortEval?: string | number };

export interface LoadDoc {
  schema: 'orrery.load/1';
  name: string;
  seed?: number;
  scenarios: Record<string, ScenarioDoc>;
  thresholds?: Record<string, ThresholdDoc[]>;
  [section: string]: unknown;
}

export type FieldKind = 'count' | 'duration';
export interface ExecutorField {
  key: string;
  label: string;
  kind: FieldKind;
}

const count = (key: string, label: string): ExecutorField => ({ key, label, kind: 'count' });
const duration = (key: string, label: string): ExecutorField => ({ key, label, kind: 'duration' });

/** Each executor's own fields (k6's names), in the order the form shows them. */
export const EXECUTOR_FIELDS: Record<ExecutorName, readonly ExecutorField[]> = {
  'shared-iterations': [count('vus', 'VUs'), count('iterations', 'Iterations'), duration('maxDuration', 'Max duration')],
  'per-vu-iterations': [count('vus', 'VUs'), count('iterations', 'Iterations per VU'), duration('maxDuration', 'Max duration')],
  'constant-vus': [count('vus', 'VUs'), duration('duration', 'Duration')],
  'ramping-vus': [count('startVUs', 'Start VUs'), duration('gracefulRampDown', 'Graceful ramp-down')],
  'constant-arrival-rate': [
    count('rate', 'Rate'),
    duration('timeUnit', 'Time unit'),
    duration('duration', 'Duration'),
    count('preAllocatedVUs', 'Pre-allocated VUs'),
    count('maxVUs', 'Max VUs'),
  ],
  'ramping-arrival-rate': [
    count('startRate', 'Start rate'),
    duration('timeUnit', 'Time unit'),
    count('preAllocatedVUs', 'Pre-allocated VUs'),
    count('maxVUs', 'Max VUs'),
  ],
};

export const STAGED: ReadonlySet<ExecutorName> = new Set(['ramping-vus', 'ramping-arrival-rate']);

/** What a new executor starts with (the fields it requires, with small values). */
const EXECUTOR_STARTS: Record<ExecutorName, Record<string, unknown>> = {
  'shared-iterations': { vus: 10, iterations: 100 },
  'per-vu-iterations': { vus: 10, iterations: 10 },
  'constant-vus': { vus: 10, duration: '10s' },
  'ramping-vus': { startVUs: 0, stages: [{ duration: '5s', target: 10 }] },
  'constant-arrival-rate': { rate: 50, timeUnit: '1s', duration: '10s', preAllocatedVUs: 10, maxVUs: 50 },
  'ramping-arrival-rate': { startRate: 10, timeUnit: '1s', preAllocatedVUs: 10, maxVUs: 50, stages: [{ duration: '10s', target: 100 }] },
};

/** Fields every scenario has whatever its executor. */
const COMMON = ['executor', 'target', 'client', 'message', 'mode', 'timeout', 'thinkTime', 'startTime', 'gracefulStop', 'tags'];

export function isExecutor(name: string): name is ExecutorName {
  return (EXECUTOR_NAMES as readonly string[]).includes(name);
}

/** The scenario under another executor: what both executors share is kept, the new one's required fields added. */
export function changeExecutor(scenario: ScenarioDoc, executor: ExecutorName): ScenarioDoc {
  const kept = Object.fromEntries(Object.entries(scenario).filter(([k]) => COMMON.includes(k)));
  const own = new Set(EXECUTOR_FIELDS[executor].map((f) => f.key));
  for (const [k, v] of Object.entries(scenario)) if (own.has(k)) kept[k] = v;
  return { ...EXECUTOR_STARTS[executor], ...kept, executor } as ScenarioDoc;
}

export function newScenario(target: string): ScenarioDoc {
  return {
    executor: 'constant-vus',
    ...EXECUTOR_STARTS['constant-vus'],
    target,
    message: { performative: 'request', content: { vu: '${vu}', iter: '${iter}' } },
    mode: 'request',
    timeout: '2s',
  };
}

export function blankLoadDoc(target: string): LoadDoc {
  return {
    schema: 'orrery.load/1',
    name: 'my load test',
    seed: 1,
    scenarios: { default: newScenario(target) },
    thresholds: { error_rate: ['rate<0.01'], latency: ['p(95)<100'] },
  };
}

/** A scenario name not used yet (`scenario-2`, `scenario-3`…). */
export function freeScenarioName(doc: LoadDoc): string {
  for (let n = Object.keys(doc.scenarios).length + 1; ; n++) if (!(`scenario-${n}` in doc.scenarios)) return `scenario-${n}`;
}

export function setScenario(doc: LoadDoc, name: string, next: ScenarioDoc | null): LoadDoc {
  const scenarios = { ...doc.scenarios };
  if (next) scenarios[name] = next;
  else delete scenarios[name];
  return { ...doc, scenarios };
}

/** Renames a scenario where it stands (the order of scenarios is kept). */
export function renameScenario(doc: LoadDoc, from: string, to: string): LoadDoc {
  if (from === to || to in doc.scenarios) return doc;
  return { ...doc, scenarios: Object.fromEntries(Object.entries(doc.scenarios).map(([k, v]) => [k === from ? to : k, v])) };
}

/** One threshold per row: the metric key, the expression and whether a failure stops the run. */
export interface ThresholdRow {
  metric: string;
  expression: string;
  abortOnFail: boolean;
}

export function thresholdRows(doc: LoadDoc): ThresholdRow[] {
  return Object.entries(doc.thresholds ?? {}).flatMap(([metric, list]) =>
    list.map((t) =>
      typeof t === 'string'
        ? { metric, expression: t, abortOnFail: false }
        : { metric, expression: t.threshold, abortOnFail: !!t.abortOnFail },
    ),
  );
}

/** The rows back into the file's shape (`{ metric: [expression | { threshold, abortOnFail }] }`), keeping delays already set. */
export function withThresholdRows(doc: LoadDoc, rows: readonly ThresholdRow[]): LoadDoc {
  const delays = new Map(
    Object.entries(doc.thresholds ?? {}).flatMap(([metric, list]) =>
      list.flatMap((t) =>
        typeof t === 'object' && t.delayAbortEval !== undefined ? [[`${metric} ${t.threshold}`, t.delayAbortEval] as const] : [],
      ),
    ),
  );
  const thresholds: Record<string, ThresholdDoc[]> = {};
  for (const row of rows) {
    const delay = delays.get(`${row.metric} ${row.expression}`);
    const entry: ThresholdDoc = row.abortOnFail
      ? { threshold: row.expression, abortOnFail: true, ...(delay !== undefined ? { delayAbortEval: delay } : {}) }
      : row.expression;
    (thresholds[row.metric] ??= []).push(entry);
  }
  return { ...doc, thresholds };
}
