/**
 * Where a validation error's field sits in the composer text, so the kernel's own error
 * becomes an editor marker. Field paths come from `validateDraft`: `performative`,
 * `receiver[1]`, `content.items[3]`, `(message)`. Nested paths point at their top-level key.
 */
export interface TextRange {
  start: number;
  end: number;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** End of the JSON value starting at `i` (a string, or up to the next , } ] at depth 0). */
function valueEnd(text: string, i: number): number {
  if (text[i] === '"') {
    let j = i + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    return Math.min(text.length, j + 1);
  }
  let depth = 0;
  let j = i;
  let inString = false;
  for (; j < text.length; j++) {
    const c = text[j]!;
    if (inString) {
      if (c === '\\') j++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
      if (depth === 0) return j + 1;
    } else if (c === ',' && depth === 0) break;
  }
  let end = j;
  while (end > i && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** The range to underline for `field`, or the first non-blank line when it cannot be found. */
export function locateField(text: string, field: string): TextRange {
  const key = /^[A-Za-z_$][\w$]*/.exec(field)?.[0];
  if (key) {
    // Top-level keys sit at depth 1; a key of the same name inside content must not match.
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      else if (c === '"') {
        if (depth === 1 && text.startsWith(`"${key}"`, i)) {
          const colon = skipSpace(text, i + key.length + 2);
          if (text[colon] === ':') {
            const start = skipSpace(text, colon + 1);
            const end = valueEnd(text, start);
            // An unknown field is underlined at its key; a bad value at the value.
            return end > start ? { start, end } : { start: i, end: i + key.length + 2 };
          }
        }
        inString = true;
      }
    }
  }
  const start = skipSpace(text, 0);
  const newline = text.indexOf('\n', start);
  return { start, end: Math.max(start + 1, newline === -1 ? text.length : newline) };
}

/** For unknown-field errors the key itself is wrong: underline the key, not its value. */
export function locateKey(text: string, key: string): TextRange | null {
  const at = text.indexOf(`"${key}"`);
  return at === -1 ? null : { start: at, end: at + key.length + 2 };
}
