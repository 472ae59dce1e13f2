import { describe, expect, it } from 'vitest';
import { enqueue, enqueueEvictingOldest, handled, pump, requeueInFlight } from './mailbox';
import { message, createHarness } from './stageHarness';

describe('pipeline: mailbox (stage 4)', () => {
  it('hands messages over up to the window, queues the rest, and pumps as they are handled', () => {
    const h = createHarness({ window: 2 });
    const bob = h.agent('bob');
    const sent = [1, 2, 3].map(() => message({ sender: 'you', receiver: 'bob' }));
    for (const m of sent) enqueue(h.state, bob, m, undefined);
    expect(bob.inFlight.toArray()).toEqual(sent.slice(0, 2));
    expect(bob.queue.toArray()).toEqual([sent[2]]);
    expect(handled(h.state, bob, sent[0]!.id, undefined)).toBe(sent[0]);
    expect(bob.inFlight.toArray()).toEqual([sent[1], sent[2]]);
    expect(h.types('message.handled')).toMatchObject([{ messageId: sent[0]!.id, agent: 'bob' }]);
  });

  it('queues without handing over while the agent is not running, and pumps when it runs', () => {
    const h = createHarness();
    const bob = h.agent('bob');
    bob.status = 'restarting';
    const m = message({ sender: 'you', receiver: 'bob' });
    enqueue(h.state, bob, m, undefined);
    expect(h.effects).toEqual([]);
    bob.status = 'running';
    pump(h.state, bob);
    expect(h.effects).toMatchObject([{ type: 'deliver', agent: 'bob', message: m }]);
  });

  it('requeues what was in flight at the front, in order', () => {
    const h = createHarness({ window: 2 });
    const bob = h.agent('bob');
    const sent = [1, 2, 3].map(() => message({ sender: 'you', receiver: 'bob' }));
    for (const m of sent) enqueue(h.state, bob, m, undefined);
    requeueInFlight(bob);
    expect(bob.inFlight.length).toBe(0);
    expect(bob.queue.toArray()).toEqual(sent);
  });

  it("drop-oldest: the newest takes the oldest queued one's place, which fails mailbox-full", () => {
    const h = createHarness({ window: 1 });
    const bob = h.agent('bob', { mailboxCapacity: 1, overflow: 'drop-oldest' });
    const [busy, oldest, newest] = [1, 2, 3].map(() => message({ sender: 'you', receiver: 'bob' }));
    enqueue(h.state, bob, busy!, undefined);
    enqueue(h.state, bob, oldest!, undefined);
    enqueueEvictingOldest(h.state, bob, newest!, undefined);
    expect(bob.queue.toArray()).toEqual([newest]);
    expect(h.types('message.failed')).toMatchObject([{ messageId: oldest!.id, reason: 'mailbox-full' }]);
    expect(h.sentBack).toMatchObject([{ draft: { performative: 'failure', receiver: 'you' } }]);
  });

  it('a handled report for a message not in flight changes nothing', () => {
    const h = createHarness();
    const bob = h.agent('bob');
    expect(handled(h.state, bob, 'nope', undefined)).toBeUndefined();
    expect(h.events).toEqual([]);
  });
});
