/**
 * FIPA-ACL string form (SC00070I), e.g.
 *   (request :sender you :receiver (set echo-1) :content "{\"n\":1}" :reply-with r1)
 * Content is JSON text in a string literal. Our extensions: a single receiver may be a bare
 * word (`:receiver echo-1`, `:receiver *`, `:receiver topic:orders`) so a string receiver
 * and a one-name list round-trip distinctly, and `:reply-by` is kernel-clock milliseconds.
 * Parsing ends with `checkDraft`, so a parsed draft is as valid as any other.
 *
 * JADE's forms are read too, and written with `{style: 'jade'}`: performatives in any case,
 * agent identifiers `(agent-identifier :name a@host:1099/JADE :addresses (sequence http://...))`
 * for the sender and receivers (their addresses come back in `addresses`), `:reply-by` as a
 * FIPA date `20261206T153000000Z`, and content that is not JSON as plain text.
 */
import type { MessageDraft } from './message';
import { BROADCAST, TOPIC_PREFIX } from './message';
import { checkDraft, DraftError, type ValidationResult } from './validate';
import { DEFAULT_MAX_MESSAGE_BYTES } from './message';
import { Cursor, tokenize } from './fipaTokens';

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
/** FIPA parameters the envelope has no field for: refused, or skipped and listed when asked. */
const UNCARRIED = new Set(['reply-to', 'encoding']);

/** Agent name → transport addresses, as agent identifiers carry them. */
export type AgentAddresses = Record<string, string[]>;

export interface FipaEncodeOptions {
  /**
   * `orrery` (default): lower-case performative, names as words, content as JSON text.
   * `jade`: as JADE writes it — upper-case performative, one parameter a line, sender and
   * receivers as agent identifiers (`:receiver` always a set), content that is a string
   * written as it is (JSON text only when the plain text would read back as something else).
   */
  style?: 'orrery' | 'jade';
  /** Addresses written into agent identifiers (jade style). */
  addresses?: (name: string) => readonly string[] | undefined;
  /** Epoch ms at kernel time 0: jade style writes `:reply-by` as a FIPA date from it (default 0). */
  timeOrigin?: number;
}

export interface FipaParseOptions {
  maxBytes?: number;
  /** Epoch ms at kernel time 0: a FIPA date in `:reply-by` becomes kernel ms from it (default 0). */
  timeOrigin?: number;
  /** Skip `:reply-to`, `:encoding` and user-defined `:X-...` parameters (listed in `skipped`) instead of refusing them. */
  skipUncarried?: boolean;
}

/** A parse result; agent identifiers' addresses and skipped parameters ride along when there were any. */
export type FipaParseResult = ValidationResult & { addresses?: AgentAddresses; skipped?: string[] };

/** Encodes a draft (or a stamped message; `id` and `sent_at` are not part of the form). */
export function encodeFipa(message: MessageDraft, options: FipaEncodeOptions = {}): string {
  const jade = options.style === 'jade';
  let out = `(${jade ? message.performative.toUpperCase() : message.performative}`;
  for (const [field, param] of PARAMS) {
    const value = message[field];
    if (value === undefined) continue;
    out += `${jade ? '\n ' : ' '}:${param} `;
    if (field === 'receiver')
      out += jade ? jadeReceivers(value as MessageDraft['receiver'], options) : receivers(value as MessageDraft['receiver']);
    else if (field === 'sender' && jade) out += agentIdentifier(value as string, options);
    else if (field === 'content') out += quote(jade ? jadeContent(value) : JSON.stringify(value));
    else if (field === 'reply_by') out += jade ? fipaDate((options.timeOrigin ?? 0) + (value as number)) : String(value);
    else out += atom(value as string);
  }
  return `${out}${jade ? '\n' : ''})`;
}

function receivers(value: MessageDraft['receiver']): string {
  return typeof value === 'string' ? atom(value) : `(set${value.map((n) => ` ${atom(n)}`).join('')})`;
}

/** Broadcast and topics have no agent identifier: they stay bare words. */
function jadeReceivers(value: MessageDraft['receiver'], options: FipaEncodeOptions): string {
  if (typeof value === 'string' && (value === BROADCAST || value.startsWith(TOPIC_PREFIX))) return atom(value);
  const names = typeof value === 'string' ? [value] : value;
  return `(set${names.map((n) => ` ${agentIdentifier(n, options)}`).join('')})`;
}

