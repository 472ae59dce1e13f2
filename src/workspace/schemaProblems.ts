/**
 * Checking a value against one of the file schemas with ajv, and turning ajv's errors
 * into problems a person can act on (path, expected, received). The validators are
 * precompiled (validators/fileValidators.generated.ts): nothing is compiled in the page.
 * The root's own fields are checked first, then the long lists item by item, so a broken
 * file stops as soon as the problem list is full instead of collecting an error per item.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { nameProblem } from '../protocol/names';
import { fileProblem } from '../protocol/errors';
import { describeReceived, pathOf, type WorkspaceProblem } from './errors';
import { createProblemList, type ProblemList } from './problemList';
import { KIND_PATTERN, NODE_NAME_PATTERN, TITLE_PATTERN } from './schema';
import { exportName, SCHEMA_FILES, type SchemaName } from './validators/schemaFiles';
import * as generated from './validators/fileValidators.generated';

export type { SchemaName } from './validators/schemaFiles';

interface Validators {
  root: ValidateFunction;
  lists: { key: string; maxItems: number; item: ValidateFunction }[];
}

// The generated module is untyped (@ts-nocheck): its exports are ajv validate functions.
const GENERATED = generated as unknown as Readonly<Record<string, ValidateFunction>>;
const validators = new Map<SchemaName, Validators>();

function validatorsFor(name: SchemaName): Validators {
  let found = validators.get(name);
  if (!found) {
    const { schema, lists } = SCHEMA_FILES[name];
    found = {
      root: GENERATED[exportName(name, 'root')]!,
      lists: lists.map((key) => ({
        key,
        maxItems: (schema.properties[key] as { maxItems: number }).maxItems,
        item: GENERATED[exportName(name, key)]!,
      })),
    };
    validators.set(name, found);
  }
  return found;
}

/** Shape problems of `value` against a schema (empty when it conforms), capped as `list` caps them. */
export function schemaProblems(schema: SchemaName, value: unknown, list: ProblemList = createProblemList()): WorkspaceProblem[] {
  checkSchema(schema, value, list);
  return list.problems();
}

/** Add the shape problems of `value` to `list`, stopping once it is full. */
export function checkSchema(schema: SchemaName, value: unknown, list: ProblemList): void {
  const { root, lists } = validatorsFor(schema);
  report(root, value, '', list);
  if (value === null || typeof value !== 'object') return;
  for (const { key, maxItems, item } of lists) {
    const items = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    if (!Array.isArray(items) || items.length > maxItems) continue;
    for (let i = 0; i < items.length && !list.full; i++) report(item, items[i], `/${key}/${i}`, list);
  }
}

function report(validate: ValidateFunction, data: unknown, at: string, list: ProblemList): void {
  if (validate(data)) return;
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    if (list.full) return;
    const p = toProblem(error, at);
    const key = `${p.path}|${p.expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    list.add(p);
  }
}

function toProblem(error: ErrorObject, at: string): WorkspaceProblem {
  const params = error.params as Record<string, unknown>;
  const path = at + error.instancePath;
  const received = describeReceived(error.data);
  if (ruleOf(error) === NODE_NAME_PATTERN && (error.keyword === 'pattern' || error.keyword === 'not')) {
    const why = nameProblem(error.data) ?? 'not a name the network takes';
    return fileProblem('ORR206', pathOf(path), 'a valid node name', `${received} (${why})`);
  }
  switch (error.keyword) {
    case 'required':
      return fileProblem('ORR204', pathOf(path, String(params.missingProperty)), 'a value (the field is required)', 'nothing');
    case 'additionalProperties':
      return extraField(error, path, String(params.additionalProperty));
    case 'type':
      return fileProblem('ORR204', pathOf(path), `a value of type ${String(params.type)}`, received);
    case 'const':
      return fileProblem('ORR204', pathOf(path), JSON.stringify(params.allowedValue), received);
    case 'enum':
      return fileProblem(
        'ORR204',
        pathOf(path),
        `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        received,
      );
    case 'discriminator':
      return badTag(error, path);
    case 'pattern':
      return fileProblem('ORR204', pathOf(path), patternMeaning(error), received);
    case 'maxItems':
    case 'minItems':
      return fileProblem(
        'ORR204',
        pathOf(path),
        `${bound(error.keyword)} ${count(params.limit, 'item')}`,
        count((error.data as unknown[]).length, 'item'),
      );
    case 'maxLength':
    case 'minLength':
      return fileProblem(
        'ORR204',
        pathOf(path),
        `${bound(error.keyword)} ${count(params.limit, 'character')}`,
        count((error.data as string).length, 'character'),
      );
    case 'maximum':
    case 'minimum':
      return fileProblem('ORR204', pathOf(path), `a number ${params.comparison === '>=' ? '≥' : '≤'} ${String(params.limit)}`, received);
    default:
      return fileProblem('ORR204', pathOf(path), error.message ?? error.keyword, received);
  }
}

function count(n: unknown, noun: string): string {
  return `${String(n)} ${noun}${n === 1 ? '' : 's'}`;
}

function bound(keyword: string): string {
  return keyword.startsWith('max') ? 'at most' : 'at least';
}

function extraField(error: ErrorObject, path: string, extra: string): WorkspaceProblem {
  const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
  const data = error.data as Record<string, unknown>;
  const value = Object.hasOwn(data, extra) ? data[extra] : undefined;
  return fileProblem('ORR204', pathOf(path, extra), `no such field (allowed: ${allowed.join(', ')})`, describeReceived(value));
}

function badTag(error: ErrorObject, path: string): WorkspaceProblem {
  const params = error.params as { tag: string; tagValue: unknown };
  const branches = (error.parentSchema as { oneOf?: { properties: Record<string, { const?: unknown }> }[] } | undefined)?.oneOf ?? [];
  const tags = branches.map((b) => JSON.stringify(b.properties[params.tag]?.const)).join(', ');
  return fileProblem('ORR204', pathOf(path, params.tag), `one of ${tags}`, describeReceived(params.tagValue));
}

/** Which shared rule (name, kind, title) an error comes from: their patterns tell them apart. */
function ruleOf(error: ErrorObject): string | undefined {
  return (error.parentSchema as { pattern?: string } | undefined)?.pattern;
}

function patternMeaning(error: ErrorObject): string {
  if (ruleOf(error) === KIND_PATTERN)
    return 'an agent kind: a built-in id (lowercase letters, digits and -, such as "echo") or "custom:" + a module\'s SHA-256';
  if (ruleOf(error) === TITLE_PATTERN) return 'text without control characters';
  return `a string matching ${String((error.params as { pattern: string }).pattern)}`;
}
