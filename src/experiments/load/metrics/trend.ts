/**
 * A Trend (k6): statistics over values such as latencies. Percentiles come from an HDR
 * histogram (hdr-histogram-js, see hdrHistogram.ts: no wasm, no eval) holding
 * microseconds to 3 significant digits, so histograms from several workers or scenarios merge
 * exactly (bucket by bucket) and memory stays bounded whatever the sample count. Count, sum, min
 * and max are kept exactly beside it: avg, min and max are exact, percentiles within 0.1 %.
 */
import { createHdrHistogram, decodeHdrHistogram, encodeHdrHistogram, type EncodedHistogram, type HdrHistogram } from './hdrHistogram';

const MICROS_PER_MS = 1000;
const SIGNIFICANT_DIGITS = 3;

export interface TrendStats {
  count: number;
  avg: number;
  min: number;
  med: number;
  max: number;
  'p(90)': number;
  'p(95)': number;
  'p(99)': number;
}

/** A trend as plain data: crosses threads (postMessage) and files. */
export interface EncodedTrend {
  count: number;
  sum: number;
  min: number;
  max: number;
  /** The HDR histogram's counts (empty when nothing was recorded). */
  histogram: EncodedHistogram;
}

export class Trend {
  private readonly histogram: HdrHistogram;
  private total = 0;
  private sum = 0;
  private low = Infinity;
  private high = -Infinity;

  constructor(histogram?: HdrHistogram) {
    this.histogram = histogram ?? createHdrHistogram(SIGNIFICANT_DIGITS);
  }

  /** Records a value in milliseconds (negative values, e.g. from a skewed clock, count as 0). */
  add(valueMs: number): void {
    if (Number.isNaN(valueMs) || valueMs === Infinity) throw new RangeError(`a trend value must be a finite number, got ${valueMs}`);
    const value = Math.max(0, valueMs);
    this.histogram.recordValue(Math.round(value * MICROS_PER_MS));
    this.total++;
    this.sum += value;
    if (value < this.low) this.low = value;
    if (value > this.high) this.high = value;
  }

  /** Adds every value of `other` (the histograms add bucket by bucket). */
  merge(other: Trend): void {
    if (other.total === 0) return;
    this.histogram.add(other.histogram);
    this.total += other.total;
    this.sum += other.sum;
    this.low = Math.min(this.low, other.low);
    this.high = Math.max(this.high, other.high);
  }

  get count(): number {
    return this.total;
  }

  /** The nearest-rank percentile (as HdrHistogram: the highest value of the bucket), within [min, max]; 0 when empty. */
  percentile(p: number): number {
    if (this.total === 0) return 0;
    const value = this.histogram.getValueAtPercentile(Math.min(100, Math.max(0, p))) / MICROS_PER_MS;
    return Math.min(this.high, Math.max(this.low, value));
  }

  /** k6's trend statistics; every figure 0 when nothing was recorded (as k6 reports an empty trend). */
  stats(): TrendStats {
    const empty = this.total === 0;
    return {
      count: this.total,
      avg: empty ? 0 : this.sum / this.total,
      min: empty ? 0 : this.low,
      med: this.percentile(50),
      max: empty ? 0 : this.high,
      'p(90)': this.percentile(90),
      'p(95)': this.percentile(95),
      'p(99)': this.percentile(99),
    };
  }

  encode(): EncodedTrend {
    return {
      count: this.total,
      sum: this.sum,
      min: this.total === 0 ? 0 : this.low,
      max: this.total === 0 ? 0 : this.high,
      histogram: encodeHdrHistogram(this.histogram),
    };
  }

  static decode(encoded: EncodedTrend): Trend {
    if (encoded.count === 0) return new Trend();
    const histogram = decodeHdrHistogram(encoded.histogram);
    const trend = new Trend(histogram);
    trend.total = encoded.count;
    trend.sum = encoded.sum;
    trend.low = encoded.min;
    trend.high = encoded.max;
    return trend;
  }
}
