/**
 * A line chart as an inline SVG string (no script, no external resource): what the HTML report
 * draws its time series with. x is milliseconds from the start of the run; shaded bands mark
 * annotations (chaos faults) on the same axis.
 */
import { escapeHtml } from './escapeHtml';
import { formatDuration } from './formatFigures';

export interface ChartLine {
  label: string;
  color: string;
  points: readonly (readonly [number, number])[];
}

export interface LineChartSpec {
  title: string;
  lines: readonly ChartLine[];
  formatY: (value: number) => string;
  /** The run's length: the x axis spans [0, xMaxMs]. */
  xMaxMs: number;
  bands?: readonly { startMs: number; endMs: number; label: string }[];
  width?: number;
  height?: number;
}

const PAD = { left: 64, right: 12, top: 24, bottom: 28 };

export function svgLineChart(spec: LineChartSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 200;
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const yMax = niceMax(Math.max(0, ...spec.lines.flatMap((l) => l.points.map(([, y]) => y))));
  const xMax = Math.max(1, spec.xMaxMs);
  const x = (ms: number) => PAD.left + (Math.min(Math.max(ms, 0), xMax) / xMax) * plotW;
  const y = (v: number) => PAD.top + plotH - (yMax === 0 ? 0 : (v / yMax) * plotH);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(spec.title)}">`,
    `<title>${escapeHtml(spec.title)}</title>`,
  ];
  for (const band of spec.bands ?? []) {
    const bx = x(band.startMs);
    parts.push(
      `<rect class="band" x="${fmt(bx)}" y="${PAD.top}" width="${fmt(Math.max(1, x(band.endMs) - bx))}" height="${plotH}"><title>${escapeHtml(band.label)}</title></rect>`,
    );
  }
  for (const fraction of [0, 0.5, 1]) {
    const gy = y(yMax * fraction);
    parts.push(`<line class="grid" x1="${PAD.left}" x2="${width - PAD.right}" y1="${fmt(gy)}" y2="${fmt(gy)}"/>`);
    parts.push(
      `<text class="tick" x="${PAD.left - 6}" y="${fmt(gy + 4)}" text-anchor="end">${escapeHtml(spec.formatY(yMax * fraction))}</text>`,
    );
  }
  parts.push(`<text class="tick" x="${PAD.left}" y="${height - 8}">0s</text>`);
  parts.push(`<text class="tick" x="${width - PAD.right}" y="${height - 8}" text-anchor="end">${escapeHtml(formatDuration(xMax))}</text>`);
  spec.lines.forEach((line, i) => {
    const points = line.points.map(([px, py]) => `${fmt(x(px))},${fmt(y(py))}`).join(' ');
    if (line.points.length > 0)
      parts.push(`<polyline fill="none" stroke="${escapeHtml(line.color)}" stroke-width="1.5" points="${points}"/>`);
    const lx = PAD.left + i * 110;
    parts.push(`<rect x="${lx}" y="8" width="10" height="3" fill="${escapeHtml(line.color)}"/>`);
    parts.push(`<text class="legend" x="${lx + 14}" y="13">${escapeHtml(line.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

function fmt(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}
