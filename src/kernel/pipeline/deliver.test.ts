import { describe, expect, it } from 'vitest';
import { hand, reply } from './deliver';
import { message, createHarness } from './stageHarness';

describe('pipeline: deliver (stage 5)', () => {
  it('hands a message to the live instance: in flight, recorded, a deliver effect', () => {
    const h = createHarness();
    const bob = h.agent('bob');
    bob.instance = 3;
    const m = message({ sender: 'you', receiver: 'bob' });
    hand(h.state, bob, m, 'l1');
    expect(bob.inFlight.toArray()).toEqual([m]);
    expect(h.types('message.delivered')).toMatchObject([{ messageId: m.id, to: 'bob', link: 'l1' }]);
    expect(h.effects).toEqual([{ type: 'deliver', agent: 'bob', instance: 3, message: m }]);
  });

  it('a client or the console gets a reply effect', () => {
    const h = createHarness();
    const m = message({ sender: 'bob', receiver: 'you' });
    reply(h.state, m, 'you', undefined);
    expect(h.effects).toEqual([{ type: 'reply', client: 'you', message: m }]);
    expect(h.types('message.delivered')).toMatchObject([{ to: 'you' }]);
  });
});
