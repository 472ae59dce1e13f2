import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_RULES } from '../experiments/replay/match';
import { InputError } from './exitCodes';
import { rulesFromJson } from './replayRules';

const refusal = (json: unknown) => {
  try {
    rulesFromJson('r.json', json);
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error('accepted');
};

describe('replay --rules', () => {
  it('adds ignored fields to the defaults and takes back the kept ones', () => {
    const rules = rulesFromJson('r.json', { ignore: ['content.at'], keep: ['conversation_id'] });
    expect(rules.ignore).toContain('content.at');
    expect(rules.ignore).toContain('id');
    expect(rules.ignore).not.toContain('conversation_id');
    expect(rules.orderSensitive).toBe(DEFAULT_MATCH_RULES.orderSensitive);
  });

  it('is the defaults for an empty object', () => {
    expect(rulesFromJson('r.json', {})).toEqual(DEFAULT_MATCH_RULES);
  });

  it('reads the order rules, per conversation too (own keys only)', () => {
    const rules = rulesFromJson('r.json', JSON.parse('{"orderSensitive": false, "orderSensitiveFor": {"c-1": true, "__proto__": false}}'));
    expect(rules.orderSensitive).toBe(false);
    expect(Object.hasOwn(rules.orderSensitiveFor!, 'c-1')).toBe(true);
    expect(rules.orderSensitiveFor!['__proto__']).toBe(false);
  });

  it('names what is wrong', () => {
    expect(refusal([])).toContain('expected a JSON object');
    expect(refusal({ ignored: [] })).toContain('unknown field "ignored"');
    expect(refusal({ ignore: 'id' })).toContain('"ignore": expected a list of field paths');
    expect(refusal({ keep: [''] })).toContain('"keep": expected a list of field paths');
    expect(refusal({ orderSensitive: 'yes' })).toContain('"orderSensitive": expected true or false');
    expect(refusal({ orderSensitiveFor: { a: 1 } })).toContain('"orderSensitiveFor": expected');
  });
});
