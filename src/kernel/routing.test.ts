import { describe, expect, it } from 'vitest';
import type { AclMessage } from '../protocol/message';
import { createTestWorkbench, type AgentHandler } from './shell';

const sink: AgentHandler = () => undefined;
const echo: AgentHandler = (m, ctx) => ctx.reply(m, { performative: 'inform', content: m.content });

function network() {
  const wb = createTestWorkbench({ seed: 7, kinds: { sink, echo } });
  for (const name of ['a', 'b', 'c', 'd']) wb.deploy(name, 'sink');
  wb.link('a', 'b');
  wb.link('a', 'c');
  return wb;
}

const contents = (messages: AclMessage[]) => messages.map((m) => m.content);

describe('routing', () => {
  it('delivers a direct message along a link and stamps the envelope', () => {
    const wb = network();
    wb.sendAs('a', { performative: 'inform', receiver: 'b', content: 1, sender: 'forged' });
    const [message] = wb.messagesTo('b');
    expect(message).toMatchObject({ id: expect.stringMatching(/^m\d+$/), sender: 'a', receiver: 'b', content: 1, sent_at: 0 });
    expect(wb.eventsOf('message.delivered').at(-1)).toMatchObject({ messageId: message!.id, to: 'b', link: 'l1' });
    expect(wb.eventsOf('message.sent').at(-1)!.message).toEqual(message);
  });

  it('delivers to each name of a list once', () => {
    const wb = network();
    wb.sendAs('a', { performative: 'inform', receiver: ['b', 'c', 'b'], content: 'x' });
    expect(contents(wb.messagesTo('b'))).toEqual(['x']);
    expect(contents(wb.messagesTo('c'))).toEqual(['x']);
  });

  it('broadcasts to every node linked to the sender, and from the console to every agent', () => {
    const wb = network();
    wb.client('web');
    wb.link('a', 'web');
    wb.sendAs('a', { performative: 'inform', receiver: '*', content: 'all' });
    expect(contents(wb.messagesTo('b'))).toEqual(['all']);
    expect(contents(wb.messagesTo('c'))).toEqual(['all']);
    expect(contents(wb.messagesTo('web'))).toEqual(['all']);
    expect(wb.messagesTo('d')).toEqual([]);
    expect(wb.messagesTo('a')).toEqual([]);
    wb.send({ performative: 'inform', receiver: '*', content: 'console' });
    for (const name of ['a', 'b', 'c', 'd']) expect(contents(wb.messagesTo(name))).toContain('console');
  });

  it('publishes to every subscriber of a topic except the sender', () => {
    const wb = network();
    wb.topic('orders');
    for (const name of ['a', 'b', 'd']) wb.link(name, 'orders');
    wb.sendAs('a', { performative: 'inform', receiver: 'topic:orders', content: 'o1' });
    expect(contents(wb.messagesTo('b'))).toEqual(['o1']);
    expect(contents(wb.messagesTo('d'))).toEqual(['o1']);
    expect(wb.messagesTo('a')).toEqual([]);
    expect(wb.messagesTo('c')).toEqual([]);
    // the hop into the topic is recorded, with its link
    expect(wb.eventsOf('message.delivered').find((e) => e.to === 'topic:orders')).toMatchObject({ link: 'l3' });
  });

  it('records a publication with no subscribers and fails an unlinked publisher', () => {
    const wb = network();
    wb.topic('empty');
    wb.link('a', 'empty');
    wb.sendAs('a', { performative: 'inform', receiver: 'topic:empty' });
    expect(wb.eventsOf('message.delivered').at(-1)).toMatchObject({ to: 'topic:empty' });
    expect(wb.eventsOf('message.failed')).toEqual([]);
    wb.sendAs('b', { performative: 'inform', receiver: 'topic:empty', reply_with: 'p1' });
    expect(wb.eventsOf('message.failed').at(-1)).toMatchObject({ to: 'topic:empty', reason: 'no-route' });
    wb.sendAs('b', { performative: 'inform', receiver: 'topic:nope' });
    expect(wb.eventsOf('message.failed').at(-1)).toMatchObject({ to: 'topic:nope', reason: 'unknown-receiver' });
  });

  it('fails a send with no link: failure from "kernel" to the sender, dead letter, event', () => {
    const wb = network();
    wb.sendAs('b', { performative: 'request', receiver: 'c', content: 1, reply_with: 'q1', conversation_id: 'conv' });
    const original = wb.eventsOf('message.sent').find((e) => e.message.sender === 'b')!.message;
    expect(wb.eventsOf('message.failed')).toMatchObject([{ messageId: original.id, to: 'c', reason: 'no-route' }]);
    expect(wb.eventsOf('message.dead-lettered')).toMatchObject([{ message: original, to: 'c', reason: 'no-route' }]);
    expect(wb.messagesTo('c')).toEqual([]);
    expect(wb.messagesTo('b')).toMatchObject([
      {
        performative: 'failure',
        sender: 'kernel',
        receiver: 'b',
        in_reply_to: 'q1',
        conversation_id: 'conv',
        content: { reason: 'no-route', message_id: original.id, receiver: 'c' },
      },
    ]);
  });

  it('fails an unknown receiver, and a bare topic name with a hint', () => {
    const wb = network();
    wb.topic('news');
    wb.sendAs('a', { performative: 'inform', receiver: 'ghost' });
    wb.sendAs('a', { performative: 'inform', receiver: 'news' });
    expect(wb.messagesTo('a').map((m) => m.content)).toMatchObject([
      { reason: 'unknown-receiver', receiver: 'ghost' },
      { reason: 'unknown-receiver', detail: '"news" is a topic: address it as "topic:news"' },
    ]);
  });

  it('lets the console reach every node and get replies directly', () => {
    const wb = network();
    wb.deploy('e', 'echo');
    const result = wb.send({ performative: 'request', receiver: 'e', content: 'ping', reply_with: 'r1' });
    expect(result.error).toBeUndefined();
    expect(wb.messagesTo('you')).toMatchObject([{ performative: 'inform', sender: 'e', content: 'ping', in_reply_to: 'r1' }]);
  });

  it('routes client messages along links and replies to clients with reply effects', () => {
    const wb = network();
    wb.deploy('e', 'echo');
    wb.client('shop');
    wb.send({ performative: 'request', receiver: 'e', content: 1 }, 'shop');
    expect(wb.messagesTo('shop')).toMatchObject([{ performative: 'failure', content: { reason: 'no-route' } }]);
    wb.link('shop', 'e');
    wb.send({ performative: 'request', receiver: 'e', content: 2, sender: 'shop' });
    expect(wb.messagesTo('shop').at(-1)).toMatchObject({ sender: 'e', content: 2 });
  });

  it('refuses console messages that are invalid or claim another sender, without throwing', () => {
    const wb = network();
    const bad = wb.send({ performative: 'inform', receiver: 42 });
    expect(bad.error).toMatchObject({ code: 'ORR001' });
    expect(bad.events).toMatchObject([{ type: 'message.invalid', from: 'you', error: expect.stringContaining('receiver: expected') }]);
    expect(wb.send({ performative: 'inform', receiver: 'b', sender: 'a' }).error).toMatchObject({ code: 'ORR016' });
    expect(wb.send({ performative: 'inform', receiver: 'b' }, 'nobody').error).toMatchObject({ code: 'ORR016' });
    expect(wb.send('{"performative":"inform","receiver":"b","content":"' + 'x'.repeat(2_000_000) + '"}').error).toMatchObject({
      code: 'ORR002',
    });
    expect(wb.eventsOf('message.sent').filter((e) => e.message.sender !== 'kernel')).toEqual([]);
  });

  it("records an agent's invalid send as message.invalid plus a log line, and sends nothing back", () => {
    const wb = network();
    wb.sendAs('a', { performative: 'inform', receiver: 'b', colour: 'red' });
    expect(wb.eventsOf('message.invalid')).toMatchObject([{ from: 'a', error: expect.stringContaining('colour') }]);
    expect(wb.eventsOf('log')).toMatchObject([{ agent: 'a', level: 'warn' }]);
    expect(wb.messagesTo('a')).toEqual([]);
  });

  it("applies the agent's own size limit to its sends", () => {
    const wb = network();
    wb.deploy('tiny', 'sink', { limits: { maxMessageBytes: 100 } });
    wb.link('tiny', 'a');
    wb.sendAs('tiny', JSON.stringify({ performative: 'inform', receiver: 'a', content: 'x'.repeat(200) }));
    expect(wb.eventsOf('message.invalid')).toMatchObject([
      { from: 'tiny', error: expect.stringContaining('(message): expected at most 100 bytes') },
    ]);
  });

  it('delivers in FIFO order per sender→receiver pair, through a held (busy) receiver', () => {
    const wb = network();
    wb.hold('b');
    for (let i = 0; i < 100; i++) wb.sendAs('a', { performative: 'inform', receiver: 'b', content: i });
    expect(wb.kernel.mailbox('b')).toHaveLength(100);
    expect(wb.snapshot().agents.find((x) => x.name === 'b')!.mailboxDepth).toBe(100);
    wb.release('b');
    expect(contents(wb.messagesTo('b'))).toEqual([...Array(100).keys()]);
  });

  it('keeps at most maxInFlight deliveries outstanding per agent', () => {
    const wb = createTestWorkbench({ kinds: { sink }, kernel: { maxInFlight: 4 } });
    wb.deploy('a', 'sink');
    wb.deploy('b', 'sink');
    wb.link('a', 'b');
    wb.hold('b');
    for (let i = 0; i < 10; i++) wb.sendAs('a', { performative: 'inform', receiver: 'b', content: i });
    expect(wb.eventsOf('message.delivered').filter((e) => e.to === 'b')).toHaveLength(4);
    wb.release('b');
    expect(wb.eventsOf('message.delivered').filter((e) => e.to === 'b')).toHaveLength(10);
  });

  it('fails messages beyond the mailbox capacity with mailbox-full', () => {
    const wb = createTestWorkbench({ kinds: { sink }, kernel: { maxInFlight: 1 } });
    wb.deploy('a', 'sink');
    wb.deploy('b', 'sink', { limits: { mailboxCapacity: 2 } });
    wb.link('a', 'b');
    wb.hold('b');
    for (let i = 0; i < 5; i++) wb.sendAs('a', { performative: 'inform', receiver: 'b', content: i });
    // one in flight, two queued, two refused
    expect(wb.eventsOf('message.failed').map((e) => e.reason)).toEqual(['mailbox-full', 'mailbox-full']);
    expect(wb.eventsOf('message.dead-lettered')).toHaveLength(2);
    expect(wb.messagesTo('a').map((m) => m.content)).toMatchObject([{ reason: 'mailbox-full' }, { reason: 'mailbox-full' }]);
    wb.release('b');
    expect(contents(wb.messagesTo('b'))).toEqual([0, 1, 2]);
  });

  it('answers a guest error with not-understood from that agent', () => {
    const wb = createTestWorkbench({ kinds: { picky: () => 'cannot parse' } });
    wb.deploy('p', 'picky');
    wb.send({ performative: 'request', receiver: 'p', content: 1, reply_with: 'r9' });
    const sent = wb.eventsOf('message.sent')[0]!.message;
    expect(wb.eventsOf('message.handled')).toMatchObject([{ messageId: sent.id, agent: 'p', error: 'cannot parse' }]);
    expect(wb.messagesTo('you')).toMatchObject([
      {
        performative: 'not-understood',
        sender: 'p',
        in_reply_to: 'r9',
        content: { reason: 'cannot parse', original: { performative: 'request', id: sent.id } },
      },
    ]);
  });

  it('never throws out of step for garbage input', () => {
    const wb = network();
    for (const input of [
      null,
      42,
      {},
      { type: 'nope' },
      { type: 'agent.deploy' },
      { type: 'link.add', a: 1 },
      { type: 'agent.handled', agent: 'a', instance: 1 },
    ]) {
      expect(() => wb.kernel.step(input as never)).not.toThrow();
    }
  });
});
