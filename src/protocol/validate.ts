/**
 * Validation of message drafts: everything that crosses a boundary (the console, a
 * client, a guest's `send`) comes through here. Never throws; the error names the field,
 * what was expected and what came.
 */
import { closest, describeValue, utf8Length } from './describe';
import { BROADCAST, DEFAULT_MAX_MESSAGE_BYTES, TOPIC_PREFIX, type MessageDraft } from './message';
import { isPerformative, PERFORMATIVES } from './performatives';

export interface ValidationError {
  /** The offending field (`receiver`, `receiver[1]`, `content.items[3]`), or `(message)`. */
  field: string;
  expected: string;
  got: string;
  /** `field: expected X, got Y` plus a hint when one helps. */
  message: string;
}

export type ValidationResult = { ok: true; draft: MessageDraft } | { ok: false; error: ValidationError };

export interface ValidateOptions {
  /** Largest serialized message accepted, in UTF-8 bytes. */
  maxBytes?: number;
}

export const ENVELOPE_FIELDS = [
  'performative',
  'receiver',
  'content',
  'sender',
  'conversation_id',
  'reply_with',
  'in_reply_to',
  'reply_by',
  'protocol',
  'ontology',
  'language',
] as const;

const OPTIONAL_STRINGS = ['sender', 'conversation_id', 'reply_with', 'in_reply_to', 'protocol', 'ontology', 'language'] as const;
const STAMPED = new Set(['id', 'sent_at']);
/** Envelope field → its key's share of the serialized size; a null prototype, so only these. */
const FIELD_COST: Record<string, number | undefined> = Object.assign(
  Object.create(null) as Record<string, number>,
  Object.fromEntries(ENVELOPE_FIELDS.map((field) => [field, field.length + 4])),
);
const RECEIVER_EXPECTED = 'an agent name, a list of names, "*" or "topic:<name>"';
const MAX_DEPTH = 256;

/** A failed check; a class so the hot path can tell it from a draft with `instanceof`. */
export class DraftError implements ValidationError {
  readonly message: string;
  constructor(
    readonly field: string,
    readonly expected: string,
    readonly got: string,
    readonly hint?: string,
  ) {
    this.message = `${field}: expected ${expected}, got ${got}${hint ? `; ${hint}` : ''}`;
  }
}

export function validateDraft(input: unknown, opts?: ValidateOptions): ValidationResult {
  const result = checkDraft(input, opts?.maxBytes ?? DEFAULT_MAX_MESSAGE_BYTES);
  if (result instanceof DraftError) {
    const { field, expected, got, message } = result;
    return { ok: false, error: { field, expected, got, message } };
  }
  return { ok: true, draft: result };
}

/**
 * The hot-path form of `validateDraft`: returns the draft (the very object given, or the
 * parsed one: no copy) or a `DraftError`. Size is measured cheaply: a string's UTF-8
 * length, or for an object an upper bound gathered while checking the content, with one
 * `JSON.stringify` only when that bound exceeds the limit.
 */
export function checkDraft(input: unknown, maxBytes: number): MessageDraft | DraftError {
  if (typeof input === 'string') {
    // Every UTF-16 unit is 1 to 3 UTF-8 bytes: measure exactly only near the limit.
    if (input.length * 3 > maxBytes) {
      const bytes = input.length > maxBytes ? input.length : utf8Length(input);
      if (bytes > maxBytes) return oversize(bytes, maxBytes, input.length > maxBytes);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch (error) {
      return new DraftError('(message)', 'JSON text of a message object', `invalid JSON (${(error as Error).message})`);
    }
    // Parsed JSON content is JSON by construction and its size is already known.
    return checkObject(parsed, -1);
  }
  return checkObject(input, maxBytes);
}

function oversize(bytes: number, maxBytes: number, atLeast: boolean): DraftError {
  return new DraftError(
    '(message)',
    `at most ${maxBytes} bytes serialized`,
    `${atLeast ? 'at least ' : ''}${bytes} bytes`,
    'send a reference to large data instead of the data',
  );
}

/** `budget` < 0: skip the content walk (already parsed JSON, size already checked). */
function checkObject(input: unknown, budget: number): MessageDraft | DraftError {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return new DraftError('(message)', 'a message object such as {"performative":"inform","receiver":"echo-1"}', describeValue(input));
  }
  const draft = input as Record<string, unknown>;
  let size = 2;
  for (const key in draft) {
    const cost = FIELD_COST[key];
    if (cost === undefined) return unknownField(key);
    size += cost;
  }

  const performative = draft.performative;
  if (!isPerformative(performative)) {
    const hint = typeof performative === 'string' ? closest(performative, PERFORMATIVES) : undefined;
    return new DraftError(
      'performative',
      'one of the 22 FIPA performatives (request, inform, query-if, ...)',
      describeValue(performative),
      hint ? `did you mean "${hint}"?` : undefined,
    );
  }

  const receiver = draft.receiver;
  if (typeof receiver === 'string') {
    if (receiver.length === 0) return new DraftError('receiver', RECEIVER_EXPECTED, 'an empty string');
    if (receiver.length === TOPIC_PREFIX.length && receiver === TOPIC_PREFIX) {
      return new DraftError('receiver', 'a topic name after "topic:"', 'nothing');
    }
    size += receiver.length * 6 + 2;
  } else if (Array.isArray(receiver)) {
    if (receiver.length === 0) return new DraftError('receiver', `${RECEIVER_EXPECTED} (a list needs at least one name)`, 'an empty list');
    for (let i = 0; i < receiver.length; i++) {
      const name: unknown = receiver[i];
      if (typeof name !== 'string' || name.length === 0 || name === BROADCAST || name.startsWith(TOPIC_PREFIX)) {
        return new DraftError(`receiver[${i}]`, 'an agent or client name (lists cannot hold "*" or topics)', describeValue(name));
      }
      size += name.length * 6 + 3;
    }
  } else {
    return new DraftError('receiver', RECEIVER_EXPECTED, describeValue(receiver));
  }

  // Named loads (not a loop over keys): this runs for every message.
  if (draft.sender !== undefined) size = optionalString(draft.sender, 'sender', size);
  if (draft.conversation_id !== undefined) size = optionalString(draft.conversation_id, 'conversation_id', size);
  if (draft.reply_with !== undefined) size = optionalString(draft.reply_with, 'reply_with', size);
  if (draft.in_reply_to !== undefined) size = optionalString(draft.in_reply_to, 'in_reply_to', size);
  if (draft.protocol !== undefined) size = optionalString(draft.protocol, 'protocol', size);
  if (draft.ontology !== undefined) size = optionalString(draft.ontology, 'ontology', size);
  if (draft.language !== undefined) size = optionalString(draft.language, 'language', size);
  if (size < 0) return optionalStringError(draft);

  const replyBy = draft.reply_by;
  if (replyBy !== undefined) {
    if (typeof replyBy !== 'number' || !Number.isFinite(replyBy)) {
      return new DraftError('reply_by', 'a finite number (kernel clock time in ms)', describeValue(replyBy));
    }
    size += 24;
  }

  if (budget >= 0 && draft.content !== undefined) {
    const walk: Walk = { bound: size, error: undefined, trail: [] };
    if (!walkJson(draft.content, 0, walk)) return walkError(walk);
    if (walk.bound > budget) {
      // The bound is loose (every character counted as a 6-byte escape): measure exactly.
      const bytes = utf8Length(JSON.stringify(draft));
      if (bytes > budget) return oversize(bytes, budget, false);
    }
  }
  return draft as unknown as MessageDraft;
}

