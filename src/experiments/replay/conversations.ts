/**
 * Conversations of a log: every message sent (`message.sent`), grouped by conversation_id;
 * a message without one joins the conversation of the request it answers: through
 * in_reply_to → that request's reply_with, else (a request with neither, e.g. from the
 * Composer) as the answer its receiver sent back to its sender while handling it (between the
 * request's delivery and its `message.handled`: a host handles one message at a time). Any
 * other message is a conversation of its own. Fed one event at a time, so a recording's log
 * never has to be held whole.
 */
import type { KernelEvent } from '../../kernel/types';
import type { AclMessage } from '../../protocol/message';

export interface ConversationMessage {
  seq: number;
  t: number;
  message: AclMessage;
}

export interface Conversation {
  id: string;
  messages: ConversationMessage[];
  /** Its id was made up here (from a message id, different in every run): pair it by position, not id. */
  generated?: true;
}

export interface ConversationCollector {
  add(event: KernelEvent): void;
  /** In order of their first message. */
  conversations(): Conversation[];
}

export function createConversationCollector(): ConversationCollector {
  const byId = new Map<string, Conversation>();
  const ofRequest = new Map<string, string>();
  /** Where a conversation went when it was merged into its request's. */
  const mergedInto = new Map<string, string>();
  /** Each message's sender and conversation (to find a handled request's). */
  const sent = new Map<string, { sender: string; conversation: string }>();
  /** Per node: its messages with no link of their own since it last finished handling a message. */
  const unlinkedSince = new Map<string, ConversationMessage[]>();
  /** Seq of each message's delivery (to an agent or a client), until it is handled. */
  const deliveredAt = new Map<string, number>();

  const resolve = (id: string): string => {
    let at = id;
    for (let next = mergedInto.get(at); next !== undefined; next = mergedInto.get(at)) at = next;
    return at;
  };

  function place(event: Extract<KernelEvent, { type: 'message.sent' }>): void {
    const m = event.message;
    const placed: ConversationMessage = { seq: event.seq, t: event.t, message: m };
    const answered = m.in_reply_to !== undefined ? ofRequest.get(requestKey(m.receiver, m.in_reply_to)) : undefined;
    const id = m.conversation_id ?? (answered !== undefined ? resolve(answered) : `message:${m.id}`);
    if (m.conversation_id === undefined && answered === undefined) {
      const mine = unlinkedSince.get(m.sender) ?? [];
      mine.push(placed);
      unlinkedSince.set(m.sender, mine);
    }
    if (m.reply_with !== undefined) ofRequest.set(requestKey(m.sender, m.reply_with), id);
    sent.set(m.id, { sender: m.sender, conversation: id });
    let conversation = byId.get(id);
    if (!conversation) {
      conversation = { id, messages: [], ...(m.conversation_id === undefined ? { generated: true as const } : {}) };
      byId.set(id, conversation);
    }
    conversation.messages.push(placed);
  }

  /** `agent` finished handling `requestId`: what it sent back to the request's sender meanwhile joins the request. */
  function finished(agent: string, requestId: string | undefined): void {
    const outputs = unlinkedSince.get(agent);
    unlinkedSince.delete(agent);
    const request = requestId === undefined ? undefined : sent.get(requestId);
    const since = requestId === undefined ? undefined : deliveredAt.get(requestId);
    if (requestId !== undefined) deliveredAt.delete(requestId);
    if (!outputs || !request || since === undefined) return;
    const target = resolve(request.conversation);
    for (const { seq, message: answer } of outputs) {
      if (seq < since || answer.receiver !== request.sender) continue;
      const from = resolve(sent.get(answer.id)?.conversation ?? target);
      if (from !== target) merge(from, target);
    }
  }

  function merge(from: string, into: string): void {
    const source = byId.get(from);
    const target = byId.get(into);
    if (!source || !target) return;
    target.messages = [...target.messages, ...source.messages].sort((a, b) => a.seq - b.seq);
    byId.delete(from);
    mergedInto.set(from, into);
  }

  return {
    add(event) {
      if (event.type === 'message.sent') place(event);
      else if (event.type === 'message.delivered') deliveredAt.set(event.messageId, event.seq);
      else if (event.type === 'message.handled') finished(event.agent, event.messageId);
      else if (event.type === 'agent.crashed') finished(event.agent, event.messageId);
    },
    conversations: () => [...byId.values()],
  };
}

/** A reply goes back to the requester, so (requester, reply_with) finds the request. */
function requestKey(party: AclMessage['receiver'], token: string): string {
  return `${typeof party === 'string' ? party : party.join(',')}\u0000${token}`;
}

export function conversationsOf(events: Iterable<KernelEvent>): Conversation[] {
  const collector = createConversationCollector();
  for (const event of events) collector.add(event);
  return collector.conversations();
}
