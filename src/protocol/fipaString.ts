/**
 * FIPA-ACL string form (SC00070I), e.g.
 *   (request :sender you :receiver (set echo-1) :content "{\"n\":1}" :reply-with r1)
 * Content is JSON text in a string literal. Our extensions: a single receiver may be a bare
 * word (`:receiver echo-1`, `:receiver *`, `:receiver topic:orders`) so a string receiver
 * and a one-name list round-trip distinctly, and `:reply-by` is kernel-clock milliseconds.
 * Parsing ends with `checkDraft`, so a parsed draft is as valid as any other.
 */
import type { MessageDraft } from './message';
import { checkDraft, DraftError, type ValidationResult } from './validate';
import { DEFAULT_MAX_MESSAGE_BYTES } from './message';

const PARAMS: ReadonlyArray<readonly [keyof MessageDraft, string]> = [
  ['sender', 'sender'],
  ['receiver', 'receiver'],
  ['content', 'content'],
  ['language', 'language'],
  ['ontology', 'ontology'],
  ['protocol', 'protocol'],
  ['conversation_id', 'conversation-id'],
  ['reply_with', 'reply-with'],
  ['in_reply_to', 'in-reply-to'],
  ['reply_by', 'reply-by'],
];
const FIELD_OF = new Map(PARAMS.map(([field, param]) => [param, field]));

/** Encodes a draft (or a stamped message; `id` and `sent_at` are not part of the form). */
export function encodeFipa(message: MessageDraft): string {
  let out = `(${message.performative}`;
  for (const [field, param] of PARAMS) {
    const value = message[field];
    if (value === undefined) continue;
    out += ` :${param} `;
    if (field === 'receiver')
      out += typeof value === 'string' ? atom(value) : `(set${(value as string[]).map((n) => ` ${atom(n)}`).join('')})`;
    else if (field === 'content') out += quote(JSON.stringify(value));
    else if (field === 'reply_by') out += String(value);
    else out += atom(value as string);
  }
  return `${out})`;
}

function atom(text: string): string {
  return /^[^\s()"#0-9\-@][^\s()"]*$/.test(text) ? text : quote(text);
}

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

type Token = { kind: '(' | ')' | 'word' | 'string'; text: string; at: number };

/** Parses one message; errors name the offset (`(fipa)`) or the envelope field at fault. */
export function parseFipa(text: string, opts?: { maxBytes?: number }): ValidationResult {
  const lexed = tokenize(text);
  if (lexed instanceof DraftError) return failed(lexed);
  const draft = readMessage(new Cursor(lexed));
  if (draft instanceof DraftError) return failed(draft);
  const checked = checkDraft(draft, opts?.maxBytes ?? DEFAULT_MAX_MESSAGE_BYTES);
  return checked instanceof DraftError ? failed(checked) : { ok: true, draft: checked };
}

/** A position in the token list. */
class Cursor {
  i = 0;
  constructor(readonly tokens: Token[]) {}

  peek(): Token | undefined {
    return this.tokens[this.i];
  }

  /** A syntax error naming what was expected and what was found instead. */
  syntax(expected: string): DraftError {
    const token = this.peek();
    return new DraftError('(fipa)', expected, token ? `"${token.text}" at offset ${token.at}` : 'the end of the text');
  }
}

/** `(performative :param value ...)` and nothing after it, as an unchecked draft. */
function readMessage(c: Cursor): Record<string, unknown> | DraftError {
  if (c.peek()?.kind !== '(') return c.syntax('"(" opening a message');
  c.i++;
  const head = c.peek();
  if (head?.kind !== 'word') return c.syntax('a performative such as request or inform');
  c.i++;
  const draft: Record<string, unknown> = { performative: head.text };
  while (c.peek()?.kind === 'word' && c.peek()!.text.startsWith(':')) {
    const error = readParam(c, draft);
    if (error) return error;
  }
  if (c.peek()?.kind !== ')') return c.syntax('a :parameter or ")" closing the message');
  c.i++;
  if (c.peek()) return c.syntax('nothing after the message');
  return draft;
}

