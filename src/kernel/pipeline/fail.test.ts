import { describe, expect, it } from 'vitest';
import { failMessage } from './fail';
import { message, createHarness } from './stageHarness';

describe('pipeline: fail (the exit from any stage)', () => {
  it('records the failure, dead-letters the message and tells the sender, answering its reply_with', () => {
    const h = createHarness();
    const m = message({ sender: 'alice', receiver: 'bob', reply_with: 'q1', conversation_id: 'c1' });
    failMessage(h.state, m, 'bob', 'agent-stopped', '"bob" is stopped', undefined);
    expect(h.events.map((e) => e.type)).toEqual(['message.failed', 'message.dead-lettered']);
    expect(h.state.deadLetters.list()).toMatchObject([{ message: m, to: 'bob', reason: 'agent-stopped' }]);
    expect(h.sentBack).toEqual([
      {
        sender: 'kernel',
        draft: {
          performative: 'failure',
          receiver: 'alice',
          content: { reason: 'agent-stopped', message_id: m.id, receiver: 'bob', detail: '"bob" is stopped' },
          in_reply_to: 'q1',
          conversation_id: 'c1',
        },
      },
    ]);
  });

  it('never answers a failure of a kernel message (nothing can loop)', () => {
    const h = createHarness();
    failMessage(h.state, message({ sender: 'kernel', receiver: 'bob' }), 'bob', 'agent-stopped', undefined, undefined);
    expect(h.sentBack).toEqual([]);
    expect(h.state.deadLetters.total).toBe(1);
  });

  it('a request over a link with requestRetry is sent again later instead of answered', () => {
    const h = createHarness();
    h.agent('alice');
    h.agent('bob');
    const link = h.link('alice', 'bob', {
      delivery: 'at-most-once',
      retry: { initialMs: 100, maxMs: 1_000, maxAttempts: 3 },
      requestRetry: { maxAttempts: 2, initialMs: 50, maxMs: 50 },
    });
    const m = message({ sender: 'alice', receiver: 'bob', performative: 'request', reply_with: 'q1' });
    failMessage(h.state, m, 'bob', 'agent-crashed', undefined, link.id);
    expect(h.sentBack).toEqual([]);
    expect(h.state.scheduler.next()).toBe(50);
    failMessage(h.state, m, 'bob', 'agent-crashed', undefined, link.id);
    expect(h.sentBack).toHaveLength(1); // the last attempt is answered
  });
});
