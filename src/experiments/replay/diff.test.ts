import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AclMessage } from '../../protocol/message';
import type { Conversation } from './conversations';
import { conversationsOf } from './conversations';
import { describeDivergence, diffConversations } from './diff';
import { DEFAULT_MATCH_RULES, differingFields, matchKey, type MatchRules } from './match';
import type { KernelEvent } from '../../kernel/types';

const msg = (over: Partial<AclMessage>): AclMessage => ({
  id: 'm1',
  performative: 'request',
  sender: 'c',
  receiver: 'echo',
  content: { n: 1 },
  sent_at: 10,
  conversation_id: 'k1',
  reply_with: 'r1',
  ...over,
});
const conv = (id: string, messages: AclMessage[], t0 = 0): Conversation => ({
  id,
  messages: messages.map((message, i) => ({ seq: t0 + i, t: t0 + i, message })),
});

describe('matching rules', () => {
  it('ignore ids, correlation tokens and times by default, and nothing else', () => {
    const a = msg({});
    const b = msg({ id: 'm9', sent_at: 99, conversation_id: 'k9', reply_with: 'r9', in_reply_to: 'x', reply_by: 5 });
    expect(differingFields(a, b, DEFAULT_MATCH_RULES)).toEqual([]);
    expect(matchKey(a, DEFAULT_MATCH_RULES)).toBe(matchKey(b, DEFAULT_MATCH_RULES));
    expect(differingFields(a, msg({ performative: 'inform' }), DEFAULT_MATCH_RULES)).toEqual([
      { field: 'performative', recorded: 'request', replayed: 'inform' },
    ]);
  });

  it('a dotted path ignores a field inside the content; without the rule it counts', () => {
    const a = msg({ content: { count: 1, at: 5 } });
    const b = msg({ content: { count: 1, at: 7 } });
    expect(differingFields(a, b, DEFAULT_MATCH_RULES)).toEqual([{ field: 'content.at', recorded: 5, replayed: 7 }]);
    expect(differingFields(a, b, { ...DEFAULT_MATCH_RULES, ignore: [...DEFAULT_MATCH_RULES.ignore, 'content.at'] })).toEqual([]);
  });

  it('property: a message always matches itself with any id and time changes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), fc.nat(), (content, id, t) => {
        const a = msg({ content: content as AclMessage['content'] });
        expect(differingFields(a, { ...a, id, sent_at: t }, DEFAULT_MATCH_RULES)).toEqual([]);
      }),
    );
  });
});

describe('diffConversations', () => {
  const reply = (n: number) =>
    msg({ id: `a${n}`, performative: 'inform', sender: 'echo', receiver: 'c', content: { n }, in_reply_to: 'r1' });

  it('no divergence for the same conversations with other ids', () => {
    const recorded = [conv('k1', [msg({}), reply(1)])];
    const replayed = [conv('gen-77', [msg({ id: 'z', conversation_id: 'gen-77' }), reply(1)])];
    expect(diffConversations(recorded, replayed, DEFAULT_MATCH_RULES)).toEqual([]);
  });

  it('a field divergence names the conversation, the index and the field; missing and extra messages; the earliest is first', () => {
    const recorded = [conv('k1', [msg({}), reply(1)], 0), conv('k2', [msg({ conversation_id: 'k2' })], 10)];
    const replayed = [conv('k1', [msg({}), reply(2), reply(3)], 0), conv('k2', [], 10)];
    const divergences = diffConversations(recorded, replayed, DEFAULT_MATCH_RULES);
    expect(divergences.map((d) => [d.conversation, d.index, d.kind])).toEqual([
      ['k1', 1, 'field'],
      ['k1', 2, 'extra'],
      ['k2', 0, 'missing'],
    ]);
    expect(divergences[0]!.fields).toEqual([{ field: 'content.n', recorded: 1, replayed: 2 }]);
    expect(divergences.filter((d) => d.first)).toEqual([divergences[0]]);
    expect(describeDivergence(divergences[0]!)).toBe('conversation k1, message 2: content.n: recorded 1, replayed 2');
    expect(describeDivergence(divergences[2]!)).toMatch(/recorded request from c was not replayed/);
  });

  it('order-insensitive conversations accept the same messages in another order; per-conversation override', () => {
    const recorded = [conv('k1', [msg({}), reply(1), reply(2)])];
    const replayed = [conv('k1', [msg({}), reply(2), reply(1)])];
    expect(diffConversations(recorded, replayed, DEFAULT_MATCH_RULES)).toHaveLength(2);
    const anyOrder: MatchRules = { ...DEFAULT_MATCH_RULES, orderSensitive: false };
    expect(diffConversations(recorded, replayed, anyOrder)).toEqual([]);
    expect(diffConversations(recorded, replayed, { ...DEFAULT_MATCH_RULES, orderSensitiveFor: { k1: false } })).toEqual([]);
    const changed = [conv('k1', [msg({}), reply(2), reply(5)])];
    const d = diffConversations(recorded, changed, anyOrder);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ kind: 'field', index: 1, fields: [{ field: 'content.n', recorded: 1, replayed: 5 }] });
  });
});

describe('conversationsOf', () => {
  it('groups by conversation_id, and an answer without one joins its request', () => {
    const sent = (seq: number, message: AclMessage): KernelEvent => ({ type: 'message.sent', message, seq, t: seq });
    const events = [
      sent(0, msg({ id: 'a', conversation_id: undefined, reply_with: 'q' })),
      sent(1, msg({ id: 'b', conversation_id: 'k2' })),
      sent(2, msg({ id: 'c', conversation_id: undefined, reply_with: undefined, sender: 'echo', receiver: 'c', in_reply_to: 'q' })),
    ];
    expect(conversationsOf(events).map((c) => [c.id, c.messages.map((m) => m.message.id)])).toEqual([
      ['message:a', ['a', 'c']],
      ['k2', ['b']],
    ]);
  });
});
