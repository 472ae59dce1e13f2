/**
 * Conversations: an answer joins its request's even when neither carries a conversation_id
 * nor a correlation token (a Composer request): the kernel saw the answer sent back to the
 * requester while the request was being handled. Made-up ids never pair conversations in a diff.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../hosts/inProcess';
import { deriveSeed, STREAM } from '../../kernel/shell/seedStreams';
import type { KernelEvent } from '../../kernel/types';
import type { AclMessage, JsonValue } from '../../protocol/message';
import { conversationsOf, type Conversation } from './conversations';
import { diffConversations } from './diff';
import { finishRecording } from './finishRecording';
import { DEFAULT_MATCH_RULES } from './match';
import { createTapeRecorder } from './recorder';
import { replayInSimulation } from './replayRecording';
import { library } from './replayTestKit';

const message = (id: string, sender: string, receiver: string, content: JsonValue = { n: 1 }): AclMessage => ({
  id,
  performative: sender === 'you' ? 'request' : 'inform',
  sender,
  receiver,
  content,
  sent_at: 0,
});
const shape = (conversations: Conversation[]) => conversations.map((c) => c.messages.map((m) => m.message.id));

describe('conversationsOf, messages with neither conversation_id nor in_reply_to', () => {
  const sent = (seq: number, m: AclMessage): KernelEvent => ({ type: 'message.sent', message: m, seq, t: seq });
  const delivered = (seq: number, messageId: string, to: string): KernelEvent => ({
    type: 'message.delivered',
    messageId,
    to,
    seq,
    t: seq,
  });
  const handled = (seq: number, messageId: string, agent: string): KernelEvent => ({
    type: 'message.handled',
    messageId,
    agent,
    seq,
    t: seq,
  });

  it("the answer sent back while the request was handled joins the request's conversation", () => {
    const events = [
      sent(0, message('q', 'you', 'counter')),
      delivered(1, 'q', 'counter'),
      sent(2, message('a', 'counter', 'you')),
      delivered(3, 'a', 'you'),
      handled(4, 'q', 'counter'),
    ];
    const [conversation, ...others] = conversationsOf(events);
    expect(others).toEqual([]);
    expect(conversation).toMatchObject({ id: 'message:q', generated: true });
    expect(shape([conversation!])).toEqual([['q', 'a']]);
  });

  it('stays a singleton otherwise: to someone else, sent outside the handling, or never handled', () => {
    const events = [
      sent(0, message('early', 'counter', 'you')), // before the request reached the counter
      sent(1, message('q', 'you', 'counter')),
      delivered(2, 'q', 'counter'),
      sent(3, message('elsewhere', 'counter', 'logger')),
      handled(4, 'q', 'counter'),
      sent(5, message('late', 'counter', 'you')), // after it finished
      sent(6, message('q2', 'you', 'echo')),
      delivered(7, 'q2', 'echo'),
      sent(8, message('pending', 'echo', 'you')), // q2 is never handled
    ];
    expect(shape(conversationsOf(events))).toEqual([['early'], ['q'], ['elsewhere'], ['late'], ['q2'], ['pending']]);
  });
});

describe('Composer-style requests on a real kernel (JS counter in simulation)', () => {
  async function threeIncrements(seed: number) {
    const recorder = createTapeRecorder();
    const sim = createSimulation({ seed, library, kernel: { onInput: recorder.onInput }, eventLogCapacity: Infinity });
    sim.command({ type: 'agent.deploy', spec: { name: 'counter-1', kind: 'counter' } });
    await sim.runUntilIdle(100);
    const startIndex = recorder.size;
    for (let i = 0; i < 3; i++) {
      expect(sim.send({ performative: 'request', receiver: 'counter-1', content: { action: 'increment' } }).ok).toBe(true);
      await sim.advanceTo(sim.now() + 100);
    }
    await sim.runUntilIdle(sim.now() + 10_000);
    const log = [...sim.log()];
    sim.dispose();
    const recording = finishRecording({
      tape: recorder.tape(),
      kernelSeed: deriveSeed(seed, STREAM.kernel),
      clockMode: 'live',
      startIndex,
      name: 'three increments',
      tags: [],
      kernel: {},
      modules: [],
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    return { log, recording };
  }

  it('three request/answer pairs are three conversations, not six', async () => {
    const { log } = await threeIncrements(3);
    const conversations = conversationsOf(log);
    expect(conversations.map((c) => c.messages.map((m) => [m.message.sender, m.message.receiver]))).toEqual(
      Array.from({ length: 3 }, () => [
        ['you', 'counter-1'],
        ['counter-1', 'you'],
      ]),
    );
    expect(conversations.map((c) => (c.messages[1]!.message.content as { count: number }).count)).toEqual([1, 2, 3]);
  });

  it('replayed in simulation: the same three conversations, no divergence', async () => {
    const { recording } = await threeIncrements(4);
    // Another seed, other latencies: the JS counter's answer carries its time (content.at).
    const rules = { ...DEFAULT_MATCH_RULES, ignore: [...DEFAULT_MATCH_RULES.ignore, 'content.at'] };
    const report = await replayInSimulation(recording, { library, seed: 99, rules });
    expect(report.recorded).toHaveLength(3);
    expect(report.replayed).toHaveLength(3);
    expect(report.divergences).toEqual([]);
  });
});

describe('diff pairing of made-up conversation ids', () => {
  it('pairs them by position, never by a made-up id another run gave another conversation', () => {
    const conv = (id: string, content: JsonValue, seq: number): Conversation => ({
      id,
      generated: true,
      messages: [{ seq, t: seq, message: message(id.slice('message:'.length), 'you', 'counter', content) }],
    });
    // The replay's ids are shifted: its first conversation happens to be called what the recording's second was.
    const recorded = [conv('message:m1', { n: 1 }, 0), conv('message:m2', { n: 2 }, 1)];
    const replayed = [conv('message:m2', { n: 1 }, 0), conv('message:m3', { n: 2 }, 1)];
    expect(diffConversations(recorded, replayed, DEFAULT_MATCH_RULES)).toEqual([]);
  });
});
