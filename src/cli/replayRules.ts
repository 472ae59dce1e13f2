/**
 * `orrery replay --rules FILE`: matching rules as JSON. `ignore` adds fields to the default
 * ones (ids and times), `keep` takes default ones back into the comparison, so a file that
 * names one field does not make every id a divergence.
 *
 *   { "ignore": ["content.at"], "keep": ["conversation_id"], "orderSensitive": false,
 *     "orderSensitiveFor": { "c-7": true } }
 */
import { DEFAULT_MATCH_RULES, type MatchRules } from '../experiments/replay/match';
import { InputError } from './exitCodes';
import { readJsonText } from './readExperiment';

const MAX_RULES_BYTES = 1024 * 1024;
const KEYS = ['ignore', 'keep', 'orderSensitive', 'orderSensitiveFor'];

export const DEFAULT_RULES_TEXT = DEFAULT_MATCH_RULES.ignore.join(', ');

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function fieldList(file: string, json: Record<string, unknown>, key: string): string[] {
  const value = json[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((f) => typeof f === 'string' && f.length > 0))
    throw new InputError(
      `--rules ${file}: "${key}": expected a list of field paths (e.g. ["content.at"]), received ${JSON.stringify(value)?.slice(0, 80)}`,
    );
  return value as string[];
}

/** Rules from parsed JSON, or an InputError naming the field that is wrong. */
export function rulesFromJson(file: string, json: unknown): MatchRules {
  if (!isObject(json))
    throw new InputError(`--rules ${file}: expected a JSON object {"ignore", "keep", "orderSensitive", "orderSensitiveFor"}`);
  const unknown = Object.keys(json).filter((k) => !KEYS.includes(k));
  if (unknown.length > 0)
    throw new InputError(`--rules ${file}: unknown field ${unknown.map((k) => `"${k}"`).join(', ')}; expected ${KEYS.join(', ')}`);
  const keep = new Set(fieldList(file, json, 'keep'));
  const ignore = [...new Set([...DEFAULT_MATCH_RULES.ignore.filter((f) => !keep.has(f)), ...fieldList(file, json, 'ignore')])];
  const { orderSensitive, orderSensitiveFor } = json;
  if (orderSensitive !== undefined && typeof orderSensitive !== 'boolean')
    throw new InputError(`--rules ${file}: "orderSensitive": expected true or false, received ${JSON.stringify(orderSensitive)}`);
  const rules: MatchRules = { ignore, orderSensitive: orderSensitive ?? DEFAULT_MATCH_RULES.orderSensitive };
  if (orderSensitiveFor !== undefined) {
    if (!isObject(orderSensitiveFor) || !Object.values(orderSensitiveFor).every((v) => typeof v === 'boolean'))
      throw new InputError(`--rules ${file}: "orderSensitiveFor": expected {conversation id: true or false}`);
    rules.orderSensitiveFor = Object.assign(Object.create(null) as Record<string, boolean>, orderSensitiveFor);
  }
  return rules;
}

export async function readRulesFile(file: string | undefined): Promise<MatchRules> {
  if (file === undefined) return DEFAULT_MATCH_RULES;
  const text = await readJsonText(file, MAX_RULES_BYTES).catch((e: unknown) => {
    if (e instanceof InputError) throw new InputError(`--rules ${e.message}`);
    throw e;
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`--rules ${file}: expected JSON, received text that does not parse (${(e as Error).message})`);
  }
  return rulesFromJson(file, json);
}
