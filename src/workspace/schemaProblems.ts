/**
 * Checking a value against one of the file schemas with ajv, and turning ajv's errors
 * into problems a person can act on (path, expected, received). A good file costs one
 * quick pass that stops at the first error; only a broken one gets the detailed pass,
 * which checks the root's own fields and then the long lists item by item, so it can
 * stop as soon as the problem list is full instead of collecting an error per item.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { nameProblem } from '../protocol/names';
import { describeReceived, pathOf, problem, type WorkspaceProblem } from './errors';
import { createProblemList, type ProblemList } from './problemList';
import { SCENARIO_SCHEMA } from './scenarioSchema';
import { commonDefs, WORKSPACE_SCHEMA_V1, WORKSPACE_SCHEMA_V2 } from './schema';

export type SchemaName = 'workspace-v1' | 'workspace-v2' | 'scenario';

interface FileSchema {
  $id: string;
  properties: Readonly<Record<string, unknown>>;
}

/** Each schema, with the array fields whose items are checked one at a time. */
const FILES: Record<SchemaName, { schema: FileSchema; lists: readonly string[] }> = {
  'workspace-v1': { schema: WORKSPACE_SCHEMA_V1, lists: ['agents', 'links'] },
  'workspace-v2': {
    schema: WORKSPACE_SCHEMA_V2,
    lists: ['nodes', 'links', 'modules', 'experiments'],
  },
  scenario: { schema: SCENARIO_SCHEMA, lists: [] },
};

interface Compiled {
  /** Stops at the first error: the quick yes for a good file. */
  whole: ValidateFunction;
  /** Every error of the root's own fields; the long lists only as arrays with a maximum. */
  root: ValidateFunction;
  lists: { key: string; maxItems: number; item: ValidateFunction }[];
}

// ownProperties: `required` and `properties` look at own keys only, never the prototype.
const OPTIONS = {
  discriminator: true,
  strict: true,
  ownProperties: true,
} as const;
let quick: Ajv | undefined;
let detailed: Ajv | undefined;
const compiled = new Map<SchemaName, Compiled>();

/** Compiled lazily: ajv generates code, which is only worth doing when a file arrives. */
function compiledFor(name: SchemaName): Compiled {
  const found = compiled.get(name);
  if (found) return found;
  quick ??= new Ajv({ ...OPTIONS, allErrors: false });
  detailed ??= new Ajv({ ...OPTIONS, allErrors: true, verbose: true });
  const { schema, lists } = FILES[name];
  detailed.addSchema(schema);
  const props = { ...schema.properties };
  const out: Compiled = {
    whole: quick.compile(schema),
    root: undefined as unknown as ValidateFunction,
    lists: [],
  };
  for (const key of lists) {
    const { maxItems, items } = schema.properties[key] as {
      maxItems: number;
      items: { $ref: string };
    };
    const item = detailed.getSchema(`${schema.$id}${items.$ref}`);
    if (!item) throw new Error(`schema ${name}: no ${items.$ref}`);
    out.lists.push({ key, maxItems, item });
    props[key] = { type: 'array', maxItems };
  }
  out.root = detailed.compile({
    ...schema,
    $id: schema.$id.replace(/\.json$/, '.root.json'),
    properties: props,
  });
  compiled.set(name, out);
  return out;
}

/** Shape problems of `value` against a schema (empty when it conforms), capped as `list` caps them. */
export function schemaProblems(schema: SchemaName, value: unknown, list: ProblemList = createProblemList()): WorkspaceProblem[] {
  checkSchema(schema, value, list);
  return list.problems();
}

/** Add the shape problems of `value` to `list`, stopping once it is full. */
export function checkSchema(schema: SchemaName, value: unknown, list: ProblemList): void {
  const c = compiledFor(schema);
  if (c.whole(value)) return;
  report(c.root, value, '', list);
  if (value === null || typeof value !== 'object') return;
  for (const { key, maxItems, item } of c.lists) {
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
  if (error.parentSchema === commonDefs.name && (error.keyword === 'pattern' || error.keyword === 'not')) {
    const why = nameProblem(error.data) ?? 'not a name the network takes';
    return problem('WS006', pathOf(path), 'a valid node name', `${received} (${why})`);
  }
  switch (error.keyword) {
    case 'required':
      return problem('WS004', pathOf(path, String(params.missingProperty)), 'a value (the field is required)', 'nothing');
    case 'additionalProperties':
      return extraField(error, path, String(params.additionalProperty));
    case 'type':
      return problem('WS004', pathOf(path), `a value of type ${String(params.type)}`, received);
    case 'const':
      return problem('WS004', pathOf(path), JSON.stringify(params.allowedValue), received);
    case 'enum':
      return problem(
        'WS004',
        pathOf(path),
        `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        received,
      );
    case 'discriminator':
      return badTag(error, path);
    case 'pattern':
      return problem('WS004', pathOf(path), patternMeaning(error), received);
    case 'maxItems':
    case 'minItems':
      return problem(
        'WS004',
        pathOf(path),
        `${bound(error.keyword)} ${count(params.limit, 'item')}`,
        count((error.data as unknown[]).length, 'item'),
      );
    case 'maxLength':
    case 'minLength':
      return problem(
        'WS004',
        pathOf(path),
        `${bound(error.keyword)} ${count(params.limit, 'character')}`,
        count((error.data as string).length, 'character'),
      );
    case 'maximum':
    case 'minimum':
      return problem('WS004', pathOf(path), `a number ${params.comparison === '>=' ? '≥' : '≤'} ${String(params.limit)}`, received);
    default:
      return problem('WS004', pathOf(path), error.message ?? error.keyword, received);
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
  return problem('WS004', pathOf(path, extra), `no such field (allowed: ${allowed.join(', ')})`, describeReceived(value));
}

function badTag(error: ErrorObject, path: string): WorkspaceProblem {
  const params = error.params as { tag: string; tagValue: unknown };
  const branches = (error.parentSchema as { oneOf?: { properties: Record<string, { const?: unknown }> }[] } | undefined)?.oneOf ?? [];
  const tags = branches.map((b) => JSON.stringify(b.properties[params.tag]?.const)).join(', ');
  return problem('WS004', pathOf(path, params.tag), `one of ${tags}`, describeReceived(params.tagValue));
}

function patternMeaning(error: ErrorObject): string {
  if (error.parentSchema === commonDefs.kind)
    return 'an agent kind: a built-in id (lowercase letters, digits and -, such as "echo") or "custom:" + a module\'s SHA-256';
  if (error.parentSchema === commonDefs.title) return 'text without control characters';
  return `a string matching ${String((error.params as { pattern: string }).pattern)}`;
}
