/**
 * Two results side by side: one row per probe, one column pair per window (before, each
 * phase, after), each cell the verdict and measured value of run A and run B.
 */
import type { ExperimentResult } from '../../../experiments/chaos/result';

export interface CompareCell {
  pass: boolean;
  value: number | null;
  threshold: string;
}

export interface CompareRow {
  probe: string;
  /** Per window name: A's and B's verdicts (undefined when that run did not check it there). */
  cells: Record<string, { a?: CompareCell; b?: CompareCell; changed: boolean }>;
}

export interface CompareTable {
  windows: string[];
  rows: CompareRow[];
  /** Headline numbers, A then B. */
  summary: { label: string; a: string; b: string }[];
}

const ordered = (a: ExperimentResult, b: ExperimentResult): string[] => {
  const out: string[] = [];
  for (const w of [...a.windows, ...b.windows]) if (!out.includes(w.name)) out.push(w.name);
  // before, then during:* in order of appearance, then after
  const rank = (n: string) => (n === 'before' ? 0 : n === 'after' ? 2 : 1);
  return out.map((n, i) => [n, i] as const).sort((x, y) => rank(x[0]) - rank(y[0]) || x[1] - y[1]).map(([n]) => n);
};

export function compareResults(a: ExperimentResult, b: ExperimentResult): CompareTable {
  const windows = ordered(a, b);
  const probes: string[] = [];
  for (const r of [a, b]) for (const w of r.windows) for (const p of w.probes) if (!probes.includes(p.id)) probes.push(p.id);
  const cell = (r: ExperimentResult, window: string, probe: string): CompareCell | undefined => {
    const v = r.windows.find((w) => w.name === window)?.probes.find((p) => p.id === probe);
    return v ? { pass: v.pass, value: v.value, threshold: v.threshold } : undefined;
  };
  const rows = probes.map((probe) => ({
    probe,
    cells: Object.fromEntries(
      windows.map((w) => {
        const ca = cell(a, w, probe);
        const cb = cell(b, w, probe);
        const entry: { a?: CompareCell; b?: CompareCell; changed: boolean } = { changed: ca?.pass !== cb?.pass };
        if (ca) entry.a = ca;
        if (cb) entry.b = cb;
        return [w, entry];
      }),
    ),
  }));
  const c = (r: ExperimentResult) => r.counts;
  const summary = [
    { label: 'Verdict', a: a.pass ? 'pass' : 'fail', b: b.pass ? 'pass' : 'fail' },
    { label: 'Seed', a: String(a.seed), b: String(b.seed) },
    { label: 'Requests', a: String(c(a).requests), b: String(c(b).requests) },
    { label: 'Lost', a: String(c(a).lost), b: String(c(b).lost) },
    { label: 'Dead letters', a: String(c(a).deadLetters), b: String(c(b).deadLetters) },
    { label: 'Restarts', a: String(c(a).restarts), b: String(c(b).restarts) },
    { label: 'Log hash', a: a.hash.slice(0, 12), b: b.hash.slice(0, 12) },
  ];
  return { windows, rows, summary };
}

/** A measured value for a table cell. */
export function formatValue(value: number | null): string {
  if (value === null) return '—';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) < 1 ? value.toFixed(3) : value.toFixed(1);
}
