/**
 * The messages a page follows whole whatever panel is open: those it sent itself (watched
 * by id), and their answers: messages in the same conversation, replying to one of them,
 * coming back from a receiver to the sender (an echo's inform, a not-understood), a few
 * per watched message (they add up), or the kernel's failure naming it. So after sending from the Composer the log shows the exchange.
 */
import { BROADCAST, type AclMessage, type JsonValue } from '../../protocol/message';
import { KERNEL_SENDER } from '../../protocol/names';
import { BoundedMap, BoundedSet } from './boundedMemory';

/** Messages followed back from a receiver to the sender of a watched message. */
const ANSWERS_PER_MESSAGE = 8;

export interface Follower {
  watch(messageId: string): void;
  /**
   * Watch the message `sender` is about to send with this `reply_with` (a request: its id is
   * the kernel's, known only once sent). The first such message is watched, then forgotten.
   */
  watchRequest(sender: string, replyWith: string): void;
  /** Whether this sent message is followed (it is remembered: its later events are too). */
  sent(message: AclMessage): boolean;
  /** Whether a message's later events (delivered, handled, failed) are followed. */
  has(messageId: string): boolean;
}

const isObject = (v: JsonValue): v is { [key: string]: JsonValue } => typeof v === 'object' && v !== null && !Array.isArray(v);

const receivers = (m: AclMessage): readonly string[] => (Array.isArray(m.receiver) ? m.receiver : [m.receiver as string]);

/**
 * `limit`: how many messages are remembered (a page's bulk send of thousands is followed
 * whole: the page sent each one, at its own pace).
 */
export function createFollower(limit = 16_384): Follower {
  const watched = new BoundedSet(limit);
  const requests = new BoundedSet(limit);
  const requestKey = (sender: string, replyWith: string) => `${sender}\u0000${replyWith}`;
  const threads = new BoundedSet(limit);
  const answers = new BoundedMap<number>(limit);

  const followThread = (m: AclMessage) => {
    if (m.conversation_id !== undefined) threads.add(`c:${m.conversation_id}`);
    threads.add(`r:${m.id}`);
    if (m.reply_with !== undefined) threads.add(`r:${m.reply_with}`);
    for (const to of receivers(m)) {
      if (to === BROADCAST) continue;
      const key = `${to}>${m.sender}`;
      answers.set(key, Math.min(limit, (answers.get(key) ?? 0) + ANSWERS_PER_MESSAGE));
    }
  };
  const isAnswer = (m: AclMessage): boolean => {
    // The kernel's failure for a watched message names it.
    const about = m.sender === KERNEL_SENDER && isObject(m.content) ? m.content.message_id : undefined;
    if (typeof about === 'string' && watched.has(about)) return true;
    if (m.conversation_id !== undefined && threads.has(`c:${m.conversation_id}`)) return true;
    if (m.in_reply_to !== undefined && threads.has(`r:${m.in_reply_to}`)) return true;
    for (const to of receivers(m)) {
      const key = `${m.sender}>${to}`;
      const left = answers.get(key) ?? 0;
      if (left > 0) {
        answers.set(key, left - 1);
        return true;
      }
    }
    return false;
  };

  return {
    watch: (id) => watched.add(id),
    watchRequest: (sender, replyWith) => requests.add(requestKey(sender, replyWith)),
    sent(m) {
      if (m.reply_with !== undefined && requests.delete(requestKey(m.sender, m.reply_with))) watched.add(m.id);
      if (watched.has(m.id)) {
        followThread(m);
        return true;
      }
      if (!isAnswer(m)) return false;
      watched.add(m.id);
      return true;
    },
    has: (id) => watched.has(id),
  };
}
