/** One benchmark figure: a measured rate against a baseline measured in the same run. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /**
   * The DESIGN.md §6 target: value/baseline at least `ratio` (a rate) or at most `maxRatio`
   * (a cost, e.g. heap against its own earlier sample); or value itself within min/max.
   */
  target?: { ratio?: number; maxRatio?: number; min?: number; max?: number };
}

const fmt = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e4 ? `${(n / 1e3).toFixed(1)}k` : n >= 100 ? n.toFixed(0) : n.toFixed(2);

export function verdict(figure: Figure): 'met' | 'below' | 'above' | '' {
  const { target, baseline, value } = figure;
  if (!target) return '';
  if (target.ratio !== undefined && baseline) return value / baseline.value >= target.ratio ? 'met' : 'below';
  if (target.maxRatio !== undefined && baseline) return value / baseline.value <= target.maxRatio ? 'met' : 'above';
  if (target.min !== undefined) return value >= target.min ? 'met' : 'below';
  if (target.max !== undefined) return value <= target.max ? 'met' : 'below';
  return '';
}

function targetText(target: NonNullable<Figure['target']>): string {
  if (target.ratio !== undefined) return `≥ ${target.ratio}`;
  if (target.maxRatio !== undefined) return `≤ ${target.maxRatio}`;
  if (target.min !== undefined) return `≥ ${fmt(target.min)}`;
  return `≤ ${fmt(target.max ?? 0)}`;
}

export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    `${fmt(f.value)} ${f.unit}`,
    f.baseline ? `${f.baseline.name}: ${fmt(f.baseline.value)} ${f.unit}` : '—',
    f.baseline ? (f.value / f.baseline.value).toFixed(2) : '—',
    f.target ? targetText(f.target) : '—',
    verdict(f) || '—',
  ]);
  const header = ['figure', 'measured', 'baseline (same run)', 'ratio', 'target', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}
