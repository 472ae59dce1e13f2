import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../kernel/types';
import { decodeEvents, encodeEvents } from './eventWire';

describe('event batches on the wire to the UI', () => {
  it('arrive as they were sent: nested messages, unicode, optional fields', () => {
    const events = [
      {
        type: 'message.sent',
        seq: 7,
        t: 1795281657570.1702,
        message: {
          id: 'm1',
          performative: 'inform',
          sender: 'a',
          receiver: ['b', 'c'],
          content: { text: 'héllo \u2028 😀', n: [1, 2.5, null] },
          sent_at: 12,
        },
      },
      { type: 'message.delivered', seq: 8, t: 13, messageId: 'm1', to: 'b', link: 'l1' },
      { type: 'message.failed', seq: 9, t: 14, messageId: 'm1', to: 'c', reason: 'no-route' },
    ] as unknown as KernelEvent[];
    const wire = encodeEvents(events);
    expect(typeof wire).toBe('string');
    expect(decodeEvents(wire)).toEqual(events);
  });

  it('an empty batch stays empty', () => {
    expect(decodeEvents(encodeEvents([]))).toEqual([]);
  });
});
