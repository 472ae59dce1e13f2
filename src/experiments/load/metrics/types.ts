/**
 * The load lab's metric model, k6's: four metric types, samples carrying tags, and sub-metrics
 * (`latency{scenario:a}`) that see only the samples whose tags include theirs.
 */

/** trend: statistics over values (latency); rate: share of non-zero values; counter: a sum; gauge: the last value. */
export type MetricType = 'trend' | 'rate' | 'counter' | 'gauge';

export const METRIC_TYPES: readonly MetricType[] = ['trend', 'rate', 'counter', 'gauge'];

/** Tags on a sample or in a sub-metric selector: `{ scenario: 'a', agent: 'echo-1' }`. */
export type Tags = Readonly<Record<string, string>>;

/** Which way is good, for baselines: latency `lower`, throughput `higher`, a gauge of VUs `neutral`. */
export type Better = 'lower' | 'higher' | 'neutral';

export interface MetricDefinition {
  name: string;
  type: MetricType;
  /** `time` values are milliseconds (formatted as µs/ms/s); `default` are plain numbers. */
  contains: 'time' | 'default';
  better: Better;
  description?: string;
}

/** The default direction of a metric type, when a definition names none. */
export function defaultBetter(type: MetricType): Better {
  if (type === 'trend') return 'lower';
  if (type === 'gauge') return 'neutral';
  return 'higher';
}
