/** One benchmark figure: a measured rate against a baseline measured in the same run. */
export interface Figure {
  /** Stable across runs (`--compare` matches figures by name): no measured numbers in it. */
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /**
   * The target: value/baseline at least `ratio` (a rate) or at most `maxRatio` (a cost, e.g.
   * heap against its own earlier sample); or value itself within min/max.
   */
  target?: { ratio?: number; maxRatio?: number; min?: number; max?: number };
  /** Which way is good. Default: from the unit (see `betterOf`). */
  better?: 'higher' | 'lower';
  /** Conditions of this run worth printing next to the name (e.g. the load reached). */
  note?: string;
}

const COST_UNITS = new Set(['ms', 'µs', 'us', 's', 'MB', 'KB', 'bytes', 'B']);

/** Rates (units ending in `/s`, fps) and counts are better higher; durations and sizes lower. */
export function betterOf(figure: Pick<Figure, 'unit' | 'better'>): 'higher' | 'lower' {
  if (figure.better) return figure.better;
  return COST_UNITS.has(figure.unit) ? 'lower' : 'higher';
}

/** value / baseline, when there is a usable baseline. */
export function ratioOf(figure: Pick<Figure, 'value' | 'baseline'>): number | undefined {
  const b = figure.baseline?.value;
  return b !== undefined && Number.isFinite(b) && b !== 0 && Number.isFinite(figure.value) ? figure.value / b : undefined;
}

export const fmt = (n: number): string =>
  !Number.isFinite(n)
    ? String(n)
    : Math.abs(n) >= 1e6
      ? `${(n / 1e6).toFixed(2)}M`
      : Math.abs(n) >= 1e4
        ? `${(n / 1e3).toFixed(1)}k`
        : Math.abs(n) >= 100
          ? n.toFixed(0)
          : n.toFixed(2);

export type Verdict = 'met' | 'below' | 'above' | 'no data' | '';

export function verdict(figure: Figure): Verdict {
  const { target, value } = figure;
  if (!target) return '';
  if (!Number.isFinite(value)) return 'no data';
  const ratio = ratioOf(figure);
  if (target.ratio !== undefined) return ratio === undefined ? 'no data' : ratio >= target.ratio ? 'met' : 'below';
  if (target.maxRatio !== undefined) return ratio === undefined ? 'no data' : ratio <= target.maxRatio ? 'met' : 'above';
  if (target.min !== undefined) return value >= target.min ? 'met' : 'below';
  if (target.max !== undefined) return value <= target.max ? 'met' : 'above';
  return '';
}

function targetText(target: NonNullable<Figure['target']>): string {
  if (target.ratio !== undefined) return `ratio ≥ ${target.ratio}`;
  if (target.maxRatio !== undefined) return `ratio ≤ ${target.maxRatio}`;
  if (target.min !== undefined) return `≥ ${fmt(target.min)}`;
  return `≤ ${fmt(target.max ?? 0)}`;
}

export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const ratio = ratioOf(f);
    return [
      f.note ? `${f.name} (${f.note})` : f.name,
      Number.isFinite(f.value) ? `${fmt(f.value)} ${f.unit}` : 'not measured',
      f.baseline ? `${f.baseline.name}: ${fmt(f.baseline.value)} ${f.unit}` : '—',
      ratio === undefined ? '—' : ratio.toFixed(2),
      f.target ? targetText(f.target) : '—',
      verdict(f) || '—',
    ];
  });
  return renderColumns(['figure', 'measured', 'baseline (same run)', 'ratio', 'target', 'verdict'], rows);
}

export function renderColumns(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}
