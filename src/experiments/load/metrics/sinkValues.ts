/**
 * A sink's figures by k6's names, the names thresholds aggregate over:
 * trend avg/min/med/max/p(N), rate `rate`, counter `count` and `rate` (per second), gauge `value`.
 */
import type { Sink } from './sinks';

export type SinkValues = Record<string, number>;

/** The figures of a sink over `durationMs` (a counter's rate is its sum per second of it; 0 for no time). */
export function sinkValues(sink: Sink, durationMs: number): SinkValues {
  switch (sink.type) {
    case 'trend': {
      const { count: _count, ...stats } = sink.trend.stats();
      return stats;
    }
    case 'counter':
      return { count: sink.data.sum, rate: durationMs > 0 ? sink.data.sum / (durationMs / 1000) : 0 };
    case 'rate':
      return {
        rate: sink.data.total === 0 ? 0 : sink.data.trues / sink.data.total,
        passes: sink.data.trues,
        fails: sink.data.total - sink.data.trues,
      };
    case 'gauge':
      return { value: sink.data.value, min: sink.data.min, max: sink.data.max };
  }
}

/** One aggregation of a sink: `p(97.5)` for any percentile, otherwise a name of `sinkValues`. */
export function aggregate(sink: Sink, aggregation: string, durationMs: number): number | undefined {
  const percentile = /^p\((\d+(?:\.\d+)?)\)$/.exec(aggregation);
  if (percentile) return sink.type === 'trend' ? sink.trend.percentile(Number(percentile[1])) : undefined;
  return sinkValues(sink, durationMs)[aggregation];
}
