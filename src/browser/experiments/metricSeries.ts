/** Throughput and p95 latency per time bucket of a run (the chart beside the timeline). */
import type { KernelEvent } from '../../kernel/types';
import { percentile } from '../../experiments/metrics/percentile';
import { collectRequests, FAILURE_PERFORMATIVES, succeeded } from '../../experiments/metrics/requests';
import type { MetricsSeries } from './types';

const STEPS = [50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000];

/** A round bucket size giving at most ~`target` buckets over `spanMs`. */
export function bucketSize(spanMs: number, target = 60): number {
  const raw = spanMs / target;
  return STEPS.find((s) => s >= raw) ?? Math.ceil(raw / 60_000) * 60_000;
}

export function metricSeries(
  log: readonly KernelEvent[],
  clients: readonly string[],
  t0: number,
  end: number,
  bucketMs = bucketSize(end - t0),
): MetricsSeries {
  const count = Math.max(1, Math.ceil((end - t0) / bucketMs));
  const sent = new Array<number>(count).fill(0);
  const ok = new Array<number>(count).fill(0);
  const failed = new Array<number>(count).fill(0);
  const lat: number[][] = Array.from({ length: count }, () => []);
  for (const r of collectRequests(log, { from: clients })) {
    const i = Math.floor((r.sentAt - t0) / bucketMs);
    if (i < 0 || i >= count) continue;
    sent[i]!++;
    const first = r.outcomes[0];
    if (!first) continue;
    lat[i]!.push(first.at - r.sentAt);
    if (succeeded(r)) ok[i]!++;
    else if (FAILURE_PERFORMATIVES.has(first.performative)) failed[i]!++;
  }
  return {
    bucketMs,
    buckets: sent.map((n, i) => ({
      t: i * bucketMs,
      sent: n,
      throughput: (ok[i]! * 1000) / bucketMs,
      p95: percentile(lat[i]!, 95) ?? null,
      failed: failed[i]!,
    })),
  };
}
