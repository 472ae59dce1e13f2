import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFipa, parseFipa } from './fipaString';
import type { JsonValue, MessageDraft } from './message';
import { PERFORMATIVES } from './performatives';
import { validateDraft } from './validate';

describe('FIPA-ACL string codec', () => {
  it('encodes the usual form', () => {
    const text = encodeFipa({ performative: 'inform', sender: 'a', receiver: ['b'], content: 'hi', reply_with: 'r1', reply_by: 100 });
    expect(text).toBe('(inform :sender a :receiver (set b) :content "\\"hi\\"" :reply-with r1 :reply-by 100)');
  });

  it('parses hand-written text, including agent-identifier sets and plain-text content', () => {
    const parsed = parseFipa(`(request
      :sender you
      :receiver (set (agent-identifier :name echo-1) b)
      :content "(price apple)"
      :conversation-id c1 :in-reply-to "r 0")`);
    expect(parsed).toEqual({
      ok: true,
      draft: {
        performative: 'request',
        sender: 'you',
        receiver: ['echo-1', 'b'],
        content: '(price apple)',
        conversation_id: 'c1',
        in_reply_to: 'r 0',
      },
    });
    expect(parseFipa('(inform :receiver topic:orders :content "{\\"n\\":1}")')).toEqual({
      ok: true,
      draft: { performative: 'inform', receiver: 'topic:orders', content: { n: 1 } },
    });
  });

  it('reports syntax and envelope errors precisely', () => {
    const fail = (text: string) => {
      const r = parseFipa(text);
      if (r.ok) throw new Error('expected an error');
      return r.error;
    };
    expect(fail('inform :receiver a)')).toMatchObject({ field: '(fipa)' });
    expect(fail('(inform :receiver a')).toMatchObject({ field: '(fipa)', got: 'the end of the text' });
    expect(fail('(inform :receiver "a)')).toMatchObject({ field: '(fipa)' });
    expect(fail('(inform :recevier a)')).toMatchObject({ field: 'recevier' });
    expect(fail('(inform :receiver a :reply-by soon)')).toMatchObject({ field: 'reply_by' });
    expect(fail('(inform :receiver a :receiver b)')).toMatchObject({ field: 'receiver' });
    expect(fail('(shout :receiver a)')).toMatchObject({ field: 'performative' });
    expect(fail('(inform :content "1")')).toMatchObject({ field: 'receiver' });
    expect(fail('(inform :receiver a) extra')).toMatchObject({ field: '(fipa)' });
  });

  it('round-trips any valid draft (property)', () => {
    const text = fc.string({ minLength: 1, maxLength: 12 });
    const name = fc.oneof(
      fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
      text.filter((s) => s !== '*' && !s.startsWith('topic:')),
    );
    const json: fc.Arbitrary<JsonValue> = fc.jsonValue() as fc.Arbitrary<JsonValue>;
    const draft = fc.record(
      {
        performative: fc.constantFrom(...PERFORMATIVES),
        receiver: fc.oneof(
          name,
          fc.array(name, { minLength: 1, maxLength: 3 }),
          fc.constant('*'),
          name.map((n) => `topic:${n}`),
        ),
        content: json,
        sender: name,
        conversation_id: text,
        reply_with: text,
        in_reply_to: text,
        reply_by: fc.integer({ min: -1e9, max: 1e12 }),
        protocol: text,
        ontology: text,
        language: text,
      },
      { requiredKeys: ['performative', 'receiver'] },
    );
    fc.assert(
      fc.property(draft, (d) => {
        const valid = validateDraft(d);
        fc.pre(valid.ok);
        const parsed = parseFipa(encodeFipa(d as MessageDraft));
        expect(parsed).toEqual({ ok: true, draft: JSON.parse(JSON.stringify(d)) });
      }),
      { numRuns: 300 },
    );
  });
});