/** One `:param value` pair, written into the draft. */
function readParam(c: Cursor, draft: Record<string, unknown>): DraftError | undefined {
  const param = c.peek()!;
  const name = param.text.slice(1);
  const field = FIELD_OF.get(name);
  if (!field)
    return new DraftError(
      name,
      'a FIPA message parameter (sender, receiver, content, reply-with, ...)',
      `":${name}" at offset ${param.at}`,
    );
  if (field in draft) return new DraftError(field, 'each parameter once', `":${name}" again at offset ${param.at}`);
  c.i++;
  const value = c.peek();
  if (!value || value.kind === ')') return c.syntax(`a value for :${name}`);
  if (field === 'receiver' && value.kind === '(') {
    const set = readSet(c);
    if (set instanceof DraftError) return set;
    draft.receiver = set;
    return undefined;
  }
  if (value.kind === '(') return c.syntax(`a word or string for :${name}`);
  c.i++;
  if (field === 'content') draft.content = jsonOrText(value.text);
  else if (field === 'reply_by') {
    const n = value.kind === 'word' ? Number(value.text) : NaN;
    if (!Number.isFinite(n)) return new DraftError('reply_by', 'a number of milliseconds', `"${value.text}" at offset ${value.at}`);
    draft.reply_by = n;
  } else draft[field] = value.text;
  return undefined;
}

/** `(set name ...)`, where a name is a word, a string or `(agent-identifier :name x)`. */
function readSet(c: Cursor): string[] | DraftError {
  const { tokens } = c;
  const open = tokens[c.i]!;
  c.i++;
  if (tokens[c.i]?.kind !== 'word' || tokens[c.i]!.text !== 'set')
    return new DraftError('receiver', '(set name ...)', `"${tokens[c.i]?.text ?? 'end'}" at offset ${open.at}`);
  c.i++;
  const names: string[] = [];
  for (;;) {
    const token = tokens[c.i];
    if (!token) return new DraftError('(fipa)', '")" closing (set ...)', 'the end of the text');
    if (token.kind === ')') {
      c.i++;
      return names;
    }
    if (token.kind === '(') {
      // (agent-identifier :name x) as FIPA writes it
      const name = readAgentIdentifier(c);
      if (name instanceof DraftError) return name;
      names.push(name);
      continue;
    }
    names.push(token.text);
    c.i++;
  }
}

function readAgentIdentifier(c: Cursor): string | DraftError {
  const { tokens, i } = c;
  const start = tokens[i]!;
  const [kw, key, value, close] = [tokens[i + 1], tokens[i + 2], tokens[i + 3], tokens[i + 4]];
  if (
    kw?.text !== 'agent-identifier' ||
    key?.text !== ':name' ||
    !value ||
    value.kind === '(' ||
    value.kind === ')' ||
    close?.kind !== ')'
  ) {
    return new DraftError('receiver', 'a name or (agent-identifier :name x)', `text at offset ${start.at}`);
  }
  c.i += 5;
  return value.text;
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // FIPA content is often SL or plain text: keep it as a JSON string
  }
}

function failed(error: DraftError): ValidationResult {
  return { ok: false, error: { field: error.field, expected: error.expected, got: error.got, message: error.message } };
}

function tokenize(text: string): Token[] | DraftError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c, text: c, at: i });
      i++;
    } else if (c === '"') {
      const at = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) return new DraftError('(fipa)', 'a closing quote', `an unterminated string starting at offset ${at}`);
        const d = text[i]!;
        if (d === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
        } else if (d === '"') {
          i++;
          break;
        } else {
          value += d;
          i++;
        }
      }
      tokens.push({ kind: 'string', text: value, at });
    } else {
      const at = i;
      while (i < text.length && !/[\s()"]/.test(text[i]!)) i++;
      tokens.push({ kind: 'word', text: text.slice(at, i), at });
    }
  }
  return tokens;
}
