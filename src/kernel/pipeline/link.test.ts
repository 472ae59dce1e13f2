import { describe, expect, it } from 'vitest';
import { runDue } from '../jobs';
import { transmit } from './link';
import { message, createHarness } from './stageHarness';

describe('pipeline: link policy and chaos (stage 2)', () => {
  it('latency holds a message in transit until its time, and a pair stays in order', () => {
    const h = createHarness();
    h.agent('alice');
    const bob = h.agent('bob');
    const link = h.link('alice', 'bob');
    h.fault({ id: 'slow', target: {}, probability: 1, effect: { kind: 'latency', ms: 50, jitterMs: 0 } });
    const first = message({ sender: 'alice', receiver: 'bob' });
    transmit(h.state, first, 'bob', link.id, true);
    h.state.chaos.faults.clear();
    h.state.chaos.rebuild();
    const second = message({ sender: 'alice', receiver: 'bob' });
    transmit(h.state, second, 'bob', link.id, true);
    expect(bob.inFlight.length).toBe(0);
    h.state.now = 50;
    runDue(h.state);
    expect(bob.inFlight.toArray()).toEqual([first, second]);
  });

  it('a drop on an at-most-once link dead-letters the message without telling the sender', () => {
    const h = createHarness();
    h.agent('alice');
    const bob = h.agent('bob');
    const link = h.link('alice', 'bob');
    h.fault({ id: 'lossy', target: {}, probability: 1, effect: { kind: 'drop' } });
    transmit(h.state, message({ sender: 'alice', receiver: 'bob' }), 'bob', link.id, true);
    expect(bob.inFlight.length).toBe(0);
    expect(h.state.deadLetters.list()).toMatchObject([{ reason: 'dropped' }]);
    expect(h.sentBack).toEqual([]);
    expect(h.types('chaos.injected')).toMatchObject([{ fault: 'lossy', kind: 'drop', link: link.id }]);
  });

  it('an open breaker fails messages fast with circuit-open', () => {
    const h = createHarness();
    h.agent('alice');
    h.agent('bob');
    const link = h.link('alice', 'bob', {
      delivery: 'at-most-once',
      retry: { initialMs: 100, maxMs: 1_000, maxAttempts: 3 },
      breaker: { failures: 1, windowMs: 1_000, openMs: 500 },
    });
    link.breaker!.state = 'open';
    transmit(h.state, message({ sender: 'alice', receiver: 'bob' }), 'bob', link.id, true);
    expect(h.types('message.failed')).toMatchObject([{ reason: 'circuit-open', link: link.id }]);
  });

  it('at-least-once: an unacknowledged message is resent, and a copy already accepted is discarded', () => {
    const h = createHarness();
    h.agent('alice');
    const bob = h.agent('bob');
    const link = h.link('alice', 'bob', { delivery: 'at-least-once', retry: { initialMs: 100, maxMs: 1_000, maxAttempts: 3 } });
    const m = message({ sender: 'alice', receiver: 'bob' });
    transmit(h.state, m, 'bob', link.id, true);
    expect(bob.inFlight.toArray()).toEqual([m]);
    transmit(h.state, m, 'bob', link.id, false); // a resend that crossed anyway
    expect(h.types('message.duplicate-discarded')).toMatchObject([{ messageId: m.id, agent: 'bob' }]);
    expect(bob.inFlight.length).toBe(1);
  });
});