function agentIdentifier(name: string, options: FipaEncodeOptions): string {
  const addresses = options.addresses?.(name) ?? [];
  const tail = addresses.length > 0 ? ` :addresses (sequence${addresses.map((a) => ` ${atom(a)}`).join('')})` : '';
  return `(agent-identifier :name ${atom(name)}${tail})`;
}

/** A string goes as itself when it would read back as that same string; anything else as JSON. */
function jadeContent(value: unknown): string {
  return typeof value === 'string' && jsonOrText(value) === value ? value : JSON.stringify(value);
}

/** FIPA DateTime, UTC: `YYYYMMDDTHHMMSSmmmZ`. */
export function fipaDate(epochMs: number): string {
  const iso = new Date(epochMs).toISOString(); // 2026-12-06T15:30:00.000Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}${iso.slice(20, 23)}Z`;
}

const FIPA_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})?Z?$/i;

/** Epoch ms of a FIPA date (a date without `Z` is read as UTC too), or undefined. */
export function parseFipaDate(text: string): number | undefined {
  const m = FIPA_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map((part) => Number(part ?? 0)) as number[];
  const t = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!);
  const valid = new Date(t).getUTCDate() === d && mo! >= 1 && mo! <= 12 && h! < 24 && mi! < 60 && s! < 60;
  return valid ? t : undefined;
}

function atom(text: string): string {
  return /^[^\s()"#0-9\-@][^\s()"]*$/.test(text) ? text : quote(text);
}

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Parses one message; errors name the offset (`(fipa)`) or the envelope field at fault. */
export function parseFipa(text: string, opts?: FipaParseOptions): FipaParseResult {
  const lexed = tokenize(text);
  if (lexed instanceof DraftError) return failed(lexed);
  const reading = new Reading(new Cursor(lexed), opts ?? {});
  const draft = reading.message();
  if (draft instanceof DraftError) return failed(draft);
  const checked = checkDraft(draft, opts?.maxBytes ?? DEFAULT_MAX_MESSAGE_BYTES);
  if (checked instanceof DraftError) return failed(checked);
  const result: FipaParseResult = { ok: true, draft: checked };
  if (Object.keys(reading.addresses).length > 0) result.addresses = reading.addresses;
  if (reading.skipped.length > 0) result.skipped = reading.skipped;
  return result;
}

/** One message being read: the cursor, and what the agent identifiers and skipped parameters left aside. */
class Reading {
  readonly addresses: AgentAddresses = Object.create(null) as AgentAddresses;
  readonly skipped: string[] = [];
  constructor(
    readonly c: Cursor,
    readonly opts: FipaParseOptions,
  ) {}

  /** `(performative :param value ...)` and nothing after it, as an unchecked draft. */
  message(): Record<string, unknown> | DraftError {
    const { c } = this;
    if (c.peek()?.kind !== '(') return c.syntax('"(" opening a message');
    c.i++;
    const head = c.peek();
    if (head?.kind !== 'word') return c.syntax('a performative such as request or inform');
    c.i++;
    // FIPA performatives are case-insensitive; JADE writes them in capitals
    const draft: Record<string, unknown> = { performative: head.text.toLowerCase() };
    while (c.peek()?.kind === 'word' && c.peek()!.text.startsWith(':')) {
      const error = this.param(draft);
      if (error) return error;
    }
    if (c.peek()?.kind !== ')') return c.syntax('a :parameter or ")" closing the message');
    c.i++;
    if (c.peek()) return c.syntax('nothing after the message');
    return draft;
  }

