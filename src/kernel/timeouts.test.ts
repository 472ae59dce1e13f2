import { describe, expect, it } from 'vitest';
import { createTestWorkbench, type AgentHandler } from './shell';

const silent: AgentHandler = () => undefined;
const echo: AgentHandler = (m, ctx) => ctx.reply(m, { performative: 'inform', content: m.content });

function setup() {
  const wb = createTestWorkbench({ seed: 11, kinds: { silent, echo } });
  wb.deploy('s', 'silent');
  wb.deploy('e', 'echo');
  return wb;
}

describe('request deadlines', () => {
  it('sends the requester a timeout failure when reply_by passes without a reply', () => {
    const wb = setup();
    const sent = wb.send({ performative: 'request', receiver: 's', reply_with: 'r1', reply_by: 100, conversation_id: 'c' });
    expect(sent.effects).toContainEqual({ type: 'timer', at: 100 });
    expect(wb.kernel.nextTimer()).toBe(100);
    wb.tick(99);
    expect(wb.messagesTo('you')).toEqual([]);
    wb.tick(1);
    expect(wb.messagesTo('you')).toMatchObject([
      {
        performative: 'failure',
        sender: 'kernel',
        in_reply_to: 'r1',
        conversation_id: 'c',
        sent_at: 100,
        content: { reason: 'timeout', receiver: 's' },
      },
    ]);
    expect(wb.kernel.nextTimer()).toBeUndefined();
  });

  it('does not time out a request that was answered', () => {
    const wb = setup();
    wb.send({ performative: 'request', receiver: 'e', content: 1, reply_with: 'r1', reply_by: 50 });
    expect(wb.kernel.nextTimer()).toBeUndefined();
    wb.tick(1000);
    expect(wb.messagesTo('you')).toMatchObject([{ performative: 'inform', content: 1 }]);
  });

  it('times out requests between agents, in deadline order, at the tick that reaches them', () => {
    const wb = setup();
    wb.deploy('asker', 'silent');
    wb.link('asker', 's');
    wb.sendAs('asker', { performative: 'request', receiver: 's', reply_with: 'late', reply_by: 300 });
    wb.sendAs('asker', { performative: 'request', receiver: 's', reply_with: 'early', reply_by: 200 });
    wb.tick(1000);
    expect(wb.messagesTo('asker').map((m) => [m.in_reply_to, m.sent_at])).toEqual([
      ['early', 200],
      ['late', 300],
    ]);
  });

  it('settles a request with a kernel failure (no-route): no second failure at the deadline', () => {
    const wb = setup();
    wb.deploy('lonely', 'silent');
    wb.sendAs('lonely', { performative: 'request', receiver: 's', reply_with: 'r', reply_by: 10 });
    wb.tick(100);
    expect(wb.messagesTo('lonely').map((m) => (m.content as { reason: string }).reason)).toEqual(['no-route']);
  });

  it('still delivers a late reply, and records it as late', () => {
    const wb = setup();
    wb.send({ performative: 'request', receiver: 's', reply_with: 'r1', reply_by: 10 });
    wb.tick(20);
    wb.sendAs('s', { performative: 'inform', receiver: 'you', in_reply_to: 'r1', content: 'sorry' });
    expect(wb.messagesTo('you').map((m) => m.performative)).toEqual(['failure', 'inform']);
    expect(wb.eventsOf('log').at(-1)).toMatchObject({ agent: 'kernel', level: 'warn', text: expect.stringContaining('late reply') });
  });

  it('re-arms the timer for an earlier deadline only', () => {
    const wb = setup();
    const first = wb.send({ performative: 'request', receiver: 's', reply_with: 'a', reply_by: 500 });
    const later = wb.send({ performative: 'request', receiver: 's', reply_with: 'b', reply_by: 900 });
    const earlier = wb.send({ performative: 'request', receiver: 's', reply_with: 'c', reply_by: 100 });
    expect(first.effects.filter((e) => e.type === 'timer')).toEqual([{ type: 'timer', at: 500 }]);
    expect(later.effects.filter((e) => e.type === 'timer')).toEqual([]);
    expect(earlier.effects.filter((e) => e.type === 'timer')).toEqual([{ type: 'timer', at: 100 }]);
    const tick = (wb.clock.set(100), wb.input({ type: 'tick' }));
    expect(tick.effects.filter((e) => e.type === 'timer')).toEqual([{ type: 'timer', at: 500 }]);
  });

  it('forgets the requests of a removed node', () => {
    const wb = setup();
    wb.client('c');
    wb.link('c', 's');
    wb.send({ performative: 'request', receiver: 's', reply_with: 'r', reply_by: 10 }, 'c');
    wb.command({ type: 'node.remove', name: 'c' });
    expect(wb.kernel.nextTimer()).toBeUndefined();
  });
});
