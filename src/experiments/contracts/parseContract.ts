/**
 * Reads a contract file (`orrery.contract/1`) and makes every schema in it ready to check
 * content. A file is refused with every problem, each naming its path
 * (`kinds.echo.request.accepts: not a valid JSON Schema: ...`); nothing is half-loaded.
 * Nothing here compiles code at run time: the meta-schema check is generated ahead of time
 * (metaSchemaValidator.generated.ts) and content is checked by @cfworker/json-schema, so the
 * page (whose CSP forbids eval) and the CLI load the same files and give the same verdict.
 */
import type { ErrorObject } from 'ajv';
import type { Schema } from '@cfworker/json-schema';
import { PERFORMATIVES } from '../../protocol/performatives';
import { compileContentCheck, type ContentCheck } from './contentChecker';
import { validate as validateMetaSchema } from './metaSchemaValidator.generated';
import { walkSchema } from './schemaVocabulary';
import { errorSentences } from './sentences';
import { CONTRACT_SCHEMA, type ContractFile, type ContractProblem, type ContractRef, type Direction } from './types';

export type { ContentCheck } from './contentChecker';

/** A contract file whose schemas are all valid and ready. */
export interface Contracts {
  readonly file: ContractFile;
  /** The check for a kind, performative and direction (sentences, empty when kept); undefined when the file has none. */
  validator(ref: ContractRef): ContentCheck | undefined;
  /** Whether the file has an entry for this kind at all. */
  hasKind(kind: string): boolean;
}

export type ContractParse = { ok: true; contracts: Contracts } | { ok: false; problems: ContractProblem[] };

const DIRECTIONS: readonly Direction[] = ['accepts', 'sends'];
const TOP_KEYS = new Set(['schema', 'version', '$schema', 'kinds']);
const PERFORMATIVE_SET = new Set<string>(PERFORMATIVES);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Checks the file's shape, then each schema: meta-schema, vocabulary (no unknown keywords), `$ref`s. */
export function parseContract(value: unknown): ContractParse {
  const problems: ContractProblem[] = [];
  const fail = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(value)) return { ok: false, problems: [{ path: 'contract', message: 'expected an object' }] };
  for (const key of Object.keys(value)) if (!TOP_KEYS.has(key)) fail(key, 'unknown field (expected schema, version, kinds, $schema)');
  if (value.schema !== CONTRACT_SCHEMA) fail('schema', `expected "${CONTRACT_SCHEMA}", received ${JSON.stringify(value.schema)}`);
  if (typeof value.version !== 'string' || value.version.length === 0) fail('version', 'expected a non-empty version string');
  if (value.$schema !== undefined && typeof value.$schema !== 'string') fail('$schema', 'expected a string');
  if (!isObject(value.kinds)) fail('kinds', 'expected an object: agent kind → performative → {accepts, sends}');
  const compiled = new Map<string, Map<string, ContentCheck>>();
  for (const [kind, performatives] of Object.entries(isObject(value.kinds) ? value.kinds : {})) {
    if (!isObject(performatives)) {
      fail(`kinds.${kind}`, 'expected an object: performative → {accepts, sends}');
      continue;
    }
    for (const [performative, entry] of Object.entries(performatives)) {
      const path = `kinds.${kind}.${performative}`;
      if (!PERFORMATIVE_SET.has(performative)) fail(path, `"${performative}" is not a FIPA performative`);
      else if (!isObject(entry)) fail(path, 'expected an object with accepts and/or sends');
      else {
        for (const key of Object.keys(entry))
          if (!DIRECTIONS.includes(key as Direction)) fail(`${path}.${key}`, 'unknown field (expected accepts or sends)');
        for (const direction of DIRECTIONS) {
          if (!Object.hasOwn(entry, direction)) continue;
          const check = prepareSchema(entry[direction], `${path}.${direction}`, fail);
          if (check) compiled.set(kind, (compiled.get(kind) ?? new Map()).set(`${direction} ${performative}`, check));
        }
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const file = value as unknown as ContractFile;
  return {
    ok: true,
    contracts: {
      file,
      validator: (ref) => compiled.get(ref.kind)?.get(`${ref.direction} ${ref.performative}`),
      hasKind: (kind) => Object.hasOwn(file.kinds, kind),
    },
  };
}

/** Parses or throws an Error whose message lists every problem (for callers that refuse outright). */
export function loadContracts(value: unknown): Contracts {
  const parsed = parseContract(value);
  if (parsed.ok) return parsed.contracts;
  throw new Error(`invalid contract file:\n${parsed.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
}

const metaSchema = validateMetaSchema as unknown as { (value: unknown): boolean; errors?: ErrorObject[] | null };

/** One schema: valid against draft-07's meta-schema, every keyword known, every `$ref` resolving. */
function prepareSchema(schema: unknown, path: string, fail: (path: string, message: string) => void): ContentCheck | undefined {
  const refuse = (sentences: string[]) => {
    fail(path, `not a valid JSON Schema: ${sentences.join('; ')}`);
    return undefined;
  };
  if (typeof schema !== 'boolean' && !isObject(schema)) return refuse(['expected an object or a boolean']);
  if (!metaSchema(schema)) return refuse(errorSentences(metaSchema.errors ?? [], schema, path));
  // A private copy: the checker marks the objects it resolves `$ref`s on, and the file stays as read.
  const copy = structuredClone(schema) as Schema | boolean;
  const walk = walkSchema(copy, path);
  if (walk.problems.length > 0) return refuse(walk.problems);
  const compiled = compileContentCheck(copy, walk);
  return compiled.ok ? compiled.check : refuse(compiled.problems);
}
