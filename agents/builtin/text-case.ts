// JavaScript's language-insensitive toUpperCase/toLowerCase over tables generated from
// the build's JavaScript engine (agents/lib/case-tables.mjs). Lone surrogates pass
// through unchanged, as in JavaScript.
import {
  UPPER_RUNS, UPPER_RUNS_LEN, LOWER_RUNS, LOWER_RUNS_LEN,
  UPPER_SPECIALS, UPPER_SPECIALS_LEN, LOWER_SPECIALS, LOWER_SPECIALS_LEN,
  CASED, CASED_LEN, CASE_IGNORABLE, CASE_IGNORABLE_LEN,
} from "../build/generated/case-tables";

const SIGMA: u32 = 0x03A3;

/** The mapped code point of `cp` via runs [start, count << 8 | stride, delta]. */
function mapSimple(cp: u32, runs: usize, len: i32): u32 {
  let lo = 0;
  let hi = len / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = runs + (<usize>mid * 12);
    const start = load<u32>(at);
    if (cp < start) { hi = mid - 1; continue; }
    const shape = load<u32>(at, 4);
    const stride = shape & 0xFF;
    const offset = cp - start;
    // Runs may interleave (stride 2), so a run ends at its last element, not at count * stride.
    if (offset > ((shape >>> 8) - 1) * stride) { lo = mid + 1; continue; }
    return offset % stride == 0 ? cp + load<u32>(at, 8) : cp;
  }
  return cp;
}

/** Index of `cp` in a specials table [cp, n, c1, c2, c3], or -1. */
function findSpecial(cp: u32, table: usize, len: i32): i32 {
  let lo = 0;
  let hi = len / 5 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const key = load<u32>(table + (<usize>mid * 20));
    if (key == cp) return mid;
    if (key < cp) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function inRanges(cp: u32, ranges: usize, len: i32): bool {
  let lo = 0;
  let hi = len / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = ranges + (<usize>mid * 8);
    if (cp < load<u32>(at)) hi = mid - 1;
    else if (cp > load<u32>(at, 4)) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Builds a string code point by code point, growing as needed. */
class Out {
  buf: usize;
  cap: usize;
  len: usize = 0;
  constructor(units: usize) {
    this.cap = max<usize>(units, 8);
    this.buf = __new(this.cap << 1, idof<string>());
  }
  push(cp: u32): void {
    if (this.len + 2 > this.cap) {
      this.cap <<= 1;
      this.buf = __renew(this.buf, this.cap << 1);
    }
    if (cp < 0x10000) {
      store<u16>(this.buf + (this.len << 1), <u16>cp);
      this.len++;
    } else {
      const v = cp - 0x10000;
      store<u16>(this.buf + (this.len << 1), <u16>(0xD800 | (v >>> 10)));
      store<u16>(this.buf + (this.len << 1), <u16>(0xDC00 | (v & 0x3FF)), 2);
      this.len += 2;
    }
  }
  finish(): string {
    return changetype<string>(__renew(this.buf, this.len << 1));
  }
}

@inline function codePointAt(s: string, i: i32): u32 {
  const c = <u32>s.charCodeAt(i);
  if ((c & 0xFC00) == 0xD800 && i + 1 < s.length) {
    const d = <u32>s.charCodeAt(i + 1);
    if ((d & 0xFC00) == 0xDC00) return ((c - 0xD800) << 10) + (d - 0xDC00) + 0x10000;
  }
  return c;
}

@inline function width(cp: u32): i32 { return cp >= 0x10000 ? 2 : 1; }

/** Code point before index i (i is a code-unit index), or -1 at the start. */
function codePointBefore(s: string, i: i32): i64 {
  if (i <= 0) return -1;
  const c = <u32>s.charCodeAt(i - 1);
  if ((c & 0xFC00) == 0xDC00 && i >= 2) {
    const h = <u32>s.charCodeAt(i - 2);
    if ((h & 0xFC00) == 0xD800) return ((h - 0xD800) << 10) + (c - 0xDC00) + 0x10000;
  }
  return c;
}

/** Unicode's Final_Sigma: a cased letter (then case-ignorables) before, none after. */
function isFinalSigma(s: string, at: i32): bool {
  let i = at;
  let before = false;
  while (true) {
    const cp = codePointBefore(s, i);
    if (cp < 0) break;
    i -= width(<u32>cp);
    if (inRanges(<u32>cp, CASE_IGNORABLE, CASE_IGNORABLE_LEN)) continue;
    before = inRanges(<u32>cp, CASED, CASED_LEN);
    break;
  }
  if (!before) return false;
  i = at + 1;
  while (i < s.length) {
    const cp = codePointAt(s, i);
    i += width(cp);
    if (inRanges(cp, CASE_IGNORABLE, CASE_IGNORABLE_LEN)) continue;
    return !inRanges(cp, CASED, CASED_LEN);
  }
  return true;
}

function mapCase(s: string, runs: usize, runsLen: i32, specials: usize, specialsLen: i32, lower: bool): string {
  const n = s.length;
  const out = new Out(<usize>n + (n >> 2));
  let i = 0;
  while (i < n) {
    const cp = codePointAt(s, i);
    if (cp < 0x80) {
      // ASCII fast path.
      const isUpper = cp - 0x41 < 26;
      const isLower = cp - 0x61 < 26;
      out.push(lower ? (isUpper ? cp | 0x20 : cp) : (isLower ? cp & ~0x20 : cp));
    } else if (lower && cp == SIGMA && isFinalSigma(s, i)) {
      out.push(0x03C2);
    } else {
      const k = findSpecial(cp, specials, specialsLen);
      if (k >= 0) {
        const at = specials + (<usize>k * 20);
        const count = load<u32>(at, 4);
        for (let j: u32 = 0; j < count; j++) out.push(load<u32>(at + 8 + (<usize>j << 2)));
      } else {
        out.push(mapSimple(cp, runs, runsLen));
      }
    }
    i += width(cp);
  }
  return out.finish();
}

export function toUpper(s: string): string {
  return mapCase(s, UPPER_RUNS, UPPER_RUNS_LEN, UPPER_SPECIALS, UPPER_SPECIALS_LEN, false);
}

export function toLower(s: string): string {
  return mapCase(s, LOWER_RUNS, LOWER_RUNS_LEN, LOWER_SPECIALS, LOWER_SPECIALS_LEN, true);
}
