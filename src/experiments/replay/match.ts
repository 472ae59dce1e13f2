/**
 * Matching rules: which fields of a message do not count when a replayed message is compared
 * with a recorded one (Polly.js's `matchRequestsBy`). Ids and times differ between any two
 * runs that are not the same deterministic run, so they are ignored by default.
 */
import { canonicalJson } from '../simulation/canonicalJson';

export interface MatchRules {
  /** Field paths left out of the comparison: `id`, `content.at` (dots go into objects). */
  ignore: string[];
  /** Messages of a conversation must come in the same order (else: the same multiset). */
  orderSensitive: boolean;
  /** Per-conversation exceptions to `orderSensitive`, by recorded conversation id. */
  orderSensitiveFor?: Record<string, boolean>;
}

export const DEFAULT_MATCH_RULES: MatchRules = {
  // message ids, the tokens that correlate a request and its answer (made from ids), the
  // conversation id (a client may generate it), times stamped by the kernel or the sender,
  // and the kernel's failure content naming the failed message's id.
  ignore: ['id', 'reply_with', 'in_reply_to', 'conversation_id', 'sent_at', 'reply_by', 'content.message_id'],
  orderSensitive: true,
};

export interface FieldDifference {
  /** A path: `content.count`, `receiver`. */
  field: string;
  recorded: unknown;
  replayed: unknown;
}

export function isOrderSensitive(rules: MatchRules, conversation: string): boolean {
  const own =
    rules.orderSensitiveFor && Object.hasOwn(rules.orderSensitiveFor, conversation) ? rules.orderSensitiveFor[conversation] : undefined;
  return own ?? rules.orderSensitive;
}

/** The value with the ignored paths removed (a copy; the value is not changed). */
export function withoutIgnored(value: unknown, ignore: readonly string[], prefix = ''): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (ignore.includes(path)) continue;
    out[key] = withoutIgnored(item, ignore, path);
  }
  return out;
}

/** The comparison key of a message under the rules. */
export function matchKey(message: unknown, rules: MatchRules): string {
  return canonicalJson(withoutIgnored(message, rules.ignore));
}

/** Every field (leaf path) where the two differ under the rules; [] when they match. */
export function differingFields(recorded: unknown, replayed: unknown, rules: MatchRules): FieldDifference[] {
  const out: FieldDifference[] = [];
  collect(withoutIgnored(recorded, rules.ignore), withoutIgnored(replayed, rules.ignore), '', out);
  return out;
}

function collect(a: unknown, b: unknown, path: string, out: FieldDifference[]): void {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) collect(a[key], b[key], path === '' ? key : `${path}.${key}`, out);
    return;
  }
  const differ = a === undefined || b === undefined ? a !== b : canonicalJson(a) !== canonicalJson(b);
  if (differ) out.push({ field: path === '' ? '(message)' : path, recorded: a, replayed: b });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
