/**
 * Why a workspace (or scenario) file was refused. Every problem has a stable registry code
 * (ORR201–ORR212, src/protocol/errors.ts, listed in docs/errors.md), the path of the
 * offending field, what was expected versus what came, and a hint.
 */
import { formatError, type FileProblem } from '../protocol/errors';

export type WorkspaceProblem = FileProblem;

/** One line a person can act on: `ORR208 nodes[2].kind: expected a known agent kind (...), received "nope"`. */
export function formatProblem(p: WorkspaceProblem): string {
  return formatError(p, { hint: false });
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: WorkspaceProblem[] };

/** A short, bounded rendering of a value for "received …" (cheap even for a huge value). */
export function describeReceived(value: unknown, max = 80): string {
  if (value === undefined) return 'nothing';
  let text = previewJson(value, max);
  if (text.length > max) text = `${text.slice(0, max - 1)}…`;
  if (Array.isArray(value)) return `an array ${text}`;
  if (value !== null && typeof value === 'object') return `an object ${text}`;
  return text;
}

/**
 * JSON text of `value`, cut off soon after `max` characters: the work done is bounded by
 * `max`, not by the size or the depth of the value (a 50,000-item array costs as much as a
 * short one). Own enumerable keys only, as JSON.stringify.
 */
export function previewJson(value: unknown, max: number): string {
  const out: string[] = [];
  let length = 0;
  const emit = (part: string) => {
    out.push(part);
    length += part.length;
  };
  const walk = (v: unknown, depth: number): void => {
    if (length > max) return;
    if (v === null || typeof v !== 'object') {
      emit(scalarJson(v));
      return;
    }
    if (depth > 16) {
      emit('…');
      return;
    }
    const isArray = Array.isArray(v);
    const keys = isArray ? null : Object.keys(v);
    const count = isArray ? v.length : keys!.length;
    emit(isArray ? '[' : '{');
    for (let i = 0; i < count && length <= max; i++) {
      if (i > 0) emit(',');
      if (isArray) walk(v[i], depth + 1);
      else {
        emit(`${JSON.stringify(keys![i])}:`);
        walk((v as Record<string, unknown>)[keys![i]!], depth + 1);
      }
    }
    emit(isArray ? ']' : '}');
  };
  walk(value, 0);
  return out.join('');
}

function scalarJson(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 200 ? v.slice(0, 200) : v);
  // Infinity (from 1e999) says more than JSON's null.
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v === null) return String(v);
  if (typeof v === 'symbol') return v.toString();
  return typeof v; // undefined, functions: not JSON, but say what came
}

/** `/nodes/2/kind` → `nodes[2].kind`. */
export function pathOf(pointer: string, extra?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  let out = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || '(root)';
}
