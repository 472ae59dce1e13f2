/**
 * A metric's figures per interval (1 s by default) for live charts: throughput, latency
 * percentiles, error rate. Time is elapsed milliseconds from the start of the run (virtual or
 * real: the caller's clock). A few intervals stay open for samples that arrive late (replies
 * from other workers); older intervals are sealed into points, empty ones included, so a chart
 * shows a stall as zero rather than as a gap.
 */
import { addToSink, createSink, mergeSink, sampleCount, type Sink } from './sinks';
import { sinkValues, type SinkValues } from './sinkValues';
import type { MetricType } from './types';

export interface SeriesPoint {
  /** Start of the interval, ms from the start of the run. */
  startMs: number;
  /** The interval's figures by k6 name (`count`, `rate`, `p(95)`, `value`...). */
  values: SinkValues;
}

export interface TimeSeriesOptions {
  intervalMs: number;
  /** Intervals kept open for late samples (at least 1). */
  openIntervals: number;
}

export class TimeSeries {
  private readonly open = new Map<number, Sink>();
  private readonly sealed: SeriesPoint[] = [];
  /** Index of the first interval not sealed yet. */
  private nextToSeal = 0;
  /** Samples that arrived for an interval already sealed (counted in the totals, not in the chart). */
  lateSamples = 0;

  constructor(
    private readonly type: MetricType,
    private readonly options: TimeSeriesOptions,
  ) {
    if (!(options.intervalMs > 0)) throw new RangeError(`intervalMs must be > 0, got ${options.intervalMs}`);
  }

  add(atMs: number, value: number): void {
    const sink = this.bucket(atMs);
    if (sink) addToSink(sink, value);
  }

  /** Merges figures gathered elsewhere (a worker's delta for the interval at `atMs`). */
  mergeAt(atMs: number, from: Sink): void {
    const sink = this.bucket(atMs);
    if (sink) mergeSink(sink, from);
  }

  /** Seals every interval that ends at or before `untilMs`. */
  seal(untilMs: number): void {
    this.sealThrough(Math.floor(untilMs / this.options.intervalMs) - 1);
  }

  /** Sealed points starting at or after `fromMs`, then (with `includeOpen`) the open intervals' figures so far. */
  points(includeOpen = false, fromMs = 0): SeriesPoint[] {
    const sealed = fromMs <= 0 ? [...this.sealed] : this.sealed.slice(this.firstStartingAt(fromMs));
    if (!includeOpen) return sealed;
    const last = Math.max(this.nextToSeal - 1, ...this.open.keys());
    const openPoints: SeriesPoint[] = [];
    for (let index = this.nextToSeal; index <= last; index++)
      openPoints.push(this.point(index, this.open.get(index) ?? createSink(this.type)));
    return [...sealed, ...openPoints.filter((p) => p.startMs >= fromMs)];
  }

  /** Binary search: the sealed points are in start order, so a live chart's update reads only the newest. */
  private firstStartingAt(fromMs: number): number {
    let lo = 0;
    let hi = this.sealed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sealed[mid]!.startMs < fromMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private bucket(atMs: number): Sink | undefined {
    const index = Math.max(0, Math.floor(atMs / this.options.intervalMs));
    if (index < this.nextToSeal) {
      this.lateSamples++;
      return undefined;
    }
    this.sealThrough(index - Math.max(1, this.options.openIntervals));
    let sink = this.open.get(index);
    if (!sink) this.open.set(index, (sink = createSink(this.type)));
    return sink;
  }

  private sealThrough(lastIndex: number): void {
    for (; this.nextToSeal <= lastIndex; this.nextToSeal++) {
      const sink = this.open.get(this.nextToSeal) ?? createSink(this.type);
      this.open.delete(this.nextToSeal);
      this.sealed.push(this.point(this.nextToSeal, sink));
    }
  }

  private point(index: number, sink: Sink): SeriesPoint {
    const values = sinkValues(sink, this.options.intervalMs);
    // A trend's point also says how many samples it holds: the throughput of a latency chart.
    if (sink.type === 'trend') values['count'] = sampleCount(sink);
    return { startMs: index * this.options.intervalMs, values };
  }
}
