/**
 * Probes: pure functions of the event log and a time window (journal first, analysis
 * after). Each gives a verdict with the measured value, the threshold and a sentence.
 */
import type { KernelEvent } from '../../kernel/types';
import { agentStatusAt, deadLetters, restarts } from '../metrics/counts';
import { percentile } from '../metrics/percentile';
import { collectRequests, latencies, sentIn, succeeded, type RequestRecord } from '../metrics/requests';
import { sliceWindow, type TimeWindow } from '../metrics/window';
import type { ProbeSpec } from './types';

export interface ProbeVerdict {
  id: string;
  probe: ProbeSpec['probe'];
  pass: boolean;
  /** The measured value (null when there was nothing to measure, e.g. no requests). */
  value: number | null;
  /** e.g. "< 50 ms", "≥ 0.99", "= 0". */
  threshold: string;
  detail: string;
}

export interface ProbeContext {
  /** The whole log (answers to a window's requests may arrive after it). */
  log: readonly KernelEvent[];
  window: TimeWindow;
  /** collectRequests(log), computed once per run. */
  requests?: readonly RequestRecord[];
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/0+$/, ''));
const list = (ids: string[], max = 5) => ids.slice(0, max).join(', ') + (ids.length > max ? `, … (${ids.length})` : '');

export function evaluateProbe(spec: ProbeSpec, id: string, ctx: ProbeContext): ProbeVerdict {
  const { log, window } = ctx;
  const verdict = (pass: boolean, value: number | null, threshold: string, detail: string): ProbeVerdict => ({
    id,
    probe: spec.probe,
    pass,
    value,
    threshold,
    detail,
  });
  const requests = () => sentIn(ctx.requests ?? collectRequests(log), window);
  switch (spec.probe) {
    case 'latency': {
      const reqs = requests();
      const values = latencies(reqs, spec.only ?? 'all');
      const p = percentile(values, spec.percentile);
      if (p === undefined) return verdict(true, null, `< ${spec.maxMs} ms`, `no answered requests in the window (${reqs.length} sent)`);
      return verdict(p < spec.maxMs, p, `< ${spec.maxMs} ms`, `p${spec.percentile} = ${fmt(p)} ms over ${values.length} answered requests`);
    }
    case 'no-lost-messages': {
      const reqs = requests();
      const lost = reqs.filter((r) => r.outcomes.length === 0);
      const twice = reqs.filter((r) => r.outcomes.length > 1);
      const bad = lost.length + twice.length;
      const parts = [
        `${reqs.length} requests`,
        `${lost.length} without an answer${lost.length ? ` (${list(lost.map((r) => r.id))})` : ''}`,
        `${twice.length} answered more than once${twice.length ? ` (${list(twice.map((r) => r.id))})` : ''}`,
      ];
      return verdict(bad === 0, bad, '= 0', parts.join(', '));
    }
    case 'all-agents-running': {
      const status = agentStatusAt(log, window.end);
      const names = spec.agents ?? [...status.keys()];
      const down = names.filter((n) => status.get(n) !== 'running');
      return verdict(
        down.length === 0,
        down.length,
        '= 0 not running',
        down.length === 0
          ? `${names.length} agents running at the end of the window`
          : `not running at the end of the window: ${down.map((n) => `${n} (${status.get(n) ?? 'absent'})`).join(', ')}`,
      );
    }
    case 'dead-letters': {
      const d = deadLetters(sliceWindow(log, window));
      const reasons = Object.entries(d.byReason)
        .map(([r, n]) => `${r} ${n}`)
        .join(', ');
      return verdict(d.total <= spec.max, d.total, `≤ ${spec.max}`, `${d.total} dead letters${reasons ? ` (${reasons})` : ''}`);
    }
    case 'success-rate': {
      const reqs = requests();
      if (reqs.length === 0) return verdict(true, null, `≥ ${spec.min}`, 'no requests in the window');
      const ok = reqs.filter(succeeded).length;
      const rate = ok / reqs.length;
      return verdict(rate >= spec.min, rate, `≥ ${spec.min}`, `${ok} of ${reqs.length} requests succeeded`);
    }
    case 'restarts': {
      const r = restarts(sliceWindow(log, window));
      let n = 0;
      const who: string[] = [];
      for (const [agent, c] of Object.entries(r.agents)) {
        n += c.restarts;
        if (c.restarts > 0) who.push(`${agent} ${c.restarts}`);
      }
      return verdict(n <= spec.max, n, `≤ ${spec.max}`, `${n} restarts${who.length ? ` (${who.join(', ')})` : ''}`);
    }
    case 'throughput': {
      const reqs = requests();
      const seconds = (window.end - window.start) / 1000;
      const answered = reqs.filter((r) => r.outcomes.length > 0 && succeeded(r)).length;
      const rate = seconds > 0 ? answered / seconds : 0;
      return verdict(rate >= spec.minPerSecond, rate, `≥ ${spec.minPerSecond}/s`, `${answered} successful requests in ${fmt(seconds)} s`);
    }
  }
}
