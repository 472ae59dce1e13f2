/** Tokens of the FIPA-ACL string form and a cursor over them (fipaString.ts reads messages with it). */
import { DraftError } from './validate';

export type Token = { kind: '(' | ')' | 'word' | 'string'; text: string; at: number };

/** A position in the token list. */
export class Cursor {
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

  /** Steps over one value: a word, a string or a balanced list. */
  skipValue(expected: string): DraftError | undefined {
    const first = this.peek();
    if (!first || first.kind === ')') return this.syntax(expected);
    let depth = 0;
    do {
      const token = this.peek();
      if (!token) return this.syntax('")" closing a list');
      if (token.kind === '(') depth++;
      else if (token.kind === ')') depth--;
      this.i++;
    } while (depth > 0);
    return undefined;
  }

  /** `(sequence item ...)` of words and strings. */
  sequence(param: string): string[] | DraftError {
    if (this.peek()?.kind !== '(' || this.tokens[this.i + 1]?.text.toLowerCase() !== 'sequence')
      return this.syntax(`(sequence ...) after ${param}`);
    this.i += 2;
    const items: string[] = [];
    for (let token = this.peek(); token && (token.kind === 'word' || token.kind === 'string'); token = this.peek()) {
      items.push(token.text);
      this.i++;
    }
    if (this.peek()?.kind !== ')') return this.syntax(`")" closing the sequence after ${param}`);
    this.i++;
    return items;
  }
}

export function tokenize(text: string): Token[] | DraftError {
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
        if (d === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
          // Only \" and \\ are escapes: JADE escapes quotes alone, so C:\temp stays as written
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
