import { describe, expect, it } from 'vitest';
import { PERFORMATIVES } from '../../../protocol/performatives';
import { validateDraft } from '../../../protocol/validate';
import { parseDraft } from './draftText';
import { buildMessageSchema, receiverNames } from './messageSchema';
import { locateField } from './locateField';
import { TEMPLATES, templateText } from './templates';

type Props = Record<string, { enum?: string[]; anyOf?: { enum?: string[] }[] }>;

describe('buildMessageSchema', () => {
  it('lists every performative, the pragmatic subset first', () => {
    const schema = buildMessageSchema({ agents: [] });
    const perf = (schema.properties as Props).performative!.enum!;
    expect(new Set(perf)).toEqual(new Set(PERFORMATIVES));
    expect(perf[0]).toBe('request');
    expect(schema.required).toEqual(['performative', 'receiver']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('offers live names, topics, clients, * and you as receivers', () => {
    const names = { agents: ['echo-1', 'counter-1'], topics: ['news'], clients: ['app'] };
    expect(receiverNames(names)).toEqual(['echo-1', 'counter-1', 'app', 'topic:news', '*', 'you']);
    const receiver = (buildMessageSchema(names).properties as Props).receiver!;
    expect(receiver.anyOf![0]!.enum).toEqual(['echo-1', 'counter-1', 'app', 'topic:news', '*', 'you']);
  });

  it('has a property for each envelope field the kernel accepts', () => {
    const props = Object.keys(buildMessageSchema({ agents: [] }).properties as Props).sort();
    expect(props).toEqual(
      [
        'content',
        'conversation_id',
        'in_reply_to',
        'language',
        'ontology',
        'performative',
        'protocol',
        'receiver',
        'reply_by',
        'reply_with',
        'sender',
      ].sort(),
    );
  });
});

describe('templates', () => {
  it('every template builds a draft the kernel accepts', () => {
    const ctx = { receiver: 'echo-1', agents: ['echo-1', 'a', 'b'], conversation: 'c-1' };
    const ids = new Set<string>();
    for (const t of TEMPLATES) {
      expect(ids.has(t.id)).toBe(false);
      ids.add(t.id);
      const result = validateDraft(templateText(t, ctx));
      expect(result.ok, `${t.id}: ${result.ok ? '' : result.error.message}`).toBe(true);
    }
    expect(TEMPLATES.filter((t) => t.group === 'Patterns').length).toBeGreaterThanOrEqual(5);
  });
});

describe('locateField', () => {
  const text = '{\n  "performative": "shout",\n  "receiver": ["a", ""],\n  "content": {"performative": 1}\n}';
  it('finds a top-level value, not a same-named key inside content', () => {
    const r = locateField(text, 'performative');
    expect(text.slice(r.start, r.end)).toBe('"shout"');
    const c = locateField(text, 'receiver[1]');
    expect(text.slice(c.start, c.end)).toBe('["a", ""]');
    const d = locateField(text, 'content.performative');
    expect(text.slice(d.start, d.end)).toBe('{"performative": 1}');
  });
  it('falls back to the first line', () => {
    const r = locateField('  [1, 2]', '(message)');
    expect(r.start).toBe(2);
  });
});

describe('parseDraft', () => {
  it('refuses text that is not one JSON object with the registry code ORR404 (docs/errors.md)', () => {
    for (const text of ['{"performative": ', '[1, 2]']) {
      const parsed = parseDraft(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.code).toBe('ORR404');
        expect(parsed.message).toMatch(/^The composer text is not valid JSON: .*Expected one JSON object/);
      }
    }
  });
});
