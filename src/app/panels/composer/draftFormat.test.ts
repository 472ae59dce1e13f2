import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERFORMATIVES } from '../../../protocol/performatives';
import { validateDraft } from '../../../protocol/validate';
import { convertDraft, formatOf, positionOf, prettyFipa, readDraftText, readFipa, retargetFipa, switchFormat } from './draftFormat';

const JSON_DRAFT = `{
  "performative": "request",
  "receiver": "echo-1",
  "content": { "text": "hello (world)" },
  "conversation_id": "c-1"
}`;

describe('convertDraft', () => {
  it('writes a draft in the FIPA-ACL string form, one parameter a line, and reads it back as the same draft', () => {
    const fipa = convertDraft(JSON_DRAFT, 'json', 'fipa');
    expect(fipa).toEqual({
      ok: true,
      text: '(request\n  :receiver echo-1\n  :content "{\\"text\\":\\"hello (world)\\"}"\n  :conversation-id c-1)',
    });
    const back = convertDraft(fipa.ok ? fipa.text : '', 'fipa', 'json');
    expect(back.ok && JSON.parse(back.text)).toEqual(JSON.parse(JSON_DRAFT));
  });

  it('round-trips any draft the kernel accepts (property)', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
    const draft = fc.record(
      {
        performative: fc.constantFrom(...PERFORMATIVES),
        receiver: fc.oneof(name, fc.array(name, { minLength: 1, maxLength: 3 })),
        content: fc.jsonValue({ maxDepth: 2 }),
        conversation_id: name,
        reply_with: name,
        reply_by: fc.nat(1_000_000),
      },
      { requiredKeys: ['performative', 'receiver'] },
    );
    fc.assert(
      fc.property(draft, (d) => {
        const checked = validateDraft(JSON.parse(JSON.stringify(d)));
        fc.pre(checked.ok);
        const json = JSON.stringify(checked.ok ? checked.draft : null);
        const fipa = convertDraft(json, 'json', 'fipa');
        expect(fipa.ok).toBe(true);
        const back = convertDraft(fipa.ok ? fipa.text : '', 'fipa', 'json');
        expect(back.ok && JSON.parse(back.text)).toEqual(JSON.parse(json));
      }),
    );
  });

  it('refuses to convert a draft it cannot read, saying why and where', () => {
    expect(convertDraft('{"performative": ', 'json', 'fipa')).toMatchObject({ ok: false, message: /not valid JSON.*line 1, column 1/ });
    expect(convertDraft('{"performative": "shout", "receiver": "a"}', 'json', 'fipa')).toMatchObject({
      ok: false,
      message: /^Kernel: performative/,
    });
    expect(convertDraft('(request :receiver a :content)', 'fipa', 'json')).toMatchObject({ ok: false, message: /line 1, column 30/ });
  });
});

describe('readFipa', () => {
  it('places a syntax error at its offset as line and column', () => {
    const text = '(request\n  :receiver echo-1\n  :recevier b)';
    const read = readFipa(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem).toMatchObject({ line: 3, column: 3 });
    expect(text.slice(read.problem.start, read.problem.end)).toBe(':recevier');
    expect(read.problem.message).toMatch(/^FIPA-ACL: /);
  });

  it('places a bad value at the value, and a field the kernel refuses at its parameter', () => {
    const text = '(request\n  :receiver echo-1\n  :reply-by soon)';
    const read = readFipa(text);
    expect(read.ok || text.slice(read.problem.start, read.problem.end)).toBe('soon');
    const empty = '(request :content "x" :receiver "")';
    const refused = readFipa(empty);
    expect(refused.ok || empty.slice(refused.problem.start, refused.problem.end)).toBe(':receiver');
    const missing = readFipa('(request :content "x")');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problem).toMatchObject({ line: 1, column: 1, message: /receiver/ });
  });

  it('reads JADE’s own forms (agent identifiers, capitals)', () => {
    const read = readFipa('(INFORM :sender (agent-identifier :name you) :receiver (set (agent-identifier :name echo-1)) :content hi)');
    expect(read.ok && read.draft).toEqual({ performative: 'inform', sender: 'you', receiver: ['echo-1'], content: 'hi' });
  });
});

describe('switchFormat', () => {
  it('gives back each form’s text as written while it is unchanged, and converts once it changed', () => {
    const toFipa = switchFormat({}, 'json', 'fipa', JSON_DRAFT);
    if (!toFipa.ok) throw new Error(toFipa.message);
    const backToJson = switchFormat(toFipa.memory, 'fipa', 'json', toFipa.text);
    expect(backToJson).toMatchObject({ ok: true, text: JSON_DRAFT });
    if (!backToJson.ok) return;
    const again = switchFormat(backToJson.memory, 'json', 'fipa', JSON_DRAFT);
    expect(again).toMatchObject({ ok: true, text: toFipa.text });

    const edited = toFipa.text.replace('echo-1', 'echo-2');
    const converted = switchFormat(toFipa.memory, 'fipa', 'json', edited);
    expect(converted.ok && JSON.parse(converted.text)).toMatchObject({ receiver: 'echo-2' });
  });

  it('stays put when the draft cannot be converted', () => {
    expect(switchFormat({}, 'json', 'fipa', '{')).toMatchObject({ ok: false });
  });
});

describe('helpers', () => {
  it('tells the forms apart, finds positions, retargets a FIPA draft', () => {
    expect(formatOf('  (inform :receiver a)')).toBe('fipa');
    expect(formatOf('{"performative": "inform"}')).toBe('json');
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(retargetFipa('(inform :receiver a :content 1)', 'b')).toBe('(inform\n  :receiver b\n  :content "1")');
    expect(retargetFipa('(inform :receiver a)', 'a')).toBeNull();
    expect(prettyFipa({ performative: 'inform', receiver: ['a', 'b'] })).toBe('(inform\n  :receiver (set a b))');
    expect(readDraftText('[1]', 'json')).toMatchObject({ ok: false, problem: { line: 1, column: 1 } });
  });
});
