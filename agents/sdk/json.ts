// A small JSON reader and writer for agents. It keeps each value's source span, so an
// agent can forward content byte for byte (`raw()`), and its writer escapes exactly like
// JavaScript's JSON.stringify (lone surrogates as \udxxx), so strings round-trip.

export const enum JsonKind { Null, Bool, Number, String, Array, Object }

export class JsonValue {
  kind: JsonKind = JsonKind.Null;
  bool: bool = false;
  num: f64 = 0;
  str: string = "";
  items: Array<JsonValue> | null = null;
  keys: Array<string> | null = null;
  src: string = "null";
  start: i32 = 0;
  end: i32 = 4;

  get isNull(): bool { return this.kind == JsonKind.Null; }
  get isBool(): bool { return this.kind == JsonKind.Bool; }
  get isNumber(): bool { return this.kind == JsonKind.Number; }
  get isString(): bool { return this.kind == JsonKind.String; }
  get isArray(): bool { return this.kind == JsonKind.Array; }
  get isObject(): bool { return this.kind == JsonKind.Object; }

  /** The member `key` of an object (the last one if repeated, as JSON.parse does). */
  get(key: string): JsonValue | null {
    const keys = this.keys;
    if (keys === null) return null;
    for (let i = keys.length - 1; i >= 0; i--) {
      if (keys[i] == key) return this.items![i];
    }
    return null;
  }

  has(key: string): bool { return this.get(key) !== null; }

  /** The string member `key`, or null if absent or not a string. */
  getString(key: string): string | null {
    const v = this.get(key);
    return v !== null && v.kind == JsonKind.String ? v.str : null;
  }

  /** The numeric member `key`, or `fallback` if absent or not a number. */
  getNumber(key: string, fallback: f64 = NaN): f64 {
    const v = this.get(key);
    return v !== null && v.kind == JsonKind.Number ? v.num : fallback;
  }

  /** The source text of this value, exactly as received. */
  raw(): string { return this.src.substring(this.start, this.end); }

  toString(): string { return this.raw(); }
}

class Parser {
  pos: i32 = 0;
  failed: bool = false;
  constructor(public src: string) {}

  @inline peek(): i32 { return this.pos < this.src.length ? this.src.charCodeAt(this.pos) : -1; }

  skipWs(): void {
    const s = this.src;
    let p = this.pos;
    while (p < s.length) {
      const c = s.charCodeAt(p);
      if (c != 0x20 && c != 0x0A && c != 0x0D && c != 0x09) break;
      p++;
    }
    this.pos = p;
  }

  fail(): JsonValue { this.failed = true; return new JsonValue(); }

  value(depth: i32): JsonValue {
    if (depth > 256) return this.fail();
    this.skipWs();
    const start = this.pos;
    const c = this.peek();
    let v: JsonValue;
    if (c == 0x7B) v = this.object(depth);
    else if (c == 0x5B) v = this.array(depth);
    else if (c == 0x22) {
      v = new JsonValue();
      v.kind = JsonKind.String;
      v.str = this.string();
    } else if (c == 0x74) v = this.literal("true", JsonKind.Bool, true);
    else if (c == 0x66) v = this.literal("false", JsonKind.Bool, false);
    else if (c == 0x6E) v = this.literal("null", JsonKind.Null, false);
    else v = this.number();
    v.src = this.src;
    v.start = start;
    v.end = this.pos;
    return v;
  }

  literal(word: string, kind: JsonKind, b: bool): JsonValue {
    if (this.src.substr(this.pos, word.length) != word) return this.fail();
    this.pos += word.length;
    const v = new JsonValue();
    v.kind = kind;
    v.bool = b;
    return v;
  }

  number(): JsonValue {
    const s = this.src;
    const start = this.pos;
    let p = start;
    if (p < s.length && s.charCodeAt(p) == 0x2D) p++;
    const intStart = p;
    while (p < s.length && isDigit(s.charCodeAt(p))) p++;
    const intLen = p - intStart;
    if (intLen == 0 || (intLen > 1 && s.charCodeAt(intStart) == 0x30)) return this.fail();
    if (p < s.length && s.charCodeAt(p) == 0x2E) {
      p++;
      const f = p;
      while (p < s.length && isDigit(s.charCodeAt(p))) p++;
      if (p == f) return this.fail();
    }
    if (p < s.length && (s.charCodeAt(p) | 0x20) == 0x65) {
      p++;
      if (p < s.length && (s.charCodeAt(p) == 0x2B || s.charCodeAt(p) == 0x2D)) p++;
      const e = p;
      while (p < s.length && isDigit(s.charCodeAt(p))) p++;
      if (p == e) return this.fail();
    }
    this.pos = p;
    const v = new JsonValue();
    v.kind = JsonKind.Number;
    v.num = parseFloat(s.substring(start, p));
    return v;
  }

