/**
 * One schema made ready to check content with @cfworker/json-schema (draft-07, interpreting: no
 * `new Function`, so the page's CSP allows it, and the page and the CLI give the same verdict).
 * Refused here, not when a message arrives: a `$ref` that resolves to nothing, two subschemas
 * with the same `$id`.
 */
import { dereference, validate, type Schema } from '@cfworker/json-schema';
import { contentSentences } from './contentSentences';
import type { SchemaWalk } from './schemaVocabulary';

/** The sentences naming what is wrong with `content` (`content.sku: expected string, received number 7`); empty when it keeps the schema. */
export type ContentCheck = (content: unknown) => string[];

export type ContentCompile = { ok: true; check: ContentCheck } | { ok: false; problems: string[] };

/**
 * `schema` must be a private copy (dereference marks its objects) that `walk` (walkSchema) was
 * run over, so `walk.refs` are its objects.
 */
export function compileContentCheck(schema: Schema | boolean, walk: SchemaWalk): ContentCompile {
  let lookup: Record<string, Schema | boolean>;
  try {
    lookup = dereference(schema);
  } catch (error) {
    // "Duplicate schema URI": two subschemas claim one $id
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
  const problems: string[] = [];
  for (const { path, schema: holder } of walk.refs) {
    const uri = (holder as Schema).__absolute_ref__ ?? String(holder.$ref);
    if (lookup[uri] === undefined) problems.push(`${path}.$ref: "${String(holder.$ref)}" points at no schema in this file`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const check: ContentCheck = (content) => {
    const value = content === undefined ? null : content;
    try {
      const result = validate(value, schema, '7', lookup, false);
      return result.valid ? [] : contentSentences(result.errors, value, schema, lookup);
    } catch (error) {
      // Only for values JSON cannot hold (a function, undefined inside an array).
      return [`content: cannot be checked (${error instanceof Error ? error.message : String(error)})`];
    }
  };
  return { ok: true, check };
}
