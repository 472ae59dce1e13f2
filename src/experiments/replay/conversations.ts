/**
 * Conversations of a log: every message sent (`message.sent`), grouped by conversation_id;
 * a message without one joins the conversation of the request it answers (in_reply_to →
 * that request's reply_with), else it is a conversation of its own. Fed one event at a time,
 * so a recording's log never has to be held whole.
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
}

export interface ConversationCollector {
  add(event: KernelEvent): void;
  /** In order of their first message. */
  conversations(): Conversation[];
}

export function createConversationCollector(): ConversationCollector {
  const byId = new Map<string, Conversation>();
  const ofRequest = new Map<string, string>();
  return {
    add(event) {
      if (event.type !== 'message.sent') return;
      const m = event.message;
      const id =
        m.conversation_id ??
        (m.in_reply_to !== undefined ? ofRequest.get(requestKey(m.receiver, m.in_reply_to)) : undefined) ??
        `message:${m.id}`;
      if (m.reply_with !== undefined) ofRequest.set(requestKey(m.sender, m.reply_with), id);
      let conversation = byId.get(id);
      if (!conversation) {
        conversation = { id, messages: [] };
        byId.set(id, conversation);
      }
      conversation.messages.push({ seq: event.seq, t: event.t, message: m });
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