  string(): string {
    const s = this.src;
    let p = this.pos + 1;
    let seg = p;
    let out = "";
    while (true) {
      if (p >= s.length) { this.failed = true; return ""; }
      const c = s.charCodeAt(p);
      if (c == 0x22) break;
      if (c < 0x20) { this.failed = true; return ""; }
      if (c != 0x5C) { p++; continue; }
      out += s.substring(seg, p);
      if (p + 1 >= s.length) { this.failed = true; return ""; }
      const e = s.charCodeAt(p + 1);
      p += 2;
      let code: i32 = -1;
      if (e == 0x22 || e == 0x5C || e == 0x2F) code = e;
      else if (e == 0x62) code = 0x08;
      else if (e == 0x66) code = 0x0C;
      else if (e == 0x6E) code = 0x0A;
      else if (e == 0x72) code = 0x0D;
      else if (e == 0x74) code = 0x09;
      else if (e == 0x75 && p + 4 <= s.length) {
        code = 0;
        for (let k = 0; k < 4; k++) {
          const h = hexVal(s.charCodeAt(p + k));
          if (h < 0) { this.failed = true; return ""; }
          code = (code << 4) | h;
        }
        p += 4;
      }
      if (code < 0) { this.failed = true; return ""; }
      // Code units, not code points: a \ud83d\ude00 pair and a lone \ud800 both survive.
      out += String.fromCharCode(code);
      seg = p;
    }
    this.pos = p + 1;
    return out.length == 0 ? s.substring(seg, p) : out + s.substring(seg, p);
  }

  array(depth: i32): JsonValue {
    this.pos++;
    const v = new JsonValue();
    v.kind = JsonKind.Array;
    const items = new Array<JsonValue>();
    v.items = items;
    this.skipWs();
    if (this.peek() == 0x5D) { this.pos++; return v; }
    while (!this.failed) {
      items.push(this.value(depth + 1));
      this.skipWs();
      const c = this.peek();
      this.pos++;
      if (c == 0x5D) return v;
      if (c != 0x2C) return this.fail();
    }
    return v;
  }

  object(depth: i32): JsonValue {
    this.pos++;
    const v = new JsonValue();
    v.kind = JsonKind.Object;
    const keys = new Array<string>();
    const items = new Array<JsonValue>();
    v.keys = keys;
    v.items = items;
    this.skipWs();
    if (this.peek() == 0x7D) { this.pos++; return v; }
    while (!this.failed) {
      this.skipWs();
      if (this.peek() != 0x22) return this.fail();
      keys.push(this.string());
      this.skipWs();
      if (this.peek() != 0x3A) return this.fail();
      this.pos++;
      items.push(this.value(depth + 1));
      this.skipWs();
      const c = this.peek();
      this.pos++;
      if (c == 0x7D) return v;
      if (c != 0x2C) return this.fail();
    }
    return v;
  }
}

@inline function isDigit(c: i32): bool { return <u32>(c - 0x30) < 10; }

function hexVal(c: i32): i32 {
  if (<u32>(c - 0x30) < 10) return c - 0x30;
  const l = c | 0x20;
  if (<u32>(l - 0x61) < 6) return l - 0x61 + 10;
  return -1;
}

/** Parses JSON text; null if it is not valid JSON. */
export function parseJson(src: string): JsonValue | null {
  const p = new Parser(src);
  const v = p.value(0);
  p.skipWs();
  if (p.failed || p.pos != src.length) return null;
  return v;
}

const HEX = "0123456789abcdef";

function needsEscape(c: i32): bool {
  return c < 0x20 || c == 0x22 || c == 0x5C || (c & 0xF800) == 0xD800;
}

/** A JSON string literal for `s`, byte for byte what JSON.stringify(s) gives. */
export function jsonString(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && !needsEscape(s.charCodeAt(i))) i++;
  if (i == n) return "\"" + s + "\"";
  let out = "\"";
  let seg = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!needsEscape(c)) continue;
    if ((c & 0xF800) == 0xD800) {
      // A well-formed pair is written as is; only a lone surrogate is escaped.
      if (c < 0xDC00 && i + 1 < n && (s.charCodeAt(i + 1) & 0xFC00) == 0xDC00) { i++; continue; }
    }
    out += s.substring(seg, i);
    if (c == 0x22) out += "\\\"";
    else if (c == 0x5C) out += "\\\\";
    else if (c == 0x0A) out += "\\n";
    else if (c == 0x0D) out += "\\r";
    else if (c == 0x09) out += "\\t";
    else if (c == 0x08) out += "\\b";
    else if (c == 0x0C) out += "\\f";
    else {
      out += "\\u";
      out += HEX.charAt((c >> 12) & 15);
      out += HEX.charAt((c >> 8) & 15);
      out += HEX.charAt((c >> 4) & 15);
      out += HEX.charAt(c & 15);
    }
    seg = i + 1;
  }
  return out + s.substring(seg) + "\"";
}

/** JSON text for a number: integers without a fraction, like JavaScript. */
export function jsonNumber(n: f64): string {
  if (!isFinite(n)) return "null";
  if (n == Math.trunc(n) && Math.abs(n) < 9007199254740992.0) return (<i64>n).toString();
  return n.toString();
}

/** Builds one JSON object: `obj().str("a", "x").int("n", 3).toString()`. */
export class ObjectWriter {
  private out: string = "{";
  private first: bool = true;

  private key(k: string): void {
    if (!this.first) this.out += ",";
    this.first = false;
    this.out += jsonString(k);
    this.out += ":";
  }

  str(k: string, v: string): ObjectWriter { this.key(k); this.out += jsonString(v); return this; }
  num(k: string, v: f64): ObjectWriter { this.key(k); this.out += jsonNumber(v); return this; }
  int(k: string, v: i64): ObjectWriter { this.key(k); this.out += v.toString(); return this; }
  bool(k: string, v: bool): ObjectWriter { this.key(k); this.out += v ? "true" : "false"; return this; }
  null(k: string): ObjectWriter { this.key(k); this.out += "null"; return this; }
  /** A member whose value is already JSON text. */
  raw(k: string, json: string): ObjectWriter { this.key(k); this.out += json; return this; }

  toString(): string { return this.out + "}"; }
}

export function obj(): ObjectWriter { return new ObjectWriter(); }
