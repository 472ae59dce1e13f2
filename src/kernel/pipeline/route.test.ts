import { describe, expect, it } from 'vitest';
import { message, createHarness } from './stageHarness';
import { route } from './route';

describe('pipeline: route (stage 1)', () => {
  it('needs a link between two nodes; the console reaches every node without one', () => {
    const h = createHarness();
    const alice = h.agent('alice');
    const bob = h.agent('bob');
    route(h.state, message({ sender: 'alice', receiver: 'bob' }), alice);
    expect(h.types('message.failed')).toMatchObject([{ to: 'bob', reason: 'no-route' }]);
    expect(bob.inFlight.length).toBe(0);
    route(h.state, message({ sender: 'you', receiver: 'bob' }), undefined);
    expect(bob.inFlight.length).toBe(1);
  });

  it('delivers over the link and names it', () => {
    const h = createHarness();
    const alice = h.agent('alice');
    h.agent('bob');
    const link = h.link('alice', 'bob');
    const m = message({ sender: 'alice', receiver: 'bob' });
    route(h.state, m, alice);
    expect(h.types('message.delivered')).toMatchObject([{ messageId: m.id, to: 'bob', link: link.id }]);
  });

  it('broadcast from an agent reaches only its linked peers; a list reaches each name once', () => {
    const h = createHarness();
    const alice = h.agent('alice');
    h.agent('bob');
    h.agent('carol');
    h.agent('dave');
    h.link('alice', 'bob');
    h.link('alice', 'carol');
    route(h.state, message({ sender: 'alice', receiver: '*' }), alice);
    expect(h.types('message.delivered').map((e) => e.to)).toEqual(['bob', 'carol']);
    h.events.length = 0;
    route(h.state, message({ sender: 'you', receiver: ['bob', 'bob', 'dave'] }), undefined);
    expect(h.types('message.delivered').map((e) => e.to)).toEqual(['bob', 'dave']);
  });

  it('publishes to a topic: the hop into it, then every subscriber but the sender', () => {
    const h = createHarness();
    const alice = h.agent('alice');
    h.agent('bob');
    h.state.registry.add({ type: 'topic', name: 'news', peers: new Map() });
    h.link('alice', 'news');
    h.link('bob', 'news');
    route(h.state, message({ sender: 'alice', receiver: 'topic:news' }), alice);
    expect(h.types('message.delivered').map((e) => e.to)).toEqual(['topic:news', 'bob']);
  });

  it('an unknown receiver or a bare topic name fails with unknown-receiver and a hint', () => {
    const h = createHarness();
    h.state.registry.add({ type: 'topic', name: 'news', peers: new Map() });
    route(h.state, message({ sender: 'you', receiver: 'ghost' }), undefined);
    route(h.state, message({ sender: 'you', receiver: 'news' }), undefined);
    expect(h.types('message.failed').map((e) => [e.reason, e.detail])).toEqual([
      ['unknown-receiver', 'no agent or client named "ghost"'],
      ['unknown-receiver', '"news" is a topic: address it as "topic:news"'],
    ]);
  });
});
