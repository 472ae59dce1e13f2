/**
 * What the player learns in its one pass through a recording: the events from the start of
 * playback (index = seq − first), the tape entry behind each, the markers, the conversations
 * and where each message was sent.
 */
import type { KernelEvent } from '../../kernel/types';
import type { RecordedConversationSummary, TimelineMarker } from './types';

export interface TimelineIndex {
  readonly events: KernelEvent[];
  /** Tape entry that produced events[i]. */
  entryOf(i: number): number;
  readonly markers: TimelineMarker[];
  readonly conversations: Map<string, RecordedConversationSummary>;
  /** Seq of each message's `message.sent`. */
  readonly sentAt: Map<string, number>;
  /** The conversation each message belongs to (messages with a conversation_id). */
  readonly conversationOf: Map<string, string>;
  add(event: KernelEvent, entryIndex: number): void;
}

export function createTimelineIndex(): TimelineIndex {
  const events: KernelEvent[] = [];
  let entries = new Int32Array(1024);
  const markers: TimelineMarker[] = [];
  const conversations = new Map<string, RecordedConversationSummary>();
  const sentAt = new Map<string, number>();
  const conversationOf = new Map<string, string>();
  const participants = new Map<string, Set<string>>();

  function touch(conversation: string, seq: number, who: string | undefined, counts: boolean): void {
    let summary = conversations.get(conversation);
    let people = participants.get(conversation);
    if (!summary || !people) {
      summary = { id: conversation, messages: 0, participants: [], firstSeq: seq, lastSeq: seq };
      people = new Set();
      conversations.set(conversation, summary);
      participants.set(conversation, people);
    }
    summary.lastSeq = seq;
    if (counts) summary.messages++;
    if (who !== undefined && !people.has(who)) {
      people.add(who);
      summary.participants.push(who);
    }
  }

  function indexMessages(event: KernelEvent): void {
    if (event.type === 'message.sent') {
      const m = event.message;
      sentAt.set(m.id, event.seq);
      if (m.conversation_id === undefined) return;
      conversationOf.set(m.id, m.conversation_id);
      touch(m.conversation_id, event.seq, m.sender, true);
      return;
    }
    const id = messageIdOf(event);
    const conversation = id === undefined ? undefined : conversationOf.get(id);
    if (conversation !== undefined) touch(conversation, event.seq, deliveredTo(event), false);
  }

  return {
    events,
    entryOf: (i) => entries[i]!,
    markers,
    conversations,
    sentAt,
    conversationOf,
    add(event, entryIndex) {
      if (events.length === entries.length) {
        const grown = new Int32Array(entries.length * 2);
        grown.set(entries);
        entries = grown;
      }
      entries[events.length] = entryIndex;
      events.push(event);
      const marker = markerOf(event);
      if (marker) markers.push(marker);
      indexMessages(event);
    },
  };
}

/** The message an event is about, when it is about one. */
export function messageIdOf(event: KernelEvent): string | undefined {
  switch (event.type) {
    case 'message.delivered':
    case 'message.handled':
    case 'message.failed':
    case 'message.redelivered':
    case 'message.retried':
    case 'message.acked':
    case 'message.duplicate-discarded':
      return event.messageId;
    case 'message.sent':
    case 'message.dead-lettered':
      return event.message.id;
    default:
      return undefined;
  }
}

function deliveredTo(event: KernelEvent): string | undefined {
  return event.type === 'message.delivered' && !event.to.startsWith('topic:') ? event.to : undefined;
}

export function markerOf(event: KernelEvent): TimelineMarker | undefined {
  const at = { seq: event.seq, t: event.t };
  switch (event.type) {
    case 'agent.crashed':
      return { ...at, kind: 'crash', subject: event.agent, label: `${event.agent} crashed: ${event.reason}` };
    case 'agent.restarted':
      return { ...at, kind: 'restart', subject: event.agent, label: `${event.agent} restarted (instance ${event.instance})` };
    case 'chaos.set':
      return { ...at, kind: 'fault', subject: event.fault.id, label: `fault ${event.fault.id} (${event.fault.effect.kind}) injected` };
    case 'chaos.cleared':
      return { ...at, kind: 'fault-cleared', subject: event.fault, label: `fault ${event.fault} cleared` };
    case 'message.failed':
      return { ...at, kind: 'failure', subject: event.to, label: `message ${event.messageId} to ${event.to} failed: ${event.reason}` };
    case 'message.dead-lettered':
      return {
        ...at,
        kind: 'dead-letter',
        subject: event.to,
        label: `message ${event.message.id} to ${event.to} dead-lettered: ${event.reason}`,
      };
    case 'group.escalated':
      return { ...at, kind: 'escalation', subject: event.group, label: `group ${event.group} escalated: ${event.reason}` };
    default:
      return undefined;
  }
}
