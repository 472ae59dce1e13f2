import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFipa, fipaDate, parseFipa, parseFipaDate } from './fipaString';
import type { JsonValue, MessageDraft } from './message';
import { PERFORMATIVES } from './performatives';
import { validateDraft } from './validate';

/** As JADE's ACLMessage.toString writes it (spaces inside parentheses included). */
const JADE_REQUEST = `(REQUEST
 :sender  ( agent-identifier :name da0@host:1099/JADE  :addresses (sequence http://host:7778/acc ))
 :receiver  (set ( agent-identifier :name da1@host:1099/JADE  :addresses (sequence http://host:7778/acc http://backup:7778/acc )) ( agent-identifier :name ams@host:1099/JADE ) )
 :content  "((action (agent-identifier :name da1@host:1099/JADE) (sell :item \\"book\\" :price 12)))"
 :reply-with  R1733499000000_0
 :language  fipa-sl0
 :ontology  shop-ontology
 :protocol  fipa-request
 :conversation-id  C1234_1733499000000
 :reply-by  20261206T153000000Z
 :X-JADE-track  true )`;

describe('FIPA-ACL string codec, JADE forms', () => {
  it('reads a message as JADE writes it: agent identifiers with addresses, escaped content, every envelope parameter', () => {
    const parsed = parseFipa(JADE_REQUEST, { timeOrigin: Date.UTC(2026, 11, 6, 15, 29), skipUncarried: true });
    expect(parsed).toEqual({
      ok: true,
      draft: {
        performative: 'request',
        sender: 'da0@host:1099/JADE',
        receiver: ['da1@host:1099/JADE', 'ams@host:1099/JADE'],
        content: '((action (agent-identifier :name da1@host:1099/JADE) (sell :item "book" :price 12)))',
        reply_with: 'R1733499000000_0',
        language: 'fipa-sl0',
        ontology: 'shop-ontology',
        protocol: 'fipa-request',
        conversation_id: 'C1234_1733499000000',
        reply_by: 60_000,
      },
      addresses: {
        'da0@host:1099/JADE': ['http://host:7778/acc'],
        'da1@host:1099/JADE': ['http://host:7778/acc', 'http://backup:7778/acc'],
      },
      skipped: ['x-jade-track'],
    });
  });

  it('reads lower-case JADE replies with :in-reply-to and a single agent-identifier sender', () => {
    const parsed = parseFipa(
      '(inform :sender (agent-identifier :name b@p/JADE :resolvers (sequence (agent-identifier :name df@p/JADE)) :X-role seller) :receiver (set (agent-identifier :name a@p/JADE)) :content "5" :in-reply-to R1)',
    );
    expect(parsed).toEqual({
      ok: true,
      draft: { performative: 'inform', sender: 'b@p/JADE', receiver: ['a@p/JADE'], content: 5, in_reply_to: 'R1' },
    });
  });

  it('keeps a backslash that escapes nothing, as JADE writes it (JADE escapes quotes only)', () => {
    expect(parseFipa('(inform :receiver a :content "C:\\temp\\new say \\"hi\\"")')).toEqual({
      ok: true,
      draft: { performative: 'inform', receiver: 'a', content: 'C:\\temp\\new say "hi"' },
    });
  });

  it('refuses what the envelope does not carry unless asked to skip it, and broken agent identifiers, by name', () => {
    const fail = (text: string) => {
      const r = parseFipa(text);
      if (r.ok) throw new Error('expected an error');
      return r.error;
    };
    expect(fail('(inform :receiver a :reply-to (set b))')).toMatchObject({
      field: 'reply-to',
      expected: expect.stringMatching(/not carried/),
    });
    expect(fail('(inform :receiver a :encoding utf-8)')).toMatchObject({ field: 'encoding' });
    expect(fail('(inform :receiver (set (agent-identifier :addresses (sequence x))))')).toMatchObject({
      field: 'receiver',
      expected: 'an agent identifier with :name',
    });
    expect(fail('(inform :receiver a :sender (agent-identifier :name x :age 3))')).toMatchObject({ field: 'sender' });
    expect(fail('(inform :receiver (set (agent-identifier :name x :addresses http://a)))')).toMatchObject({ field: '(fipa)' });
    expect(fail('(inform :receiver a :reply-by 20261399T000000000Z)')).toMatchObject({ field: 'reply_by' });
    expect(parseFipa('(inform :receiver a :reply-to (set (agent-identifier :name b)) :encoding x)', { skipUncarried: true })).toEqual({
      ok: true,
      draft: { performative: 'inform', receiver: 'a' },
      skipped: ['reply-to', 'encoding'],
    });
  });

  it('writes JADE style', () => {
    const text = encodeFipa(
      { performative: 'query-ref', sender: 'a@p/JADE', receiver: 'b@p/JADE', content: 'say "hi"', reply_by: 1000, conversation_id: 'c1' },
      {
        style: 'jade',
        addresses: (n) => (n === 'a@p/JADE' ? ['http://p:7778/acc'] : undefined),
        timeOrigin: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
      },
    );
    expect(text).toBe(
      [
        '(QUERY-REF',
        ' :sender (agent-identifier :name a@p/JADE :addresses (sequence http://p:7778/acc))',
        ' :receiver (set (agent-identifier :name b@p/JADE))',
        ' :content "say \\"hi\\""',
        ' :conversation-id c1',
        ' :reply-by 20260102T030406006Z',
        ')',
      ].join('\n'),
    );
    expect(encodeFipa({ performative: 'inform', receiver: 'x', content: '12' }, { style: 'jade' })).toContain(':content "\\"12\\""');
  });

  it('FIPA dates', () => {
    expect(parseFipaDate('20261206T153000000Z')).toBe(Date.UTC(2026, 11, 6, 15, 30));
    expect(parseFipaDate('20261206T153000')).toBe(Date.UTC(2026, 11, 6, 15, 30));
    expect(parseFipaDate('20260230T000000000Z')).toBeUndefined();
    expect(parseFipaDate('20260101T006100000Z')).toBeUndefined();
    expect(parseFipaDate(fipaDate(1_733_499_123_456))).toBe(1_733_499_123_456);
  });

  const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}(@[a-z]{1,5}:[0-9]{2,4}\/JADE)?$/);
  const text = fc.string({ minLength: 1, maxLength: 12 });
  const draftArb = fc.record(
    {
      performative: fc.constantFrom(...PERFORMATIVES),
      receiver: fc.oneof(
        name,
        fc.array(name, { minLength: 1, maxLength: 3 }),
        fc.constant('*'),
        name.map((n) => `topic:${n}`),
      ),
      content: fc.oneof(fc.jsonValue() as fc.Arbitrary<JsonValue>, text),
      sender: name,
      conversation_id: text,
      reply_with: text,
      in_reply_to: text,
      reply_by: fc.integer({ min: 0, max: 1e11 }),
      protocol: text,
      ontology: text,
      language: text,
    },
    { requiredKeys: ['performative', 'receiver'] },
  );

  it('round-trips any valid draft through JADE style, addresses included (property)', () => {
    const urls = fc.array(fc.stringMatching(/^https?:\/\/[a-z]{1,6}:[0-9]{2,5}\/acc$/), { maxLength: 2 });
    fc.assert(
      fc.property(draftArb, urls, fc.integer({ min: 0, max: 2e12 }), (d, addresses, timeOrigin) => {
        fc.pre(validateDraft(d).ok);
        const draft = d as MessageDraft;
        const text = encodeFipa(draft, { style: 'jade', addresses: () => addresses, timeOrigin });
        const parsed = parseFipa(text, { timeOrigin });
        const plain = typeof draft.receiver === 'string' && (draft.receiver === '*' || draft.receiver.startsWith('topic:'));
        // JADE has one receiver form, the set: a single named receiver comes back as a one-name list
        const expected = {
          ...JSON.parse(JSON.stringify(draft)),
          receiver: plain || Array.isArray(draft.receiver) ? draft.receiver : [draft.receiver],
        };
        const named = [...(draft.sender !== undefined ? [draft.sender] : []), ...(plain ? [] : [draft.receiver].flat())];
        expect(parsed).toEqual({
          ok: true,
          draft: expected,
          ...(addresses.length > 0 && named.length > 0
            ? { addresses: Object.fromEntries(named.map((n) => [n, [...new Set(addresses)]])) }
            : {}),
        });
      }),
      { numRuns: 300 },
    );
  });
});
