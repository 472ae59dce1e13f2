/** Throughput (bars) and p95 latency (line) per bucket, with fault phases shaded. SVG, no library. */
import type { MetricsSeries } from '../../../browser/experiments/types';
import type { WindowResult } from '../../../experiments/chaos/result';

const W = 560;
const H = 150;
const PAD = { l: 40, r: 44, t: 10, b: 20 };

const niceMax = (v: number) => {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((m) => m >= v) ?? v;
};

export function MetricsChart({
  metrics,
  windows,
  t0,
  id,
}: {
  metrics: MetricsSeries;
  windows: readonly WindowResult[];
  t0: number;
  id: string;
}) {
  const { buckets, bucketMs } = metrics;
  const span = Math.max(bucketMs, buckets.length * bucketMs);
  const tMax = niceMax(Math.max(0, ...buckets.map((b) => b.throughput)));
  const lMax = niceMax(Math.max(0, ...buckets.map((b) => b.p95 ?? 0)));
  const iw = W - PAD.l - PAD.r;
  const ih = H - PAD.t - PAD.b;
  const x = (t: number) => PAD.l + (t / span) * iw;
  const bw = Math.max(1, (bucketMs / span) * iw - 1);
  const line = buckets
    .filter((b) => b.p95 !== null)
    .map((b, i) => `${i === 0 ? 'M' : 'L'}${(x(b.t) + bw / 2).toFixed(1)},${(PAD.t + ih - (b.p95! / lMax) * ih).toFixed(1)}`)
    .join(' ');
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const seconds = span / 1000;
  return (
    <figure className="lab-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`} preserveAspectRatio="none">
        <title id={titleId}>Throughput and p95 latency per {bucketMs} ms</title>
        <desc id={descId}>
          Peak throughput {tMax} requests per second scale; p95 latency scale up to {lMax} ms; {buckets.length} buckets over{' '}
          {seconds.toFixed(1)} s.
        </desc>
        {windows
          .filter((w) => w.kind === 'during')
          .map((w) => (
            <rect
              key={w.name}
              className="lab-chart-phase"
              x={x(w.start - t0)}
              y={PAD.t}
              width={Math.max(0, x(w.end - t0) - x(w.start - t0))}
              height={ih}
            />
          ))}
        {buckets.map((b) => (
          <rect
            key={b.t}
            className="lab-chart-bar"
            x={x(b.t)}
            y={PAD.t + ih - (b.throughput / tMax) * ih}
            width={bw}
            height={(b.throughput / tMax) * ih}
          />
        ))}
        <path className="lab-chart-line" d={line} fill="none" />
        <line className="lab-chart-axis" x1={PAD.l} x2={PAD.l + iw} y1={PAD.t + ih} y2={PAD.t + ih} />
        <text className="lab-chart-tick" x={PAD.l - 4} y={PAD.t + 8} textAnchor="end">
          {tMax}/s
        </text>
        <text className="lab-chart-tick" x={PAD.l - 4} y={PAD.t + ih} textAnchor="end">
          0
        </text>
        <text className="lab-chart-tick lab-chart-tick-line" x={PAD.l + iw + 4} y={PAD.t + 8}>
          {lMax} ms
        </text>
        <text className="lab-chart-tick" x={PAD.l} y={H - 4}>
          0 s
        </text>
        <text className="lab-chart-tick" x={PAD.l + iw} y={H - 4} textAnchor="end">
          {seconds.toFixed(1)} s
        </text>
      </svg>
      <Legend />
    </figure>
  );
}

function Legend() {
  return (
    <figcaption className="lab-legend small muted">
      <span className="lab-key lab-key-bar" /> throughput (ok/s) <span className="lab-key lab-key-line" /> p95 latency{' '}
      <span className="lab-key lab-key-phase" /> fault phase
    </figcaption>
  );
}
