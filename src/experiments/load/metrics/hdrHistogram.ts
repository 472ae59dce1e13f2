/**
 * The HDR histogram behind a Trend: hdr-histogram-js's Int32Histogram, imported by its own
 * module on purpose. The package's entry (and its browser bundle) loads the compression code,
 * which probes for Node's zlib with `eval` when it loads: under the app's Content-Security-Policy
 * (no 'unsafe-eval') that is a reported violation in every worker that imports it. The
 * histogram module alone has no eval and no wasm, so the same code runs in Node and in a
 * browser worker; encoding (below) is our own sparse form, plain JSON, rather than the
 * library's compressed base64 that needs that module.
 */
import * as int32Module from 'hdr-histogram-js/dist/Int32Histogram.js';
import type Int32HistogramClass from 'hdr-histogram-js/dist/Int32Histogram.js';

export type HdrHistogram = Int32HistogramClass;

// A CommonJS module: bundlers hand over its default export, Node's ESM loader its exports object.
type ModuleDefault = typeof Int32HistogramClass | { default: typeof Int32HistogramClass };
const moduleDefault = (int32Module as unknown as { default: ModuleDefault }).default;
const Int32Histogram = typeof moduleDefault === 'function' ? moduleDefault : moduleDefault.default;

/** A histogram's counts as plain data: [bucket value, count] pairs, in value order. */
export interface EncodedHistogram {
  digits: number;
  /** Flattened pairs: value (µs), count, value, count... */
  buckets: number[];
}

/**
 * Values from 1 µs up, auto-resizing: no range to guess before the run. Plain 32-bit counts:
 * recording is ~25× faster than the packed form (which costs ~3 µs a value), for ~70 kB per
 * histogram spanning 1 µs–100 s.
 */
export function createHdrHistogram(significantDigits: number): HdrHistogram {
  const histogram = new Int32Histogram(1, 2, significantDigits);
  histogram.autoResize = true;
  return histogram;
}

export function encodeHdrHistogram(histogram: HdrHistogram): EncodedHistogram {
  const buckets: number[] = [];
  if (histogram.totalCount > 0) {
    const last = histogram.countsArrayIndex(histogram.maxValue);
    for (let index = 0; index <= last; index++) {
      const count = histogram.getCountAtIndex(index);
      if (count > 0) buckets.push(histogram.valueFromIndex(index), count);
    }
  }
  return { digits: histogram.numberOfSignificantValueDigits, buckets };
}

/** The same counts in the same buckets (a bucket's value falls back in its bucket), so every percentile is the same. */
export function decodeHdrHistogram(encoded: EncodedHistogram): HdrHistogram {
  const histogram = createHdrHistogram(encoded.digits);
  const { buckets } = encoded;
  for (let i = 0; i + 1 < buckets.length; i += 2) histogram.recordValueWithCount(buckets[i]!, buckets[i + 1]!);
  return histogram;
}
