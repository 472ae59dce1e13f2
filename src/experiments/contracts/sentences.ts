/**
 * ajv's errors as sentences that name the path into the content:
 * `content.items[0].sku: expected string, received number 12`.
 */
import type { ErrorObject } from 'ajv';
import { describeValue } from '../../protocol/describe';
import { valueAt } from '../schemaPointer';

/** `/items/0/sku` under `root` → `content.items[0].sku`. */
export function contentPath(pointer: string, root = 'content'): string {
  if (pointer === '') return root;
  let out = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(key) ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** One sentence per distinct error. */
export function errorSentences(errors: readonly ErrorObject[], data: unknown, root = 'content'): string[] {
  const out = new Set<string>();
  for (const error of errors) out.add(sentence(error, data, root));
  return [...out];
}

function sentence(error: ErrorObject, data: unknown, root: string): string {
  const at = contentPath(error.instancePath, root);
  const got = describeValue(valueAt(data, error.instancePath));
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${at}: missing the required field "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `${at}: unexpected field "${String(params.additionalProperty)}" (the contract lists every field it allows)`;
    case 'type':
      return `${at}: expected ${String(params.type).replace(/,/g, ' or ')}, received ${got}`;
    case 'enum':
      return `${at}: expected one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, received ${got}`;
    case 'const':
      return `${at}: expected ${JSON.stringify(params.allowedValue)}, received ${got}`;
    case 'false schema':
      return `${at}: no value is allowed here, received ${got}`;
    default:
      return `${at}: ${error.message ?? `fails ${error.keyword}`}, received ${got}`;
  }
}
