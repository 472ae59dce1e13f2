/**
 * The metrics of one load run (or of one worker's share of it): samples are added by metric
 * name with tags, and land in the metric, in one sub-metric per tag the registry breaks down by
 * (`latency{scenario:a}`, `latency{agent:echo-1}`, `latency{link:l3}`) and in every watched
 * selector they match (`latency{scenario:a,agent:echo-1}`, for thresholds). Pure: time is the
 * caller's (`atMs`, elapsed from the run's start), so it runs alike on the virtual clock.
 */
import { compareMetricKeys, formatMetricKey, parseMetricKey, type MetricKey } from './metricKey';
import { SampleRouter } from './sampleRouter';
import { addToSink, createSink, decodeSink, encodeSink, mergeSink, type EncodedSink, type Sink } from './sinks';
import { TimeSeries, type SeriesPoint } from './timeSeries';
import { defaultBetter, type MetricDefinition, type MetricType, type Tags } from './types';

export interface RegistryOptions {
  /** Tag keys that get a sub-metric per value seen. */
  breakdownTags?: readonly string[];
  /** Width of a time-series interval (default 1000 ms); 0 keeps no series. */
  intervalMs?: number;
  /**
   * Breakdown tags whose sub-metrics also keep a time series (default scenario and kind). Each
   * metric and watched selector keeps one; per agent or link it is opt-in, as an hour at 1 s
   * for hundreds of agents would hold millions of points.
   */
  seriesTags?: readonly string[];
  /** Intervals kept open for late samples (default 3). */
  openIntervals?: number;
}

export const DEFAULT_BREAKDOWN_TAGS = ['scenario', 'client', 'agent', 'link', 'kind'] as const;
export const DEFAULT_SERIES_TAGS = ['scenario', 'kind'] as const;

/** What thresholds and summaries read: definitions and sinks by canonical key. */
export interface MetricView {
  definition(name: string): MetricDefinition | undefined;
  sink(key: string): Sink | undefined;
  /** Every key with figures, metrics before their sub-metrics, sorted. */
  keys(): string[];
  /** The key's points (open intervals included), from `fromMs` on when given. */
  series(key: string, fromMs?: number): SeriesPoint[];
}

/** A registry's figures as plain data: what a worker posts to the aggregator. */
export interface EncodedMetrics {
  definitions: MetricDefinition[];
  entries: { key: string; sink: EncodedSink }[];
}

export interface MetricRegistry extends MetricView {
  define(definition: Omit<MetricDefinition, 'better' | 'contains'> & Partial<MetricDefinition>): void;
  /** Adds a sample; throws for a metric never defined (a typo would otherwise measure nothing). */
  add(name: string, value: number, tags?: Tags, atMs?: number): void;
  /** Keeps a sub-metric for a selector (`latency{scenario:a,agent:b}`); returns its canonical key. */
  watch(selector: string | MetricKey): string;
  /** Seals the series' intervals that end at or before `untilMs`. */
  seal(untilMs: number): void;
  encode(): EncodedMetrics;
  /** Encodes, then empties the sinks (definitions and watches stay): a delta since the last drain. */
  drain(): EncodedMetrics;
  /** Merges another registry's figures; with `atMs`, into the series interval at that time too. */
  merge(encoded: EncodedMetrics, atMs?: number): void;
}

interface Entry {
  key: string;
  sink: Sink;
  series: TimeSeries | undefined;
}

export function createMetricRegistry(definitions: readonly MetricDefinition[] = [], options: RegistryOptions = {}): MetricRegistry {
  const breakdown = options.breakdownTags ?? DEFAULT_BREAKDOWN_TAGS;
  const intervalMs = options.intervalMs ?? 1000;
  const seriesTags = options.seriesTags ?? DEFAULT_SERIES_TAGS;
  const keepsSeries = (key: string): boolean => {
    const tag = /^[^{]*\{([^:,]*):[^,]*\}$/.exec(key)?.[1];
    return intervalMs > 0 && (tag === undefined || seriesTags.includes(tag) || !breakdown.includes(tag));
  };
  const defs = new Map<string, MetricDefinition>();
  const entries = new Map<string, Entry>();

  const entry = (key: string, type: MetricType): Entry => {
    let found = entries.get(key);
    if (!found) {
      const series = keepsSeries(key) ? new TimeSeries(type, { intervalMs, openIntervals: options.openIntervals ?? 3 }) : undefined;
      entries.set(key, (found = { key, sink: createSink(type), series }));
    }
    return found;
  };

  const define: MetricRegistry['define'] = (d) => {
    const full: MetricDefinition = { contains: 'default', better: defaultBetter(d.type), ...d };
    const existing = defs.get(d.name);
    if (existing && existing.type !== d.type) throw new TypeError(`metric ${d.name} is a ${existing.type}, not a ${d.type}`);
    defs.set(d.name, existing ?? full);
  };

  const router = new SampleRouter<Entry, MetricType>(breakdown, entry);

  const add: MetricRegistry['add'] = (name, value, tags = {}, atMs) => {
    const d = defs.get(name);
    if (!d) throw new RangeError(`unknown metric ${JSON.stringify(name)}: define it first`);
    for (const e of router.route(name, tags, d.type)) {
      addToSink(e.sink, value);
      if (atMs !== undefined) e.series?.add(atMs, value);
    }
  };

  const watch: MetricRegistry['watch'] = (selector) => {
    const parsed = typeof selector === 'string' ? parseMetricKey(selector) : { ok: true as const, key: selector };
    if (!parsed.ok) throw new SyntaxError(`bad metric selector: expected ${parsed.expected}, received ${parsed.received}`);
    const tagNames = Object.keys(parsed.key.tags);
    if (tagNames.length > 1 || (tagNames.length === 1 && !breakdown.includes(tagNames[0]!))) router.watch(parsed.key);
    return formatMetricKey(parsed.key);
  };

  for (const d of definitions) define(d);

  const encode = (): EncodedMetrics => ({
    definitions: [...defs.values()],
    entries: [...entries.values()].map((e) => ({ key: e.key, sink: encodeSink(e.sink) })),
  });

  const merge: MetricRegistry['merge'] = (encoded, atMs) => {
    for (const d of encoded.definitions) define(d);
    for (const { key, sink } of encoded.entries) {
      const from = decodeSink(sink);
      const e = entry(key, from.type);
      mergeSink(e.sink, from);
      if (atMs !== undefined) e.series?.mergeAt(atMs, from);
    }
  };

  return {
    define,
    add,
    watch,
    merge,
    encode,
    drain() {
      const encoded = encode();
      for (const e of entries.values()) e.sink = createSink(e.sink.type);
      return encoded;
    },
    seal: (untilMs) => entries.forEach((e) => e.series?.seal(untilMs)),
    definition: (name) => defs.get(name),
    sink: (key) => entries.get(key)?.sink,
    keys: () => [...entries.keys()].sort(compareMetricKeys),
    series: (key, fromMs) => entries.get(key)?.series?.points(true, fromMs) ?? [],
  };
}