  /** One `:param value` pair, written into the draft. */
  private param(draft: Record<string, unknown>): DraftError | undefined {
    const { c } = this;
    const param = c.peek()!;
    const name = param.text.slice(1).toLowerCase();
    const field = FIELD_OF.get(name);
    if (!field) return this.uncarried(name, param.at);
    if (field in draft) return new DraftError(field, 'each parameter once', `":${name}" again at offset ${param.at}`);
    c.i++;
    const value = c.peek();
    if (!value || value.kind === ')') return c.syntax(`a value for :${name}`);
    if (value.kind === '(' && (field === 'receiver' || field === 'sender')) {
      const read = field === 'receiver' && c.tokens[c.i + 1]?.text.toLowerCase() === 'set' ? this.set() : this.agentIdentifier(field);
      if (read instanceof DraftError) return read;
      draft[field] = read;
      return undefined;
    }
    if (value.kind === '(') return c.syntax(`a word or string for :${name}`);
    c.i++;
    if (field === 'content') draft.content = jsonOrText(value.text);
    else if (field === 'reply_by') {
      const date = value.kind === 'word' ? parseFipaDate(value.text) : undefined;
      const n = date !== undefined ? date - (this.opts.timeOrigin ?? 0) : value.kind === 'word' ? Number(value.text) : NaN;
      if (!Number.isFinite(n))
        return new DraftError(
          'reply_by',
          'a number of milliseconds or a FIPA date (20261206T153000000Z)',
          `"${value.text}" at offset ${value.at}`,
        );
      draft.reply_by = n;
    } else draft[field] = value.text;
    return undefined;
  }

  /** A FIPA parameter the envelope does not carry: skipped when asked, else refused; anything else refused. */
  private uncarried(name: string, at: number): DraftError | undefined {
    const known = UNCARRIED.has(name) || name.startsWith('x-');
    if (known && this.opts.skipUncarried) {
      this.c.i++;
      const error = this.c.skipValue(`a value for :${name}`);
      if (error) return error;
      this.skipped.push(name);
      return undefined;
    }
    if (known)
      return new DraftError(
        name,
        'a parameter Orrery messages carry (reply-to, encoding and X- parameters are not carried)',
        `":${name}" at offset ${at}`,
      );
    return new DraftError(name, 'a FIPA message parameter (sender, receiver, content, reply-with, ...)', `":${name}" at offset ${at}`);
  }

  /** `(set name ...)`, where a name is a word, a string or an agent identifier. */
  private set(): string[] | DraftError {
    const { c } = this;
    c.i += 2;
    const names: string[] = [];
    for (;;) {
      const token = c.peek();
      if (!token) return new DraftError('(fipa)', '")" closing (set ...)', 'the end of the text');
      if (token.kind === ')') {
        c.i++;
        return names;
      }
      if (token.kind === '(') {
        const name = this.agentIdentifier('receiver');
        if (name instanceof DraftError) return name;
        names.push(name);
        continue;
      }
      names.push(token.text);
      c.i++;
    }
  }

  /** `(agent-identifier :name x [:addresses (sequence url ...)] [:resolvers (...)] [:X-... v])`: the name; addresses kept aside. */
  private agentIdentifier(field: 'sender' | 'receiver'): string | DraftError {
    const { c } = this;
    const start = c.peek()!;
    c.i++;
    if (c.peek()?.text.toLowerCase() !== 'agent-identifier')
      return new DraftError(field, 'a name, (set ...) or (agent-identifier :name x)', `text at offset ${start.at}`);
    c.i++;
    let name: string | undefined;
    const addresses: string[] = [];
    while (c.peek()?.kind === 'word' && c.peek()!.text.startsWith(':')) {
      const key = c.peek()!.text.toLowerCase();
      c.i++;
      const value = c.peek();
      if (key === ':name' && (value?.kind === 'word' || value?.kind === 'string')) {
        name = value.text;
        c.i++;
      } else if (key === ':addresses') {
        const urls = c.sequence(':addresses');
        if (urls instanceof DraftError) return urls;
        addresses.push(...urls);
      } else if (key === ':resolvers' || key.startsWith(':x-')) {
        const error = c.skipValue(`a value for ${key}`);
        if (error) return error;
      } else return new DraftError(field, ':name, :addresses or :resolvers in an agent identifier', `"${key}" at offset ${start.at}`);
    }
    if (c.peek()?.kind !== ')') return c.syntax('")" closing the agent identifier');
    c.i++;
    if (name === undefined) return new DraftError(field, 'an agent identifier with :name', `none in the one at offset ${start.at}`);
    if (addresses.length > 0) this.addresses[name] = [...new Set([...(this.addresses[name] ?? []), ...addresses])];
    return name;
  }
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
