/**
 * Why a workspace (or scenario) file was refused. Every problem has a stable code people
 * can search for, the path of the offending field, and what was expected versus what came.
 */
export const WORKSPACE_ERRORS = {
  WS001: { title: 'Not JSON', hint: 'Export a workspace from Orrery, or fix the JSON syntax at the given position.' },
  WS002: { title: 'Not an Orrery workspace', hint: 'A workspace file starts with {"orrery": "workspace", "version": N, ...}.' },
  WS003: { title: 'Unsupported version', hint: 'The file is from a newer Orrery, or its version is not a whole number: update Orrery or export again.' },
  WS004: { title: 'Schema violation', hint: 'Fix the named field; the JSON Schema is in src/workspace/schema.ts, the maxima in src/workspace/limits.ts.' },
  WS005: { title: 'Duplicate node name', hint: 'Agents, topics, clients and groups share one namespace: rename one of them.' },
  WS006: { title: 'Invalid node name', hint: 'Use a non-empty name without spaces, quotes or parentheses, not "you", "kernel", "*" and not starting with "topic:".' },
  WS007: { title: 'Link to a missing node', hint: 'A link joins two different nodes of the same file, at most once per pair.' },
  WS008: { title: 'Unknown agent kind', hint: 'Use a built-in kind, or include the custom module (modules[]) the kind names.' },
  WS009: { title: 'Bad module', hint: 'A module carries its component bytes as base64 and its kind is "custom:" + its hash.' },
  WS010: { title: 'Unknown group', hint: 'An agent\'s group (and a group\'s parent) must name a group node of the same file.' },
  WS011: { title: 'Duplicate experiment name', hint: 'Saved experiments are kept by name: rename one of them.' },
  WS012: { title: 'Too many problems', hint: 'Only the first problems are listed and checking stops early: fix those and import again.' },
} as const;

export type WorkspaceErrorCode = keyof typeof WORKSPACE_ERRORS;

export interface WorkspaceProblem {
  code: WorkspaceErrorCode;
  /** Where in the document: `nodes[2].kind`, `links[0].b`, `(root)`. */
  path: string;
  expected: string;
  received: string;
}

export function problem(code: WorkspaceErrorCode, path: string, expected: string, received: string): WorkspaceProblem {
  return { code, path, expected, received };
}

/** One line a person can act on: `WS008 nodes[2].kind: expected a known agent kind (...), received "nope"`. */
export function formatProblem(p: WorkspaceProblem): string {
  return `${p.code} ${p.path}: expected ${p.expected}, received ${p.received}`;
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
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  let out = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || '(root)';
}
