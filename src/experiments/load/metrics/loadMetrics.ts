/**
 * The load lab's built-in metrics (k6's http_req_duration, http_reqs, http_req_failed,
 * iterations, dropped_iterations, vus, in agent terms) and how one request's outcome is recorded.
 */
import type { MetricRegistry } from './createMetricRegistry';
import type { MetricDefinition, Tags } from './types';

/** Why a request did not get its answer. */
export const ERROR_KINDS = ['failure', 'not-understood', 'timeout', 'no-route', 'dropped', 'dead-lettered'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export const LOAD_METRICS: readonly MetricDefinition[] = [
  { name: 'latency', type: 'trend', contains: 'time', better: 'lower', description: 'request sent → answer received' },
  { name: 'requests', type: 'counter', contains: 'default', better: 'higher', description: 'requests (and fire-and-forget sends) made' },
  { name: 'replies', type: 'counter', contains: 'default', better: 'higher', description: 'requests answered by the agent' },
  { name: 'errors', type: 'counter', contains: 'default', better: 'lower', description: 'requests that ended in an error, tagged kind' },
  { name: 'error_rate', type: 'rate', contains: 'default', better: 'lower', description: 'share of requests that ended in an error' },
  { name: 'iterations', type: 'counter', contains: 'default', better: 'higher', description: 'iterations completed' },
  { name: 'iteration_duration', type: 'trend', contains: 'time', better: 'lower', description: 'one iteration, think time included' },
  { name: 'dropped_iterations', type: 'counter', contains: 'default', better: 'lower', description: 'iterations not started: no VU free' },
  { name: 'vus', type: 'gauge', contains: 'default', better: 'neutral', description: 'virtual users active' },
  { name: 'vus_max', type: 'gauge', contains: 'default', better: 'neutral', description: 'virtual users allocated' },
];

export function isErrorKind(value: string): value is ErrorKind {
  return (ERROR_KINDS as readonly string[]).includes(value);
}

/** One request's end: answered (with its latency), or an error of a kind (latency when an answer came, e.g. a failure). */
export type RequestOutcome = { ok: true; latencyMs: number } | { ok: false; kind: ErrorKind; latencyMs?: number };

/**
 * Records a request's outcome: `requests`, `error_rate`, then `replies` or `errors{kind}`, and
 * `latency` (tagged `outcome`) whenever an answer came (a timeout or a drop has none: its "latency" would be the
 * timeout, not the system's). Tags say where (scenario, client, agent, link).
 */
export function recordOutcome(registry: MetricRegistry, outcome: RequestOutcome, tags: Tags, atMs?: number): void {
  registry.add('requests', 1, tags, atMs);
  registry.add('error_rate', outcome.ok ? 0 : 1, tags, atMs);
  if (outcome.ok) registry.add('replies', 1, tags, atMs);
  else registry.add('errors', 1, { ...tags, kind: outcome.kind }, atMs);
  // `outcome` (ok, or the error kind) plays k6's expected_response: a threshold on `latency{outcome:ok}` leaves failures out.
  if (outcome.latencyMs !== undefined)
    registry.add('latency', outcome.latencyMs, { ...tags, outcome: outcome.ok ? 'ok' : outcome.kind }, atMs);
}

/** Errors by kind: how many, and their share of all requests. */
export function errorBreakdown(registry: MetricRegistry): Record<ErrorKind, { count: number; rate: number }> {
  const requests = counterSum(registry, 'requests');
  const result = {} as Record<ErrorKind, { count: number; rate: number }>;
  for (const kind of ERROR_KINDS) {
    const count = counterSum(registry, `errors{kind:${kind}}`);
    result[kind] = { count, rate: requests === 0 ? 0 : count / requests };
  }
  return result;
}

function counterSum(registry: MetricRegistry, key: string): number {
  const sink = registry.sink(key);
  return sink?.type === 'counter' ? sink.data.sum : 0;
}
