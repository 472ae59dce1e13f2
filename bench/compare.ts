/**
 * `npm run bench -- --compare OLD.json [--against NEW.json]`: the change of every figure
 * between two bench documents, matched by name. These machines are shared and noisy, so a
 * figure with a baseline measured in the same run is compared by its ratio to that baseline
 * (the noise hits both alike); one without is compared by its value. A change of more than
 * `threshold` in the figure's bad direction is a regression.
 */
import { betterOf, fmt, renderColumns } from './table';

/** The parts of a figure record the comparison reads (older .cache/bench.json files lack some). */
export interface ComparableFigure {
  name: string;
  value: number | null;
  unit: string;
  baseline?: { name: string; value: number | null } | null;
  better?: 'higher' | 'lower';
}

export interface ComparisonRow {
  name: string;
  unit: string;
  basis: 'ratio' | 'value';
  old: number;
  new: number;
  /** (new - old) / old, in %. */
  changePercent: number;
  better: 'higher' | 'lower';
  regressed: boolean;
}

export interface Comparison {
  rows: ComparisonRow[];
  /** In the new run only. */
  added: string[];
  /** In the old run only (not measured this time: a subset run, or a renamed figure). */
  missing: string[];
  /** In both, but one side has no usable number (not measured, or zero). */
  unmeasured: string[];
  regressions: ComparisonRow[];
}

export const DEFAULT_THRESHOLD = 0.1;

const usable = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

function ratio(f: ComparableFigure): number | undefined {
  const b = f.baseline?.value;
  return usable(f.value) && usable(b) && b !== 0 ? f.value / b : undefined;
}

export function compareFigures(
  oldFigures: readonly ComparableFigure[],
  newFigures: readonly ComparableFigure[],
  threshold = DEFAULT_THRESHOLD,
): Comparison {
  const before = new Map(oldFigures.map((f) => [f.name, f]));
  const rows: ComparisonRow[] = [];
  const added: string[] = [];
  const unmeasured: string[] = [];
  for (const now of newFigures) {
    const then = before.get(now.name);
    if (!then) {
      added.push(now.name);
      continue;
    }
    const oldRatio = ratio(then);
    const newRatio = ratio(now);
    const basis = oldRatio !== undefined && newRatio !== undefined ? 'ratio' : 'value';
    const old = basis === 'ratio' ? oldRatio : then.value;
    const current = basis === 'ratio' ? newRatio : now.value;
    if (!usable(old) || !usable(current) || old === 0) {
      unmeasured.push(now.name);
      continue;
    }
    const better = betterOf({ unit: now.unit, ...(now.better ? { better: now.better } : {}) });
    const change = (current - old) / Math.abs(old);
    const regressed = better === 'higher' ? change < -threshold : change > threshold;
    rows.push({ name: now.name, unit: now.unit, basis, old, new: current, changePercent: change * 100, better, regressed });
  }
  const seen = new Set(newFigures.map((f) => f.name));
  const missing = oldFigures.filter((f) => !seen.has(f.name)).map((f) => f.name);
  return { rows, added, missing, unmeasured, regressions: rows.filter((r) => r.regressed) };
}

/** Reads a bench document's figures: `{ figures: [...] }` (this format and the older one). */
export function figuresOf(document: unknown, source: string): ComparableFigure[] {
  const figures = (document as { figures?: unknown } | null)?.figures;
  if (!Array.isArray(figures)) throw new Error(`${source}: not a bench document (no "figures" array)`);
  return figures.filter(
    (f): f is ComparableFigure =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as ComparableFigure).name === 'string' &&
      typeof (f as ComparableFigure).unit === 'string',
  );
}

export function renderComparison(comparison: Comparison, threshold = DEFAULT_THRESHOLD): string {
  const show = (row: ComparisonRow, n: number) => (row.basis === 'ratio' ? n.toFixed(3) : `${fmt(n)} ${row.unit}`);
  const rows = comparison.rows.map((r) => [
    r.name,
    r.basis === 'ratio' ? 'ratio to same-run baseline' : 'value',
    show(r, r.old),
    show(r, r.new),
    `${r.changePercent >= 0 ? '+' : ''}${r.changePercent.toFixed(1)} %`,
    `${r.better} is better`,
    r.regressed ? 'REGRESSED' : '',
  ]);
  const lines = [renderColumns(['figure', 'compared by', 'old', 'new', 'change', 'direction', ''], rows)];
  if (comparison.added.length) lines.push(`new figures (nothing to compare): ${comparison.added.join('; ')}`);
  if (comparison.missing.length) lines.push(`not measured this time: ${comparison.missing.join('; ')}`);
  if (comparison.unmeasured.length) lines.push(`no number on one side: ${comparison.unmeasured.join('; ')}`);
  const limit = `${Math.round(threshold * 100)} %`;
  lines.push(
    comparison.regressions.length
      ? `${comparison.regressions.length} figure(s) regressed by more than ${limit}: ${comparison.regressions.map((r) => r.name).join('; ')}`
      : `no figure regressed by more than ${limit}`,
  );
  return lines.join('\n');
}
