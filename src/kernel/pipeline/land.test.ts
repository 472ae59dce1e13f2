import { describe, expect, it } from 'vitest';
import { land } from './land';
import { message, createHarness } from './stageHarness';

describe('pipeline: land (limits, then mailbox or reply)', () => {
  it('an agent that cannot take the message fails it with the limit that refused', () => {
    const h = createHarness();
    const bob = h.agent('bob');
    bob.status = 'stopped';
    land(h.state, message({ sender: 'you', receiver: 'bob' }), bob, 'bob', undefined);
    expect(h.types('message.failed')).toMatchObject([{ reason: 'agent-stopped', detail: '"bob" is stopped' }]);
  });

  it('a reply settles the request it answers; one after the timeout is delivered with a warning', () => {
    const h = createHarness();
    const alice = h.agent('alice');
    const request = message({ sender: 'alice', receiver: 'bob', reply_with: 'q1', reply_by: 10 });
    h.state.correlation.register(request);
    land(h.state, message({ sender: 'bob', receiver: 'alice', in_reply_to: 'q1' }), alice, 'alice', undefined);
    expect(h.state.correlation.size).toBe(0);

    const late = message({ sender: 'alice', receiver: 'bob', reply_with: 'q2', reply_by: 10 });
    h.state.correlation.register(late);
    for (const due of h.state.correlation.takeDue(10)) h.state.correlation.rememberTimeout(due);
    land(h.state, message({ sender: 'bob', receiver: 'alice', in_reply_to: 'q2' }), alice, 'alice', undefined);
    expect(h.types('log')).toMatchObject([{ agent: 'kernel', level: 'warn' }]);
    expect(alice.inFlight.length).toBe(2);
  });
});
