import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../kernel/types';
import type { AclMessage } from '../../protocol/message';
import { filterBatch } from './conversationFilter';

const message = (id: string, conversation: string | undefined, sender = 'c'): AclMessage => ({
  id,
  sender,
  receiver: 'echo',
  performative: 'request',
  content: null,
  sent_at: 0,
  ...(conversation ? { conversation_id: conversation } : {}),
});

const events: KernelEvent[] = [
  { seq: 1, t: 0, type: 'message.sent', message: message('m1', 'a') },
  { seq: 2, t: 0, type: 'message.sent', message: message('m2', 'b') },
  { seq: 3, t: 1, type: 'message.delivered', messageId: 'm1', to: 'echo', link: 'l' },
  { seq: 4, t: 1, type: 'message.delivered', messageId: 'm2', to: 'echo', link: 'l' },
  { seq: 5, t: 2, type: 'kv.set', agent: 'echo', key: 'k', value: 'v' },
  { seq: 6, t: 2, type: 'message.handled', messageId: 'm2', agent: 'echo' },
  { seq: 7, t: 3, type: 'message.invalid', from: 'you', error: 'bad' },
];
const conversationOf = (id: string) => ({ m1: 'a', m2: 'b' })[id];

describe('filterBatch', () => {
  it('passes everything when no conversation is selected', () => {
    expect(filterBatch(events, undefined, conversationOf)).toEqual({ events });
  });

  it("keeps the conversation's message events and everything that is not about a message", () => {
    const { events: kept } = filterBatch(events, 'a', conversationOf);
    expect(kept.map((e) => e.seq)).toEqual([1, 3, 5]);
  });

  it('tallies what it leaves out, so counters and the position in the log stay exact', () => {
    const { tally } = filterBatch(events, 'a', conversationOf);
    expect(tally?.lastSeq).toBe(7);
    expect(tally?.agents).toEqual({
      c: { sent: 1, delivered: 0, failed: 0, handled: 0 },
      echo: { sent: 0, delivered: 1, failed: 0, handled: 1 },
    });
    expect(tally?.links.l?.to).toEqual({ echo: 1 });
  });
});
