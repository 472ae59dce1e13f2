/**
 * Adds up message events left out of a UI batch: per agent (sent, delivered, failed,
 * handled) and per link (deliveries by receiver, latency), so the page's counters and
 * rates are what they would be had it received every event.
 */
import type { KernelEvent } from '../../kernel/types';
import type { AgentTally, LinkTally, MessageTally } from './uiStreamTypes';

export function emptyTally(): MessageTally {
  return { lastSeq: -1, agents: {}, links: {} };
}

function agentTally(tally: MessageTally, name: string): AgentTally {
  return (tally.agents[name] ??= { sent: 0, delivered: 0, failed: 0, handled: 0 });
}

function linkTally(tally: MessageTally, id: string): LinkTally {
  return (tally.links[id] ??= { to: {}, timed: 0, latencySumMs: 0, latencyMaxMs: 0, latencyLastMs: 0 });
}

/** Count one message event; `sentAt` is the message's send time when known (for latency). */
export function tallyMessageEvent(tally: MessageTally, event: KernelEvent, sentAt: number | undefined): void {
  if (event.seq > tally.lastSeq) tally.lastSeq = event.seq;
  switch (event.type) {
    case 'message.sent':
      agentTally(tally, event.message.sender).sent++;
      break;
    case 'message.delivered': {
      agentTally(tally, event.to).delivered++;
      if (event.link === undefined) break;
      const link = linkTally(tally, event.link);
      link.to[event.to] = (link.to[event.to] ?? 0) + 1;
      if (sentAt === undefined) break;
      const latency = Math.max(0, event.t - sentAt);
      link.timed++;
      link.latencySumMs += latency;
      if (latency > link.latencyMaxMs) link.latencyMaxMs = latency;
      link.latencyLastMs = latency;
      break;
    }
    case 'message.failed':
      agentTally(tally, event.to).failed++;
      break;
    case 'message.handled':
      agentTally(tally, event.agent).handled++;
      break;
    default:
      break;
  }
}

/** `into` plus `more` (the later of the two), for batches applied together. */
export function mergeTallies(into: MessageTally, more: MessageTally): MessageTally {
  into.lastSeq = Math.max(into.lastSeq, more.lastSeq);
  for (const [name, t] of Object.entries(more.agents)) {
    const a = agentTally(into, name);
    a.sent += t.sent;
    a.delivered += t.delivered;
    a.failed += t.failed;
    a.handled += t.handled;
  }
  for (const [id, t] of Object.entries(more.links)) {
    const l = linkTally(into, id);
    for (const [to, n] of Object.entries(t.to)) l.to[to] = (l.to[to] ?? 0) + n;
    l.timed += t.timed;
    l.latencySumMs += t.latencySumMs;
    l.latencyMaxMs = Math.max(l.latencyMaxMs, t.latencyMaxMs);
    if (t.timed > 0) l.latencyLastMs = t.latencyLastMs;
  }
  return into;
}
