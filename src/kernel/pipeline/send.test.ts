import { describe, expect, it } from 'vitest';
import { createHarness } from './stageHarness';
import { sendMessage } from './send';

describe('pipeline: send (the entry)', () => {
  it('stamps a draft with an id, sender and time, records message.sent and routes it', () => {
    const h = createHarness();
    const bob = h.agent('bob');
    h.state.now = 42;
    const sent = sendMessage(h.state, { performative: 'request', receiver: 'bob', content: { n: 1 } }, 'you', undefined);
    expect(sent).toMatchObject({ id: 'm1', sender: 'you', receiver: 'bob', sent_at: 42, content: { n: 1 } });
    expect(h.events.map((e) => e.type)).toEqual(['message.sent', 'message.delivered']);
    expect(bob.inFlight.toArray()).toEqual([sent]);
  });

  it('opens a pending request when the draft asks for a reply by a deadline, not for the kernel', () => {
    const h = createHarness();
    h.agent('bob');
    sendMessage(h.state, { performative: 'request', receiver: 'bob', reply_with: 'q1', reply_by: 100 }, 'you', undefined);
    expect(h.state.correlation.size).toBe(1);
    sendMessage(h.state, { performative: 'failure', receiver: 'bob', reply_with: 'q2', reply_by: 100 }, 'kernel', undefined);
    expect(h.state.correlation.size).toBe(1);
  });

  it('gives a missing content null and copies a list receiver', () => {
    const h = createHarness();
    h.agent('a');
    h.agent('b');
    const receivers = ['a', 'b'];
    const sent = sendMessage(h.state, { performative: 'inform', receiver: receivers }, 'you', undefined);
    expect(sent.content).toBeNull();
    expect(sent.receiver).not.toBe(receivers);
    expect(sent.receiver).toEqual(['a', 'b']);
  });
});
