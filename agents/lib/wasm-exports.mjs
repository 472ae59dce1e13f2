// Renames exports of a core Wasm module by rewriting its export section. AssemblyScript
// cannot emit names with ':', '/' or '#', which the component ABI needs.

function readU32(bytes, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [result >>> 0, pos];
    shift += 7;
  }
}

function writeU32(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/**
 * @param {Uint8Array} bytes a core module
 * @param {Record<string, string>} names old export name -> new name
 * @returns {Uint8Array}
 */
export function renameExports(bytes, names) {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const parts = [bytes.subarray(0, 8)];
  const seen = new Set();
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos];
    const [size, bodyStart] = readU32(bytes, pos + 1);
    const end = bodyStart + size;
    if (id !== 7) {
      parts.push(bytes.subarray(pos, end));
      pos = end;
      continue;
    }
    let p = bodyStart;
    let count;
    [count, p] = readU32(bytes, p);
    const body = [...writeU32(count)];
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = readU32(bytes, p);
      const old = dec.decode(bytes.subarray(p, p + len));
      p += len;
      const kind = bytes[p++];
      let index;
      [index, p] = readU32(bytes, p);
      const name = enc.encode(names[old] ?? old);
      if (old in names) seen.add(old);
      body.push(...writeU32(name.length), ...name, kind, ...writeU32(index));
    }
    parts.push(Uint8Array.of(7, ...writeU32(body.length), ...body));
    pos = end;
  }
  const missing = Object.keys(names).filter((n) => !seen.has(n));
  if (missing.length) throw new Error(`renameExports: module has no export named ${missing.join(', ')}`);
  const out = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let o = 0;
  for (const b of parts) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}
