import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../kernel/types';
import { createUiStream } from './createUiStream';
import { emptyTally, mergeTallies } from './tallyMessages';

let seq = 0;
const at = <T extends object>(body: T, t = seq) => ({ ...body, seq: seq++, t }) as unknown as KernelEvent;
const sent = (id: string, sender = 'a', t?: number) =>
  at({ type: 'message.sent', message: { id, performative: 'inform', sender, receiver: 'b', content: {}, sent_at: t ?? seq } }, t);
const delivered = (id: string, to = 'b', t?: number) => at({ type: 'message.delivered', messageId: id, to, link: 'l1' }, t);
const handled = (id: string, agent = 'b') => at({ type: 'message.handled', messageId: id, agent });
const failed = (id: string, to = 'b') => at({ type: 'message.failed', messageId: id, to, reason: 'no-route' });
const status = (agent: string) => at({ type: 'agent.status', agent, status: 'running' });
const exchange = (id: string) => [sent(id), delivered(id), handled(id)];
const types = (events: readonly KernelEvent[]) => events.map((e) => e.type);

describe('the UI stream of a page subscription', () => {
  it('sends lifecycle events whole and only tallies of messages while no message panel is open', () => {
    const stream = createUiStream();
    const events = [status('a'), ...exchange('m1'), ...exchange('m2'), failed('m3')];
    const batch = stream.take(events);
    expect(types(batch.events)).toEqual(['agent.status']);
    expect(batch.tally?.agents).toEqual({
      a: { sent: 2, delivered: 0, failed: 0, handled: 0 },
      b: { sent: 0, delivered: 2, failed: 1, handled: 2 },
    });
    expect(batch.tally?.links.l1?.to).toEqual({ b: 2 });
    expect(batch.tally?.lastSeq).toBe(events.at(-1)!.seq);
    expect(batch.sample).toBeUndefined();
  });

  it('sends whole messages up to the cap while a message panel is open, with their later events, and tallies the rest', () => {
    const stream = createUiStream({ messageCap: 2 });
    stream.setInterest({ messages: true });
    const first = stream.take([sent('m1'), sent('m2'), sent('m3'), delivered('m1')]);
    expect(first.events.map((e) => (e.type === 'message.sent' ? e.message.id : e.type))).toEqual(['m1', 'm2', 'message.delivered']);
    expect(first.sample).toEqual({ shown: 2, total: 3 });
    expect(first.tally?.agents.a?.sent).toBe(1);
    // The next batch: follow-ups of shown messages whole, of the sampled-out one tallied.
    const second = stream.take([delivered('m2'), delivered('m3'), handled('m2')]);
    expect(types(second.events)).toEqual(['message.delivered', 'message.handled']);
    expect(second.tally?.agents.b).toEqual({ sent: 0, delivered: 1, failed: 0, handled: 0 });
  });

  it('stops sending new messages whole when the panel closes', () => {
    const stream = createUiStream();
    stream.setInterest({ messages: true });
    expect(types(stream.take([sent('m1')]).events)).toEqual(['message.sent']);
    stream.setInterest({ messages: false });
    const batch = stream.take([sent('m2'), delivered('m1')]);
    // m1 was shown: its delivery still goes whole (its row is in the log).
    expect(types(batch.events)).toEqual(['message.delivered']);
    expect(batch.tally?.agents.a?.sent).toBe(1);
  });

  it('tallies the latency of left-out deliveries from the send time', () => {
    const stream = createUiStream();
    const batch = stream.take([sent('m1', 'a', 100), delivered('m1', 'b', 130), sent('m2', 'a', 200), delivered('m2', 'b', 210)]);
    expect(batch.tally?.links.l1).toMatchObject({ timed: 2, latencySumMs: 40, latencyMaxMs: 30, latencyLastMs: 10 });
  });

  it('sends the events of a watched message whole while no message panel is open', () => {
    const stream = createUiStream();
    stream.watch('m1');
    const batch = stream.take([sent('m1'), sent('m2'), delivered('m1'), failed('m2')]);
    expect(batch.events.map((e) => [e.type, 'messageId' in e ? e.messageId : e.type === 'message.sent' ? e.message.id : ''])).toEqual([
      ['message.sent', 'm1'],
      ['message.delivered', 'm1'],
    ]);
    expect(batch.tally?.agents).toEqual({
      a: { sent: 1, delivered: 0, failed: 0, handled: 0 },
      b: { sent: 0, delivered: 0, failed: 1, handled: 0 },
    });
  });

  it('follows the replies to a watched message and their conversation', () => {
    const stream = createUiStream();
    const request = at({
      type: 'message.sent',
      message: {
        id: 'q',
        performative: 'request',
        sender: 'you',
        receiver: 'b',
        content: {},
        conversation_id: 'c1',
        reply_with: 'r1',
        sent_at: 0,
      },
    });
    const reply = at({
      type: 'message.sent',
      message: { id: 'a1', performative: 'inform', sender: 'b', receiver: 'you', content: {}, in_reply_to: 'r1', sent_at: 0 },
    });
    const later = at({
      type: 'message.sent',
      message: { id: 'a2', performative: 'inform', sender: 'b', receiver: 'you', content: {}, conversation_id: 'c1', sent_at: 0 },
    });
    stream.watch('q');
    expect(types(stream.take([request, sent('other')]).events)).toEqual(['message.sent']);
    expect(stream.take([reply, later, delivered('a1', 'you')]).events).toEqual([
      reply,
      later,
      expect.objectContaining({ messageId: 'a1' }),
    ]);
  });

  it('follows a few answers from the receiver back to the sender of a watched message', () => {
    const stream = createUiStream();
    stream.watch('q');
    const back = (id: string) => sent(id, 'b');
    const request = at({
      type: 'message.sent',
      message: { id: 'q', performative: 'request', sender: 'you', receiver: 'b', content: {}, sent_at: 0 },
    });
    const answers = Array.from({ length: 10 }, (_, i) =>
      at({ type: 'message.sent', message: { id: `a${i}`, performative: 'inform', sender: 'b', receiver: 'you', content: {}, sent_at: 0 } }),
    );
    const batch = stream.take([request, back('unrelated'), ...answers]);
    expect(batch.events.map((e) => (e.type === 'message.sent' ? e.message.id : ''))).toEqual([
      'q',
      'a0',
      'a1',
      'a2',
      'a3',
      'a4',
      'a5',
      'a6',
      'a7',
    ]);
  });

  it("follows the kernel's failure for a watched message", () => {
    const stream = createUiStream();
    stream.watch('q');
    const request = at({
      type: 'message.sent',
      message: { id: 'q', performative: 'request', sender: 'you', receiver: 'ghost', content: {}, sent_at: 0 },
    });
    const failure = at({
      type: 'message.sent',
      message: {
        id: 'f',
        performative: 'failure',
        sender: 'kernel',
        receiver: 'you',
        content: { reason: 'unknown-receiver', message_id: 'q' },
        sent_at: 0,
      },
    });
    expect(stream.take([request, failure]).events).toEqual([request, failure]);
  });

  it('sends structure only when no tallies are wanted', () => {
    const stream = createUiStream();
    stream.setInterest({ messages: false, tallies: false });
    const batch = stream.take([status('a'), ...exchange('m1')]);
    expect(types(batch.events)).toEqual(['agent.status']);
    expect(batch.tally).toBeUndefined();
  });

  it('always sends dead letters and invalid input whole', () => {
    const stream = createUiStream();
    const dead = at({ type: 'message.dead-lettered', message: { id: 'm1' }, to: 'b', reason: 'no-route' });
    const invalid = at({ type: 'message.invalid', from: 'x', error: 'bad' });
    expect(stream.take([dead, invalid]).events).toEqual([dead, invalid]);
  });
});

describe('tallies of batches applied together', () => {
  it('add up per agent and per link, and keep the latest seq', () => {
    const stream = createUiStream();
    const a = stream.take([sent('m1'), delivered('m1')]).tally!;
    const b = stream.take([sent('m2'), delivered('m2'), handled('m2')]).tally!;
    const merged = mergeTallies(mergeTallies(emptyTally(), a), b);
    expect(merged.agents.a?.sent).toBe(2);
    expect(merged.agents.b).toEqual({ sent: 0, delivered: 2, failed: 0, handled: 1 });
    expect(merged.links.l1?.to).toEqual({ b: 2 });
    expect(merged.lastSeq).toBe(b.lastSeq);
  });
});
