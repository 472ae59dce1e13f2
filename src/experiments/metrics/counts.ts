/** Counters over a log (or a window of it): per node, per link, dead letters, restarts, throughput. */
import type { AgentStatus, KernelEvent } from '../../kernel/types';
import { entry, tally } from './ownRecord';
import { indexAt, type TimeWindow } from './window';

export interface NodeCounts {
  sent: number;
  delivered: number;
  handled: number;
  /** Guest errors (`message.handled` with error). */
  errors: number;
  failed: number;
  deadLettered: number;
}

export interface LinkCounts {
  delivered: number;
  failed: number;
  retried: number;
  acked: number;
  /** chaos.injected on this link, by fault kind. */
  faults: Record<string, number>;
}

const emptyNode = (): NodeCounts => ({ sent: 0, delivered: 0, handled: 0, errors: 0, failed: 0, deadLettered: 0 });
const emptyLink = (): LinkCounts => ({ delivered: 0, failed: 0, retried: 0, acked: 0, faults: {} });

const get = entry;

export function nodeCounts(log: readonly KernelEvent[]): Record<string, NodeCounts> {
  const out: Record<string, NodeCounts> = {};
  for (const e of log) {
    switch (e.type) {
      case 'message.sent':
        get(out, e.message.sender, emptyNode).sent++;
        break;
      case 'message.delivered':
        get(out, e.to, emptyNode).delivered++;
        break;
      case 'message.handled': {
        const c = get(out, e.agent, emptyNode);
        c.handled++;
        if (e.error !== undefined) c.errors++;
        break;
      }
      case 'message.failed':
        get(out, e.to, emptyNode).failed++;
        break;
      case 'message.dead-lettered':
        get(out, e.to, emptyNode).deadLettered++;
        break;
      default:
        break;
    }
  }
  return out;
}

export function linkCounts(log: readonly KernelEvent[]): Record<string, LinkCounts> {
  const out: Record<string, LinkCounts> = {};
  for (const e of log) {
    switch (e.type) {
      case 'message.delivered':
        if (e.link !== undefined) get(out, e.link, emptyLink).delivered++;
        break;
      case 'message.failed':
        if (e.link !== undefined) get(out, e.link, emptyLink).failed++;
        break;
      case 'message.retried':
        get(out, e.link, emptyLink).retried++;
        break;
      case 'message.acked':
        get(out, e.link, emptyLink).acked++;
        break;
      case 'chaos.injected':
        if (e.link !== undefined) {
          const f = get(out, e.link, emptyLink).faults;
          tally(f, e.kind);
        }
        break;
      default:
        break;
    }
  }
  return out;
}

export interface DeadLetterSummary {
  total: number;
  byReason: Record<string, number>;
  byReceiver: Record<string, number>;
}

export function deadLetters(log: readonly KernelEvent[]): DeadLetterSummary {
  const s: DeadLetterSummary = { total: 0, byReason: {}, byReceiver: {} };
  for (const e of log) {
    if (e.type !== 'message.dead-lettered') continue;
    s.total++;
    tally(s.byReason, e.reason);
    tally(s.byReceiver, e.to);
  }
  return s;
}

export interface RestartCounts {
  crashes: number;
  restarts: number;
  backoffs: number;
  /** Crash reasons seen, with counts. */
  reasons: Record<string, number>;
}

export function restarts(log: readonly KernelEvent[]): {
  agents: Record<string, RestartCounts>;
  escalations: Array<{ t: number; group: string; reason: string }>;
} {
  const agents: Record<string, RestartCounts> = {};
  const escalations: Array<{ t: number; group: string; reason: string }> = [];
  const make = (): RestartCounts => ({ crashes: 0, restarts: 0, backoffs: 0, reasons: {} });
  for (const e of log) {
    if (e.type === 'agent.crashed') {
      const c = get(agents, e.agent, make);
      c.crashes++;
      tally(c.reasons, e.reason);
    } else if (e.type === 'agent.restarted') get(agents, e.agent, make).restarts++;
    else if (e.type === 'agent.backoff') get(agents, e.agent, make).backoffs++;
    else if (e.type === 'group.escalated') escalations.push({ t: e.t, group: e.group, reason: e.reason });
  }
  return { agents, escalations };
}

export interface ThroughputPoint {
  /** Bucket start. */
  t: number;
  count: number;
  perSecond: number;
}

/** Events of `type` (default: deliveries) per bucket of `bucketMs` over the window. */
export function throughput(
  log: readonly KernelEvent[],
  window: TimeWindow,
  bucketMs: number,
  type: KernelEvent['type'] = 'message.delivered',
): ThroughputPoint[] {
  if (!(bucketMs > 0)) throw new RangeError(`bucketMs must be > 0, received ${bucketMs}`);
  const n = Math.max(0, Math.ceil((window.end - window.start) / bucketMs));
  const points: ThroughputPoint[] = Array.from({ length: n }, (_, i) => ({ t: window.start + i * bucketMs, count: 0, perSecond: 0 }));
  for (let i = indexAt(log, window.start); i < log.length; i++) {
    const e = log[i]!;
    if (e.t >= window.end) break;
    if (e.type !== type) continue;
    points[Math.floor((e.t - window.start) / bucketMs)]!.count++;
  }
  for (const p of points) p.perSecond = (p.count * 1000) / bucketMs;
  return points;
}

/** Each agent's status after the events before `time` (removed agents are absent). */
export function agentStatusAt(log: readonly KernelEvent[], time = Infinity): Map<string, AgentStatus> {
  const status = new Map<string, AgentStatus>();
  const end = Number.isFinite(time) ? indexAt(log, time) : log.length;
  for (let i = 0; i < end; i++) {
    const e = log[i]!;
    if (e.type === 'agent.status') status.set(e.agent, e.status);
    else if (e.type === 'node.removed') status.delete(e.node);
  }
  return status;
}
