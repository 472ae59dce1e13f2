/**
 * One live chart (uPlot, drawn on a canvas): an image with a name saying what it shows and its
 * latest and peak figures, and the same figures as a table for whoever cannot see the picture.
 */
import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SummaryAnnotation } from '../../../experiments/load/summary/buildSummary';
import { chartSummary, type ChartData } from './chartData';

const COLOURS = ['#4f8cff', '#f2a93b', '#e5534b', '#2fb37a', '#b07cf7', '#7aa2b8'];
const HEIGHT = 140;
/** The table shows the newest rows only: an hour of 1 s points is a picture's job. */
const TABLE_ROWS = 30;

/** Faults and canary stages shaded across the plot (a moment without an end: a thin line). */
function bandsPlugin(bands: { current: readonly SummaryAnnotation[] }): uPlot.Plugin {
  const draw = (u: uPlot) => {
    const { ctx, bbox } = u;
    ctx.save();
    ctx.fillStyle = 'rgba(245, 158, 11, 0.2)';
    for (const b of bands.current) {
      const x0 = u.valToPos(b.startMs / 1000, 'x', true);
      const x1 = b.endMs === undefined ? x0 + 2 : u.valToPos(b.endMs / 1000, 'x', true);
      ctx.fillRect(x0, bbox.top, Math.max(2, x1 - x0), bbox.height);
    }
    ctx.restore();
  };
  return { hooks: { drawClear: [draw] } };
}

function options(data: ChartData, width: number, bands: { current: readonly SummaryAnnotation[] }): Options {
  return {
    plugins: [bandsPlugin(bands)],
    width,
    height: HEIGHT,
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false } },
    axes: [
      { stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.15)' }, values: (_u, ticks) => ticks.map((t) => `${t}s`) },
      { stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.15)' }, size: 50 },
    ],
    series: [
      { label: 's' },
      ...data.lines.map((l, i) => ({ label: l.label, stroke: COLOURS[i % COLOURS.length]!, width: 1.5, spanGaps: false })),
    ],
  };
}

const aligned = (data: ChartData): AlignedData => [data.xs, ...data.lines.map((l) => l.values)];

function usePlot(data: ChartData, annotations: readonly SummaryAnnotation[]) {
  const target = useRef<HTMLDivElement>(null);
  const bands = useRef(annotations);
  const plot = useRef<uPlot | null>(null);
  // A new plot when the lines change, or when the first points come (no plot is drawn without any).
  const shape = `${data.lines.map((l) => l.label).join('|')} ${data.xs.length > 0}`;
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const u = new uPlot(options(data, Math.max(200, el.clientWidth), bands), aligned(data), el);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // New points go through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape]);
  useEffect(() => {
    bands.current = annotations;
    plot.current?.setData(aligned(data));
  }, [data, annotations]);
  return target;
}

export function LoadChart({ data, annotations }: { data: ChartData; annotations: readonly SummaryAnnotation[] }) {
  const target = usePlot(data, annotations);
  const summary = chartSummary(data);
  const first = Math.max(0, data.xs.length - TABLE_ROWS);
  return (
    <figure className="load-chart">
      <figcaption className="load-chart-title small">
        {data.title} <span className="muted">({data.unit})</span>
      </figcaption>
      {data.xs.length > 0 ? (
        <div className="load-chart-plot" role="img" aria-label={summary} ref={target} />
      ) : (
        <p className="load-chart-empty small muted">{data.id === 'errors' ? 'No errors so far.' : 'No data yet.'}</p>
      )}
      <details className="load-chart-data">
        <summary className="small muted">{data.title} as a table</summary>
        <table className="load-table small" aria-label={`${data.title} data`}>
          <thead>
            <tr>
              <th scope="col">second</th>
              {data.lines.map((l) => (
                <th key={l.label} scope="col">
                  {l.label} ({data.unit})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.xs.slice(first).map((x, i) => (
              <tr key={x}>
                <th scope="row">{x}</th>
                {data.lines.map((l) => (
                  <td key={l.label}>{formatCell(l.values[first + i] ?? null)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

const formatCell = (v: number | null) => (v === null ? '–' : Math.abs(v) >= 100 ? Math.round(v).toString() : v.toFixed(1));
