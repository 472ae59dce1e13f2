/**
 * Splits a JADE-style message log into entries: each entry is one ACL message (a balanced
 * `( ... )`, strings respected), optionally preceded by a timestamp (on its line, or on the line before). Lines of only dashes,
 * equals signs or stars (the separators loggers draw) and blank lines are ignored; any other
 * text between messages is an error naming the entry it precedes.
 */
import { parseStamp } from './jadeTimestamp';

export interface RawEntry {
  /** 1-based, as people count entries. */
  number: number;
  /** The timestamp text before the message, when there was one. */
  stamp?: string;
  /** The ACL message text. */
  text: string;
  /** 1-based line the message starts on. */
  line: number;
}

export type SplitResult = { ok: true; entries: RawEntry[] } | { ok: false; entry: number; line: number; problem: string };

const SEPARATOR = /^[\s\-=*_]*$/;

export function splitJadeLog(log: string): SplitResult {
  const entries: RawEntry[] = [];
  let i = 0;
  let line = 1;
  /** Text since the last newline, and a timestamp line waiting for its message. */
  let pending = '';
  let stampLine: string | undefined;
  const fail = (problem: string): SplitResult => ({ ok: false, entry: entries.length + 1, line, problem });
  while (i < log.length) {
    const c = log[i]!;
    if (c === '(') {
      const end = messageEnd(log, i);
      if (end < 0) return fail('the message is not closed: ")" or a closing quote is missing before the end of the log');
      const inline = pending.trim();
      if (inline !== '' && parseStamp(inline) === undefined)
        return fail(`expected a timestamp before the message, found ${JSON.stringify(inline.slice(0, 60))}`);
      if (inline !== '' && stampLine !== undefined) return fail('two timestamps for one message');
      const stamp = inline !== '' ? inline : stampLine;
      entries.push({ number: entries.length + 1, ...(stamp !== undefined ? { stamp } : {}), text: log.slice(i, end), line });
      for (let j = i; j < end; j++) if (log[j] === '\n') line++;
      [i, pending, stampLine] = [end, '', undefined];
      continue;
    }
    if (c === ')') return fail('a ")" outside any message');
    if (c === '\n') {
      if (!SEPARATOR.test(pending)) {
        if (parseStamp(pending) === undefined)
          return fail(`text that is neither a timestamp nor a message: ${JSON.stringify(pending.trim().slice(0, 60))}`);
        if (stampLine !== undefined) return fail('a timestamp without a message');
        stampLine = pending.trim();
      }
      pending = '';
      line++;
    } else pending += c;
    i++;
  }
  if (!SEPARATOR.test(pending) || stampLine !== undefined) return fail('text after the last message that is not a message');
  return { ok: true, entries };
}

/** Index just past the `)` closing the list that opens at `start`, or −1. */
function messageEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (i >= text.length) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}
