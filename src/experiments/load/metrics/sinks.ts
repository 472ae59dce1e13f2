/**
 * Where a metric's samples go, one kind per metric type (k6's sinks). Every sink merges with
 * another of its kind and encodes to plain data, so workers can ship their figures to one place.
 */
import { Trend, type EncodedTrend } from './trend';
import type { MetricType } from './types';

/** A counter: the sum of the values added (and how many were added). */
export interface CounterData {
  sum: number;
  adds: number;
}

/** A rate: how many of the values added were non-zero (`trues`) out of `total`. */
export interface RateData {
  trues: number;
  total: number;
}

/** A gauge: the last value, and the least and greatest seen. */
export interface GaugeData {
  value: number;
  min: number;
  max: number;
  /** Samples added (0: never set). */
  adds: number;
}

export type Sink =
  | { type: 'trend'; trend: Trend }
  | { type: 'counter'; data: CounterData }
  | { type: 'rate'; data: RateData }
  | { type: 'gauge'; data: GaugeData };

export type EncodedSink =
  | { type: 'trend'; trend: EncodedTrend }
  | { type: 'counter'; data: CounterData }
  | { type: 'rate'; data: RateData }
  | { type: 'gauge'; data: GaugeData };

export function createSink(type: MetricType): Sink {
  switch (type) {
    case 'trend':
      return { type, trend: new Trend() };
    case 'counter':
      return { type, data: { sum: 0, adds: 0 } };
    case 'rate':
      return { type, data: { trues: 0, total: 0 } };
    case 'gauge':
      return { type, data: { value: 0, min: 0, max: 0, adds: 0 } };
  }
}

/** Adds one sample (for a rate, non-zero counts as true). */
export function addToSink(sink: Sink, value: number): void {
  switch (sink.type) {
    case 'trend':
      sink.trend.add(value);
      return;
    case 'counter':
      sink.data.sum += value;
      sink.data.adds++;
      return;
    case 'rate':
      sink.data.total++;
      if (value !== 0) sink.data.trues++;
      return;
    case 'gauge': {
      const d = sink.data;
      d.min = d.adds === 0 ? value : Math.min(d.min, value);
      d.max = d.adds === 0 ? value : Math.max(d.max, value);
      d.value = value;
      d.adds++;
    }
  }
}

/**
 * Merges `from` into `into` (same type). A gauge takes `from`'s last value: merge in time order
 * (the later figures last), as a gauge's value is the latest one.
 */
export function mergeSink(into: Sink, from: Sink): void {
  if (into.type !== from.type) throw new TypeError(`cannot merge a ${from.type} into a ${into.type}`);
  if (into.type === 'trend' && from.type === 'trend') into.trend.merge(from.trend);
  else if (into.type === 'counter' && from.type === 'counter') {
    into.data.sum += from.data.sum;
    into.data.adds += from.data.adds;
  } else if (into.type === 'rate' && from.type === 'rate') {
    into.data.trues += from.data.trues;
    into.data.total += from.data.total;
  } else if (into.type === 'gauge' && from.type === 'gauge' && from.data.adds > 0) {
    const a = into.data;
    const b = from.data;
    a.min = a.adds === 0 ? b.min : Math.min(a.min, b.min);
    a.max = a.adds === 0 ? b.max : Math.max(a.max, b.max);
    a.value = b.value;
    a.adds += b.adds;
  }
}

/** Samples in the sink (for a counter, adds; for a gauge, sets). */
export function sampleCount(sink: Sink): number {
  switch (sink.type) {
    case 'trend':
      return sink.trend.count;
    case 'rate':
      return sink.data.total;
    default:
      return sink.data.adds;
  }
}

export function encodeSink(sink: Sink): EncodedSink {
  return sink.type === 'trend'
    ? { type: 'trend', trend: sink.trend.encode() }
    : ({ type: sink.type, data: { ...sink.data } } as EncodedSink);
}

export function decodeSink(encoded: EncodedSink): Sink {
  return encoded.type === 'trend'
    ? { type: 'trend', trend: Trend.decode(encoded.trend) }
    : ({ type: encoded.type, data: { ...encoded.data } } as Sink);
}
