/**
 * Requests and their outcomes, from the log alone. A request is a `message.sent` with a
 * `reply_with` from one of the requesters; an outcome is a distinct message delivered to
 * the requester whose `in_reply_to` names it — the receiver's reply, or a kernel
 * `failure` (no-route, timeout, agent-crashed...). A duplicate delivery of the same reply
 * (same id) is counted in `deliveries`, not as a second outcome.
 */
import { tally } from './ownRecord';
import type { KernelEvent } from '../../kernel/types';
import type { AclMessage } from '../../protocol/message';
import { inWindow, type TimeWindow } from './window';

export interface Outcome {
  messageId: string;
  at: number;
  performative: string;
  sender: string;
  /** `content.reason` of a failure. */
  reason?: string;
}

export interface RequestRecord {
  id: string;
  from: string;
  to: string;
  replyWith: string;
  sentAt: number;
  /** Distinct answers, in arrival order. */
  outcomes: Outcome[];
  /** Deliveries of answers, duplicates included. */
  deliveries: number;
}

/** Performatives that answer a request unsuccessfully. */
export const FAILURE_PERFORMATIVES: ReadonlySet<string> = new Set(['failure', 'not-understood', 'refuse']);

export interface RequestOptions {
  /** Who counts as a requester (default: every client node and the console `you`). */
  from?: readonly string[];
}

export function collectRequests(log: readonly KernelEvent[], options: RequestOptions = {}): RequestRecord[] {
  const explicit = options.from ? new Set(options.from) : undefined;
  const clients = new Set<string>(['you']);
  const records: RequestRecord[] = [];
  const open = new Map<string, RequestRecord>();
  const answers = new Map<string, AclMessage>();
  for (const e of log) {
    switch (e.type) {
      case 'node.added':
        if (e.kind === 'client') clients.add(e.node);
        break;
      case 'message.sent': {
        const m = e.message;
        if (m.in_reply_to !== undefined && typeof m.receiver === 'string') answers.set(m.id, m);
        const requester = explicit ? explicit.has(m.sender) : clients.has(m.sender);
        if (requester && m.reply_with !== undefined) {
          const record: RequestRecord = {
            id: m.id,
            from: m.sender,
            to: typeof m.receiver === 'string' ? m.receiver : m.receiver.join(','),
            replyWith: m.reply_with,
            sentAt: e.t,
            outcomes: [],
            deliveries: 0,
          };
          records.push(record);
          open.set(key(m.sender, m.reply_with), record);
        }
        break;
      }
      case 'message.delivered': {
        const m = answers.get(e.messageId);
        if (!m || m.receiver !== e.to) break;
        const record = open.get(key(e.to, m.in_reply_to!));
        if (!record) break;
        record.deliveries++;
        if (record.outcomes.some((o) => o.messageId === m.id)) break;
        const outcome: Outcome = { messageId: m.id, at: e.t, performative: m.performative, sender: m.sender };
        const reason = (m.content as { reason?: unknown } | null)?.reason;
        if (m.performative === 'failure' && typeof reason === 'string') outcome.reason = reason;
        record.outcomes.push(outcome);
        break;
      }
      default:
        break;
    }
  }
  return records;
}

function key(requester: string, replyWith: string): string {
  return `${requester}\u0000${replyWith}`;
}

export const sentIn = (records: readonly RequestRecord[], w: TimeWindow): RequestRecord[] => records.filter((r) => inWindow(r.sentAt, w));

export const succeeded = (r: RequestRecord): boolean => r.outcomes.length > 0 && !FAILURE_PERFORMATIVES.has(r.outcomes[0]!.performative);

/** Request → first answer, in ms, for answered requests (`only: 'success'` drops failures). */
export function latencies(records: readonly RequestRecord[], only: 'all' | 'success' = 'all'): number[] {
  const out: number[] = [];
  for (const r of records) {
    const first = r.outcomes[0];
    if (!first) continue;
    if (only === 'success' && FAILURE_PERFORMATIVES.has(first.performative)) continue;
    out.push(first.at - r.sentAt);
  }
  return out;
}

export interface OutcomeSummary {
  requests: number;
  answered: number;
  succeeded: number;
  failed: number;
  /** No answer at all. */
  lost: number;
  /** More than one distinct answer (e.g. a timeout, then a late reply). */
  answeredTwice: number;
  /** Answer deliveries beyond the first per distinct answer. */
  duplicateDeliveries: number;
  failuresByReason: Record<string, number>;
}

export function summarizeOutcomes(records: readonly RequestRecord[]): OutcomeSummary {
  const s: OutcomeSummary = {
    requests: records.length,
    answered: 0,
    succeeded: 0,
    failed: 0,
    lost: 0,
    answeredTwice: 0,
    duplicateDeliveries: 0,
    failuresByReason: {},
  };
  for (const r of records) {
    s.duplicateDeliveries += r.deliveries - r.outcomes.length;
    if (r.outcomes.length === 0) {
      s.lost++;
      continue;
    }
    s.answered++;
    if (r.outcomes.length > 1) s.answeredTwice++;
    if (succeeded(r)) s.succeeded++;
    else {
      s.failed++;
      const first = r.outcomes[0]!;
      const why = first.reason ?? first.performative;
      tally(s.failuresByReason, why);
    }
  }
  return s;
}
