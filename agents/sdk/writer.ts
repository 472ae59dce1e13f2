// Outgoing messages are written as UTF-8 straight into one reused buffer: no string
// concatenation and no encode copy per send.

let buf: usize = 0;
let cap: usize = 0;
let len: usize = 0;

@inline function reserve(n: usize): void {
  if (len + n <= cap) return;
  let c = max<usize>(cap << 1, 256);
  while (c < len + n) c <<= 1;
  buf = buf == 0 ? heap.alloc(c) : heap.realloc(buf, c);
  cap = c;
}

export function outStart(): void { len = 0; }
export function outPtr(): usize { return buf; }
export function outLen(): usize { return len; }

/** Appends `s` as UTF-8; with `quote`, as a JSON string literal escaped like JSON.stringify. */
export function outText(s: string, quote: bool): void {
  const n = s.length;
  reserve(<usize>n * 6 + 2);
  let p = buf + len;
  if (quote) store<u8>(p++, 0x22);
  const src = changetype<usize>(s);
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u16>(src + (<usize>i << 1));
    if (c < 0x80) {
      if (quote && (c < 0x20 || c == 0x22 || c == 0x5C)) {
        store<u8>(p++, 0x5C);
        if (c == 0x22 || c == 0x5C) store<u8>(p++, c);
        else if (c == 0x0A) store<u8>(p++, 0x6E);
        else if (c == 0x0D) store<u8>(p++, 0x72);
        else if (c == 0x09) store<u8>(p++, 0x74);
        else if (c == 0x08) store<u8>(p++, 0x62);
        else if (c == 0x0C) store<u8>(p++, 0x66);
        else p = hex4(p, c);
      } else {
        store<u8>(p++, c);
      }
    } else if (c < 0x800) {
      store<u8>(p++, 0xC0 | (c >> 6));
      store<u8>(p++, 0x80 | (c & 63));
    } else if ((c & 0xF800) == 0xD800) {
      const d = i + 1 < n ? <u32>load<u16>(src + (<usize>(i + 1) << 1)) : 0;
      if (c < 0xDC00 && (d & 0xFC00) == 0xDC00) {
        const cp = ((c - 0xD800) << 10) + (d - 0xDC00) + 0x10000;
        store<u8>(p++, 0xF0 | (cp >> 18));
        store<u8>(p++, 0x80 | ((cp >> 12) & 63));
        store<u8>(p++, 0x80 | ((cp >> 6) & 63));
        store<u8>(p++, 0x80 | (cp & 63));
        i++;
      } else if (quote) {
        // JSON.stringify escapes a lone surrogate; UTF-8 cannot carry it.
        store<u8>(p++, 0x5C);
        p = hex4(p, c);
      } else {
        store<u8>(p++, 0xEF); store<u8>(p++, 0xBF); store<u8>(p++, 0xBD); // U+FFFD
      }
    } else {
      store<u8>(p++, 0xE0 | (c >> 12));
      store<u8>(p++, 0x80 | ((c >> 6) & 63));
      store<u8>(p++, 0x80 | (c & 63));
    }
  }
  if (quote) store<u8>(p++, 0x22);
  len = p - buf;
}

function hex4(p: usize, c: u32): usize {
  store<u8>(p++, 0x75);
  for (let shift = 12; shift >= 0; shift -= 4) {
    const h = (c >> shift) & 15;
    store<u8>(p++, h < 10 ? 0x30 + h : 0x57 + h);
  }
  return p;
}
