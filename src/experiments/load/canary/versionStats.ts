/**
 * One version's figures over a window (a canary stage): requests that finished, errors,
 * and the p95 of the successful requests' latency (an HDR Trend, as the load metrics keep
 * it). Failures leave the latency out, as `latency{outcome:ok}` does: a fast refusal must
 * not make a broken version look quick.
 */
import { Trend } from '../metrics/trend';

export interface VersionFigures {
  requests: number;
  errorRate: number;
  p95: number;
}

export class VersionStats {
  private requests = 0;
  private errors = 0;
  private latency = new Trend();

  record(ok: boolean, latencyMs: number | undefined): void {
    this.requests++;
    if (!ok) this.errors++;
    else if (latencyMs !== undefined && Number.isFinite(latencyMs)) this.latency.add(latencyMs);
  }

  get count(): number {
    return this.requests;
  }

  figures(): VersionFigures {
    return {
      requests: this.requests,
      errorRate: this.requests === 0 ? 0 : this.errors / this.requests,
      p95: this.latency.percentile(95),
    };
  }
}
