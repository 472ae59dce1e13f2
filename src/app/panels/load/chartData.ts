/**
 * The load charts' data from the run's series (1 s points by metric key): one x axis in
 * seconds, one line per figure, null where a line has no point. Also the words a screen
 * reader hears instead of the picture (latest and peak of each line).
 */
import type { SeriesPoint } from '../../../experiments/load/metrics/timeSeries';

export interface ChartLine {
  label: string;
  values: (number | null)[];
}

export interface ChartData {
  id: string;
  title: string;
  unit: string;
  /** Seconds from the start of the run. */
  xs: number[];
  lines: ChartLine[];
}

type Series = Record<string, SeriesPoint[]>;

const ERROR_KIND = /^errors\{kind:([^,}]+)\}$/;

/** The interval of a series (the gap between its first two points; 1 s when it has fewer). */
function intervalMs(points: readonly SeriesPoint[]): number {
  const gap = points.length > 1 ? points[1]!.startMs - points[0]!.startMs : 1000;
  return gap > 0 ? gap : 1000;
}

function lineOf(points: readonly SeriesPoint[], figure: (p: SeriesPoint, intervalMs: number) => number | undefined) {
  const every = intervalMs(points);
  return new Map(points.map((p) => [p.startMs, figure(p, every) ?? null]));
}

function chart(id: string, title: string, unit: string, lines: { label: string; byStart: Map<number, number | null> }[]): ChartData {
  const starts = [...new Set(lines.flatMap((l) => [...l.byStart.keys()]))].sort((a, b) => a - b);
  return {
    id,
    title,
    unit,
    xs: starts.map((s) => s / 1000),
    lines: lines.map((l) => ({ label: l.label, values: starts.map((s) => l.byStart.get(s) ?? null) })),
  };
}

const perSecond = (p: SeriesPoint, every: number) => (p.values['count'] ?? 0) / (every / 1000);

/** What a chart can be narrowed to: one tagged sub-metric family (`requests{agent:echo-1}` → agent echo-1). */
export interface ChartScope {
  tag: ScopeTag;
  value: string;
}

const SCOPE_TAGS = ['scenario', 'client', 'agent', 'link'] as const;
type ScopeTag = (typeof SCOPE_TAGS)[number];
const SCOPE = /^requests\{(scenario|client|agent|link):([^,}]+)\}$/;

/** The scenarios, clients, agents and links the series have figures for (`requests{agent:x}`), in that order, each sorted. */
export function seriesScopes(series: Series): ChartScope[] {
  const scopes = Object.keys(series).flatMap((k) => {
    const m = SCOPE.exec(k);
    return m ? [{ tag: m[1] as ScopeTag, value: m[2]! }] : [];
  });
  return scopes.sort((a, b) => SCOPE_TAGS.indexOf(a.tag) - SCOPE_TAGS.indexOf(b.tag) || a.value.localeCompare(b.value));
}

const scoped = (metric: string, scope: ChartScope | undefined) => (scope === undefined ? metric : `${metric}{${scope.tag}:${scope.value}}`);

/** Errors by kind (the whole run), or one scope's errors. */
function errorLines(series: Series, scope: ChartScope | undefined) {
  const at = (key: string) => series[key] ?? [];
  if (scope !== undefined) return [{ label: 'errors', byStart: lineOf(at(scoped('errors', scope)), perSecond) }];
  const kinds = Object.keys(series)
    .map((k) => ERROR_KIND.exec(k)?.[1])
    .filter((k): k is string => k !== undefined)
    .sort();
  return kinds.length > 0
    ? kinds.map((kind) => ({ label: kind, byStart: lineOf(at(`errors{kind:${kind}}`), perSecond) }))
    : [{ label: 'errors', byStart: lineOf(at('errors'), perSecond) }];
}

/** The run's charts, or one scenario's, client's, agent's or link's (its requests, latency and errors; VUs stay the run's). */
export function loadCharts(series: Series, scope?: ChartScope): ChartData[] {
  const of = (metric: string) => series[scoped(metric, scope)] ?? [];
  const at = (key: string) => series[key] ?? [];
  return [
    chart('requests', 'Requests per second', '/s', [{ label: 'requests', byStart: lineOf(of('requests'), perSecond) }]),
    chart('latency', 'Latency', 'ms', [
      { label: 'p50', byStart: lineOf(of('latency'), (p) => p.values['med']) },
      { label: 'p95', byStart: lineOf(of('latency'), (p) => p.values['p(95)']) },
      { label: 'p99', byStart: lineOf(of('latency'), (p) => p.values['p(99)']) },
    ]),
    chart('errors', scope === undefined ? 'Errors by kind per second' : 'Errors per second', '/s', errorLines(series, scope)),
    chart('vus', 'Virtual users', 'VUs', [{ label: 'VUs', byStart: lineOf(at('vus'), (p) => p.values['value'] ?? p.values['max']) }]),
  ];
}

const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toString() : (Math.round(v * 10) / 10).toString());

/** "requests: latest 480 /s, peak 510 /s" per line, over the span; "no data yet" without points. */
export function chartSummary(data: ChartData): string {
  if (data.xs.length === 0) return `${data.title}: no data yet`;
  const span = `${round(data.xs[data.xs.length - 1]! + 1)} s`;
  const parts = data.lines.map((l) => {
    const known = l.values.filter((v): v is number => v !== null);
    if (known.length === 0) return `${l.label}: none`;
    return `${l.label} latest ${round(known[known.length - 1]!)} ${data.unit}, peak ${round(Math.max(...known))} ${data.unit}`;
  });
  return `${data.title} over ${span}: ${parts.join('; ')}`;
}
