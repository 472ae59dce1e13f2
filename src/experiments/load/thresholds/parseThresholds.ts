/**
 * The `thresholds` of a load experiment, in k6's form: metric keys (with an optional tag
 * selector) mapped to lists of expressions, each a string or
 * `{ threshold, abortOnFail?, delayAbortEval? }`. Every problem is collected with its path,
 * what was expected and what came, before anything runs.
 */
import { formatMetricKey, parseMetricKey } from '../metrics/metricKey';
import type { MetricDefinition, MetricType, Tags } from '../metrics/types';
import { parseDuration } from './parseDuration';
import { parseThresholdExpression, type ThresholdExpression } from './parseThresholdExpression';

export interface Threshold {
  /** Canonical metric key: `latency`, `latency{scenario:a}`. */
  metric: string;
  metricName: string;
  tags: Tags;
  expression: ThresholdExpression;
  abortOnFail: boolean;
  delayAbortEvalMs: number;
  /** Where it was written: `thresholds["latency{scenario:a}"][0]`. */
  path: string;
}

export interface ThresholdProblem {
  path: string;
  expected: string;
  received: string;
  message: string;
}

export interface ParseThresholdsOptions {
  /** Known metrics: with it, unknown names and aggregations the metric's type lacks are problems. */
  definition?: (name: string) => MetricDefinition | undefined;
  /** Path of the thresholds object in its file (default `thresholds`). */
  path?: string;
}

/** The aggregations k6 allows per metric type. */
export const AGGREGATIONS_BY_TYPE: Record<MetricType, string> = {
  trend: 'avg, min, max, med or p(N)',
  rate: 'rate',
  counter: 'count or rate',
  gauge: 'value',
};

export function aggregationFits(type: MetricType, aggregation: string): boolean {
  if (type === 'trend') return ['avg', 'min', 'max', 'med'].includes(aggregation) || aggregation.startsWith('p(');
  if (type === 'counter') return aggregation === 'count' || aggregation === 'rate';
  return aggregation === (type === 'rate' ? 'rate' : 'value');
}

export function parseThresholds(
  config: unknown,
  options: ParseThresholdsOptions = {},
): { thresholds: Threshold[]; problems: ThresholdProblem[] } {
  const root = options.path ?? 'thresholds';
  const thresholds: Threshold[] = [];
  const problems: ThresholdProblem[] = [];
  const problem = (path: string, expected: string, received: string) =>
    problems.push({ path, expected, received, message: `${path}: expected ${expected}, received ${received}` });

  if (!isObject(config)) {
    problem(root, 'an object of metric → list of thresholds', describe(config));
    return { thresholds, problems };
  }
  for (const [keyText, list] of Object.entries(config)) {
    const keyPath = `${root}[${JSON.stringify(keyText)}]`;
    const key = parseMetricKey(keyText);
    if (!key.ok) {
      problem(keyPath, key.expected, key.received);
      continue;
    }
    const definition = options.definition?.(key.key.name);
    if (options.definition && !definition) {
      problem(keyPath, 'a known metric', JSON.stringify(key.key.name));
      continue;
    }
    if (!Array.isArray(list)) {
      problem(keyPath, 'a list of thresholds', describe(list));
      continue;
    }
    list.forEach((item: unknown, index) => {
      const parsed = parseOne(item, `${keyPath}[${index}]`, problem);
      if (!parsed) return;
      if (definition && !aggregationFits(definition.type, parsed.expression.aggregation)) {
        const expected = `${AGGREGATIONS_BY_TYPE[definition.type]} (${key.key.name} is a ${definition.type})`;
        problem(parsed.path, expected, JSON.stringify(parsed.expression.aggregation));
        return;
      }
      thresholds.push({ metric: formatMetricKey(key.key), metricName: key.key.name, tags: key.key.tags, ...parsed });
    });
  }
  return { thresholds, problems };
}

type Parsed = Pick<Threshold, 'expression' | 'abortOnFail' | 'delayAbortEvalMs' | 'path'>;

function parseOne(item: unknown, path: string, problem: (path: string, expected: string, received: string) => void): Parsed | undefined {
  const form = isObject(item) ? item : { threshold: item };
  const exprPath = isObject(item) ? `${path}.threshold` : path;
  if (typeof form['threshold'] !== 'string') {
    problem(exprPath, "an expression like 'p(95)<50' or { threshold, abortOnFail, delayAbortEval }", describe(form['threshold']));
    return undefined;
  }
  const unknown = Object.keys(form).filter((k) => !['threshold', 'abortOnFail', 'delayAbortEval'].includes(k));
  if (unknown.length > 0) problem(`${path}.${unknown[0]}`, 'only threshold, abortOnFail and delayAbortEval', JSON.stringify(unknown[0]));
  const expression = parseThresholdExpression(form['threshold']);
  if (!expression.ok) problem(exprPath, expression.problem.expected, expression.problem.received);
  const abortOnFail = form['abortOnFail'] ?? false;
  if (typeof abortOnFail !== 'boolean') problem(`${path}.abortOnFail`, 'true or false', describe(abortOnFail));
  const delay = form['delayAbortEval'] === undefined ? ({ ok: true, ms: 0 } as const) : parseDuration(form['delayAbortEval']);
  if (!delay.ok) problem(`${path}.delayAbortEval`, delay.expected, delay.received);
  if (!expression.ok || typeof abortOnFail !== 'boolean' || !delay.ok || unknown.length > 0) return undefined;
  return { expression: expression.expression, abortOnFail, delayAbortEvalMs: delay.ms, path };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