/** Adds a string field's size bound, or returns -Infinity (sticky) when it is not a non-empty string. */
function optionalString(value: unknown, _field: string, size: number): number {
  return typeof value === 'string' && value.length > 0 ? size + value.length * 6 + 2 : -Infinity;
}

function optionalStringError(draft: Record<string, unknown>): DraftError {
  for (const key of OPTIONAL_STRINGS) {
    const value = draft[key];
    if (value !== undefined && (typeof value !== 'string' || value.length === 0))
      return new DraftError(key, 'a non-empty string', describeValue(value));
  }
  return new DraftError('(message)', 'a non-empty string', 'something else');
}

function unknownField(key: string): DraftError {
  if (STAMPED.has(key)) {
    return new DraftError(key, 'no such field in a draft', `field "${key}"`, 'the kernel stamps id and sent_at: remove it');
  }
  const hint = closest(key, ENVELOPE_FIELDS);
  return new DraftError(
    key,
    `only envelope fields (${ENVELOPE_FIELDS.join(', ')})`,
    `unknown field "${key}"`,
    hint ? `did you mean "${hint}"?` : 'put application data inside content',
  );
}

interface Walk {
  bound: number;
  error: DraftError | undefined;
  /** Path segments of the failing value, innermost first (built only on error). */
  trail: string[];
}

/** Checks that `value` is plain JSON and adds an upper bound of its serialized size. */
function walkJson(value: unknown, depth: number, walk: Walk): boolean {
  switch (typeof value) {
    case 'string':
      walk.bound += value.length * 6 + 2;
      return true;
    case 'boolean':
      walk.bound += 5;
      return true;
    case 'number':
      walk.bound += 24;
      if (Number.isFinite(value)) return true;
      return fail(walk, 'a JSON value', `number ${value}`, 'JSON has no NaN or Infinity');
    case 'object':
      break;
    default:
      return fail(walk, 'a JSON value', describeValue(value));
  }
  if (value === null) {
    walk.bound += 4;
    return true;
  }
  if (depth >= MAX_DEPTH) return fail(walk, `JSON nested at most ${MAX_DEPTH} deep`, 'deeper nesting (a cycle?)');
  if (Array.isArray(value)) {
    walk.bound += 2 + value.length;
    for (let i = 0; i < value.length; i++) {
      if (!walkJson(value[i], depth + 1, walk)) return trail(walk, `[${i}]`);
    }
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return fail(walk, 'a JSON value', describeValue(value));
  walk.bound += 2;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (item === undefined) continue; // JSON.stringify drops it, as JSON would
    walk.bound += key.length * 6 + 4;
    if (!walkJson(item, depth + 1, walk)) return trail(walk, /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
  }
  return true;
}

function fail(walk: Walk, expected: string, got: string, hint?: string): false {
  walk.error = new DraftError('', expected, got, hint);
  return false;
}

function trail(walk: Walk, segment: string): false {
  walk.trail.push(segment);
  return false;
}

function walkError(walk: Walk): DraftError {
  const inner = walk.error!;
  const field = `content${walk.trail.reverse().join('')}`;
  return new DraftError(field, inner.expected, inner.got, inner.hint);
}
