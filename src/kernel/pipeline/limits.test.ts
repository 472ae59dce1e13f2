import { describe, expect, it } from 'vitest';
import { admit, refusal } from './limits';
import { message, createHarness } from './stageHarness';

describe('pipeline: limits (stage 3)', () => {
  it('a stopped or failed agent takes nothing', () => {
    const h = createHarness();
    const bob = h.agent('bob');
    bob.status = 'stopped';
    expect(admit(bob)).toBe('agent-stopped');
    bob.status = 'failed';
    expect(admit(bob)).toBe('agent-stopped');
    expect(refusal(bob, 'agent-stopped')).toBe('"bob" is failed');
  });

  it('counts queued messages against mailboxCapacity, not those in flight', () => {
    const h = createHarness();
    const bob = h.agent('bob', { mailboxCapacity: 2 });
    for (let i = 0; i < 5; i++) bob.inFlight.push(message({ sender: 'you', receiver: 'bob' }), undefined);
    expect(admit(bob)).toBe('accept');
    bob.queue.push(message({ sender: 'you', receiver: 'bob' }), undefined);
    expect(admit(bob)).toBe('accept');
    bob.queue.push(message({ sender: 'you', receiver: 'bob' }), undefined);
    expect(admit(bob)).toBe('mailbox-full');
    expect(refusal(bob, 'mailbox-full')).toBe('2 messages already queued');
  });

  it('overflow drop-oldest evicts instead of refusing', () => {
    const h = createHarness();
    const bob = h.agent('bob', { mailboxCapacity: 1, overflow: 'drop-oldest' });
    bob.queue.push(message({ sender: 'you', receiver: 'bob' }), undefined);
    expect(admit(bob)).toBe('evict-oldest');
  });

  it('a loading, restarting or suspended agent still takes messages (they queue)', () => {
    const h = createHarness();
    const bob = h.agent('bob');
    for (const status of ['loading', 'restarting', 'suspended'] as const) {
      bob.status = status;
      expect(admit(bob)).toBe('accept');
    }
  });
});
