import { describe, expect, it } from 'vitest';
import { fromValidation } from './errors';
import { PERFORMATIVES } from './performatives';
import { validateDraft } from './validate';

const ok = { performative: 'request', receiver: 'echo-1', content: { n: 1 } };

function error(input: unknown, maxBytes?: number) {
  const result = validateDraft(input, maxBytes === undefined ? undefined : { maxBytes });
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(input)}`);
  return result.error;
}

describe('validateDraft', () => {
  it('accepts a minimal draft, every performative and every optional field', () => {
    expect(validateDraft({ performative: 'inform', receiver: 'a' })).toEqual({
      ok: true,
      draft: { performative: 'inform', receiver: 'a' },
    });
    for (const performative of PERFORMATIVES) expect(validateDraft({ performative, receiver: 'a' }).ok).toBe(true);
    const full = {
      ...ok,
      sender: 'c1',
      conversation_id: 'c',
      reply_with: 'r1',
      in_reply_to: 'r0',
      reply_by: 1500,
      protocol: 'fipa-request',
      ontology: 'shop',
      language: 'json',
    };
    expect(validateDraft(full)).toEqual({ ok: true, draft: full });
  });

  it('accepts every receiver shape', () => {
    for (const receiver of ['a', ['a', 'b'], '*', 'topic:orders/created']) expect(validateDraft({ ...ok, receiver }).ok).toBe(true);
  });

  it('accepts any JSON content', () => {
    for (const content of [null, 0, -1.5, true, 'text', [], [1, [2, { x: null }]], { a: { b: [] } }])
      expect(validateDraft({ ...ok, content }).ok).toBe(true);
  });

  it('accepts JSON text', () => {
    expect(validateDraft(JSON.stringify(ok))).toEqual({ ok: true, draft: ok });
  });

  it('names a missing performative and suggests a near miss', () => {
    expect(error({ receiver: 'a' })).toMatchObject({ field: 'performative', got: 'nothing' });
    const typo = error({ performative: 'reqest', receiver: 'a' });
    expect(typo.message).toBe(
      'performative: expected one of the 22 FIPA performatives (request, inform, query-if, ...), got string "reqest"; did you mean "request"?',
    );
  });

  it('explains a bad receiver', () => {
    expect(error({ performative: 'inform', receiver: 42 }).message).toBe(
      'receiver: expected an agent name, a list of names, "*" or "topic:<name>", got number 42',
    );
    expect(error({ performative: 'inform' })).toMatchObject({ field: 'receiver', got: 'nothing' });
    expect(error({ performative: 'inform', receiver: '' })).toMatchObject({ field: 'receiver', got: 'an empty string' });
    expect(error({ performative: 'inform', receiver: [] })).toMatchObject({ field: 'receiver', got: 'an empty list' });
    expect(error({ performative: 'inform', receiver: ['a', 3] })).toMatchObject({ field: 'receiver[1]', got: 'number 3' });
    expect(error({ performative: 'inform', receiver: ['a', ''] })).toMatchObject({ field: 'receiver[1]' });
    expect(error({ performative: 'inform', receiver: ['a', '*'] })).toMatchObject({ field: 'receiver[1]' });
    expect(error({ performative: 'inform', receiver: 'topic:' })).toMatchObject({ field: 'receiver' });
  });

  it('checks optional strings and reply_by', () => {
    for (const field of ['sender', 'conversation_id', 'reply_with', 'in_reply_to', 'protocol', 'ontology', 'language']) {
      expect(error({ ...ok, [field]: 7 })).toMatchObject({ field, expected: 'a non-empty string', got: 'number 7' });
      expect(error({ ...ok, [field]: '' })).toMatchObject({ field });
    }
    expect(error({ ...ok, reply_by: '10' })).toMatchObject({ field: 'reply_by', got: 'string "10"' });
    expect(error({ ...ok, reply_by: Infinity })).toMatchObject({ field: 'reply_by' });
    expect(error({ ...ok, reply_by: NaN })).toMatchObject({ field: 'reply_by' });
  });

  it('treats undefined optional fields as absent', () => {
    expect(validateDraft({ ...ok, reply_with: undefined }).ok).toBe(true);
  });

  it('rejects content that is not JSON, naming where', () => {
    expect(error({ ...ok, content: { items: [1, 2, () => 3] } })).toMatchObject({ field: 'content.items[2]', got: 'a function' });
    expect(error({ ...ok, content: { x: NaN } })).toMatchObject({ field: 'content.x', got: 'number NaN' });
    expect(error({ ...ok, content: { when: new Date(0) } })).toMatchObject({ field: 'content.when', got: 'a Date' });
    expect(error({ ...ok, content: { 'a b': 1n } })).toMatchObject({ field: 'content["a b"]', got: 'bigint 1' });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(error({ ...ok, content: cycle }).got).toContain('cycle');
  });

  it('rejects unknown top-level fields, with a hint', () => {
    expect(error({ ...ok, recevier: 'b' }).message).toContain('recevier: expected only envelope fields');
    expect(error({ ...ok, recevier: 'b' }).message).toContain('did you mean "receiver"?');
    expect(error({ ...ok, payload: 1 }).message).toContain('put application data inside content');
    expect(error({ ...ok, id: 'm1' }).message).toContain('the kernel stamps id and sent_at');
  });

  it('rejects what is not a message object', () => {
    for (const input of [null, 42, [ok], undefined]) expect(error(input).field).toBe('(message)');
    expect(error('{"performative":').got).toMatch(/^invalid JSON/);
    expect(error('[1]').got).toBe('an array of 1');
  });

  it('enforces the size limit for objects and strings', () => {
    const big = { ...ok, content: 'x'.repeat(2000) };
    expect(validateDraft(big, { maxBytes: 4000 }).ok).toBe(true);
    const e = error(big, 1000);
    expect(e).toMatchObject({ field: '(message)', expected: 'at most 1000 bytes serialized' });
    expect(e.got).toBe(`${JSON.stringify(big).length} bytes`);
    expect(error(JSON.stringify(big), 1000).got).toMatch(/^at least \d+ bytes$/);
    // multi-byte characters count in UTF-8 bytes
    const wide = JSON.stringify({ ...ok, content: 'é'.repeat(400) });
    expect(validateDraft(wide, { maxBytes: 1000 }).ok).toBe(true);
    expect(error(wide, 800).got).toBe(`${Buffer.byteLength(wide)} bytes`);
    expect(validateDraft(JSON.stringify(big)).ok).toBe(true); // default 1 MiB
  });

  it('maps to registry codes', () => {
    expect(fromValidation(error({ performative: 'x', receiver: 'a' })).code).toBe('ORR001');
    expect(fromValidation(error({ ...ok, content: 'x'.repeat(100) }, 50)).code).toBe('ORR002');
    expect(fromValidation(error('nope')).code).toBe('ORR003');
  });
});
