/** A run against a saved baseline, as text: each figure then → now, its change, and the regressions flagged. */
import type { BaselineComparison, BaselineRow, LoadSummary } from '../experiments/load/summary';
import { formatFigure, trimNumber } from '../experiments/load/summary/formatFigures';

function change(row: BaselineRow): string {
  if (row.changePct === null) return 'new';
  return `${row.changePct > 0 ? '+' : ''}${trimNumber(row.changePct, 1)}%`;
}

const MAX_LISTED = 4;

const mark = (row: BaselineRow) => (row.regression ? '✗ regression' : row.improvement ? '✓ better' : '');

const base = (metric: string) => metric.split('{')[0]!;
const moved = (row: BaselineRow) => row.regression || row.improvement;

/** Top-level metrics in full; a sub-metric only where it moved beyond the margin and its metric did not (a change hidden in one scenario or agent). */
export function shownRows(c: BaselineComparison): BaselineRow[] {
  const top = new Map(c.rows.filter((r) => !r.metric.includes('{')).map((r) => [`${r.metric} ${r.stat}`, r]));
  return c.rows.filter((r) => {
    if (!r.metric.includes('{')) return true;
    const parent = top.get(`${base(r.metric)} ${r.stat}`);
    return moved(r) && (!parent || parent.regression !== r.regression || parent.improvement !== r.improvement);
  });
}

export function renderBaselineComparison(c: BaselineComparison, current: LoadSummary, baseline: { name: string; savedAt: string }): string {
  const rows = shownRows(c);
  const labels = rows.map((r) => `${r.metric} ${r.stat}`);
  const width = Math.max(30, ...labels.map((l) => l.length + 3));
  const lines = [
    `  █ BASELINE ${JSON.stringify(baseline.name)} (saved ${baseline.savedAt}), regression margin ${trimNumber(c.regressionPct)}%`,
    '',
  ];
  rows.forEach((row, i) => {
    const shape = current.metrics[row.metric] ?? { type: 'trend', contains: 'default' };
    const figures = `${formatFigure(row.baseline, row.stat, shape)} → ${formatFigure(row.current, row.stat, shape)}`;
    lines.push(`    ${labels[i]!.padEnd(width, '.')}: ${figures.padEnd(26)} ${change(row).padStart(8)}  ${mark(row)}`.trimEnd());
  });
  if (c.onlyInBaseline.length > 0) lines.push(`    only in the baseline: ${c.onlyInBaseline.join(', ')}`);
  lines.push('', `  █ ${regressionLine(c)}`, '');
  return lines.join('\n');
}

export function regressionLine(c: BaselineComparison): string {
  const n = c.regressions.length;
  if (n === 0) return `BASELINE: ✓ no figure regressed beyond ${trimNumber(c.regressionPct)}%`;
  const topFirst = [...c.regressions.filter((r) => !r.metric.includes('{')), ...c.regressions.filter((r) => r.metric.includes('{'))];
  const listed = topFirst.slice(0, MAX_LISTED).map((r) => `${r.metric} ${r.stat} ${change(r)}`);
  const which = n > MAX_LISTED ? `${listed.join(', ')} and ${n - MAX_LISTED} more` : listed.join(', ');
  return `BASELINE: ✗ ${n} ${n === 1 ? 'figure' : 'figures'} regressed beyond ${trimNumber(c.regressionPct)}%: ${which}`;
}
