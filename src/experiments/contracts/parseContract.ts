/**
 * Reads a contract file (`orrery.contract/1`) and compiles every schema in it with ajv.
 * A file is refused with every problem, each naming its path
 * (`kinds.echo.request.accepts: not a valid JSON Schema: ...`); nothing is half-loaded.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { PERFORMATIVES } from '../../protocol/performatives';
import { errorSentences } from './sentences';
import { CONTRACT_SCHEMA, type ContractFile, type ContractProblem, type ContractRef, type Direction, type JsonSchema } from './types';

/** A contract file whose schemas all compiled. */
export interface Contracts {
  readonly file: ContractFile;
  /** The compiled schema for a kind, performative and direction; undefined when the file has none. */
  validator(ref: ContractRef): ValidateFunction | undefined;
  /** Whether the file has an entry for this kind at all. */
  hasKind(kind: string): boolean;
}

export type ContractParse = { ok: true; contracts: Contracts } | { ok: false; problems: ContractProblem[] };

const DIRECTIONS: readonly Direction[] = ['accepts', 'sends'];
const TOP_KEYS = new Set(['schema', 'version', '$schema', 'kinds']);
const PERFORMATIVE_SET = new Set<string>(PERFORMATIVES);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Checks the file's shape, then each schema against the meta-schema, then compiles it (strict mode). */
export function parseContract(value: unknown): ContractParse {
  const problems: ContractProblem[] = [];
  const fail = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(value)) return { ok: false, problems: [{ path: 'contract', message: 'expected an object' }] };
  for (const key of Object.keys(value)) if (!TOP_KEYS.has(key)) fail(key, 'unknown field (expected schema, version, kinds, $schema)');
  if (value.schema !== CONTRACT_SCHEMA) fail('schema', `expected "${CONTRACT_SCHEMA}", received ${JSON.stringify(value.schema)}`);
  if (typeof value.version !== 'string' || value.version.length === 0) fail('version', 'expected a non-empty version string');
  if (value.$schema !== undefined && typeof value.$schema !== 'string') fail('$schema', 'expected a string');
  if (!isObject(value.kinds)) fail('kinds', 'expected an object: agent kind → performative → {accepts, sends}');
  const compiled = new Map<string, Map<string, ValidateFunction>>();
  // One ajv per file: schema $ids of one file may not clash, those of two files may.
  // Strict about keywords (a typo is a schema that checks nothing), not about style: a
  // `required` field without a `properties` entry is valid JSON Schema.
  const ajv = new Ajv({
    allErrors: true,
    strictSchema: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    // Content is JSON from outside: a missing "toString" must not be read off Object.prototype.
    ownProperties: true,
  });
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
          const validate = compileSchema(ajv, entry[direction], `${path}.${direction}`, fail);
          if (validate) compiled.set(kind, (compiled.get(kind) ?? new Map()).set(`${direction} ${performative}`, validate));
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

function compileSchema(
  ajv: Ajv,
  schema: unknown,
  path: string,
  fail: (path: string, message: string) => void,
): ValidateFunction | undefined {
  if (typeof schema !== 'boolean' && !isObject(schema)) {
    fail(path, 'not a valid JSON Schema: expected an object or a boolean');
    return undefined;
  }
  if (!ajv.validateSchema(schema as JsonSchema)) {
    const sentences = errorSentences(ajv.errors ?? [], schema, path);
    fail(path, `not a valid JSON Schema: ${sentences.join('; ')}`);
    return undefined;
  }
  try {
    return ajv.compile(schema as JsonSchema);
  } catch (error) {
    // ajv throws for strict-mode problems (unknown keywords...) and unresolvable $refs
    fail(path, `not a valid JSON Schema: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
