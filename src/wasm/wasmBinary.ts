/**
 * Just enough of the WebAssembly binary format to tell what a file is and to rewrite a
 * core module's memory maximum (the memory cap) before it is compiled.
 */
import { ComponentValidationError } from './componentError';

export type WasmFileKind = 'component' | 'core-module';

const MAGIC = [0x00, 0x61, 0x73, 0x6d];
const PAGE_BYTES = 65536;

export function describeBytes(bytes: Uint8Array, n = 8): string {
  const hex = Array.from(bytes.subarray(0, n), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return hex.length > 0 ? hex : '(nothing)';
}

/** Reads the 8-byte preamble: `\0asm`, then version (u16) and layer (u16). */
export function sniffWasm(bytes: Uint8Array): WasmFileKind {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new ComponentValidationError({
      code: 'wasm-not-wasm',
      summary: 'This file is not WebAssembly',
      expected: 'a file starting with the WebAssembly magic bytes 00 61 73 6d',
      received: `${bytes.length} bytes starting with ${describeBytes(bytes)}`,
      hint: 'Drop a .wasm component built for the workbench:agent world.',
    });
  }
  const version = bytes[4]! | (bytes[5]! << 8);
  const layer = bytes[6]! | (bytes[7]! << 8);
  if (layer === 0 && version === 1) return 'core-module';
  if (layer === 1) return 'component';
  throw new ComponentValidationError({
    code: 'wasm-unknown-version',
    summary: 'Unsupported WebAssembly binary version',
    expected: 'a component (layer 1) or core module (version 1, layer 0)',
    received: `version ${version}, layer ${layer}`,
  });
}

// ─── LEB128 ──────────────────────────────────────────────────────────────────

export function readU32(bytes: Uint8Array, offset: number): { value: number; next: number } {
  return readUnsignedLeb(bytes, offset, 35, 'u32');
}

/** Exact up to 2^53; memory limits in pages never come near that. */
export function readU64(bytes: Uint8Array, offset: number): { value: number; next: number } {
  return readUnsignedLeb(bytes, offset, 63, 'u64');
}

function readUnsignedLeb(bytes: Uint8Array, offset: number, maxShift: number, what: string): { value: number; next: number } {
  let value = 0;
  let shift = 0;
  let pos = offset;
  for (;;) {
    if (pos >= bytes.length) throw new RangeError('LEB128 runs past the end of the module');
    const byte = bytes[pos++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) break;
    shift += 7;
    if (shift > maxShift) throw new RangeError(`LEB128 ${what} is too long`);
  }
  return { value, next: pos };
}

export function writeU32(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

// ─── Memory cap ──────────────────────────────────────────────────────────────

export interface MemoryLimits {
  min: number;
  max: number | undefined;
}

interface MemorySection {
  start: number;
  end: number;
  contentStart: number;
}

function findSection(bytes: Uint8Array, id: number): MemorySection | undefined {
  let pos = 8;
  while (pos < bytes.length) {
    const sectionId = bytes[pos]!;
    const size = readU32(bytes, pos + 1);
    const contentStart = size.next;
    const end = contentStart + size.value;
    if (end > bytes.length) throw new RangeError(`section ${sectionId} runs past the end of the module`);
    if (sectionId === id) return { start: pos, end, contentStart };
    pos = end;
  }
  return undefined;
}

/** The memories a core module defines (not the ones it imports). */
export function readMemoryLimits(module: Uint8Array): MemoryLimits[] {
  const section = findSection(module, 5);
  if (!section) return [];
  const count = readU32(module, section.contentStart);
  const out: MemoryLimits[] = [];
  let pos = count.next;
  for (let i = 0; i < count.value; i++) {
    const flags = module[pos++]!;
    const is64 = (flags & 0x04) !== 0;
    const read = is64 ? readU64 : readU32;
    const min = read(module, pos);
    pos = min.next;
    let max: number | undefined;
    if (flags & 0x01) {
      const m = read(module, pos);
      max = m.value;
      pos = m.next;
    }
    if (flags & 0x08) pos = readU32(module, pos).next; // custom page size
    out.push({ min: min.value, max });
  }
  return out;
}

/**
 * Returns a copy of `module` whose defined 32-bit memories have maximum
 * `min(own max, pages)`, so a `memory.grow` past the cap returns -1 (and the guest traps
 * or copes). Throws `wasm-memory-limit` when the module needs more than the cap to start.
 */
export function capMemory(module: Uint8Array, pages: number): Uint8Array {
  const section = findSection(module, 5);
  if (!section) return module;
  const count = readU32(module, section.contentStart);
  const body: number[] = [...writeU32(count.value)];
  let pos = count.next;
  for (let i = 0; i < count.value; i++) {
    const flags = module[pos++]!;
    if (flags & 0x0c) {
      // memory64 or custom page sizes: leave untouched (not produced by our toolchains).
      const start = pos - 1;
      const min = readU64(module, pos);
      pos = min.next;
      if (flags & 0x01) pos = readU64(module, pos).next;
      if (flags & 0x08) pos = readU32(module, pos).next;
      body.push(...module.subarray(start, pos));
      continue;
    }
    const min = readU32(module, pos);
    pos = min.next;
    let max: number | undefined;
    if (flags & 0x01) {
      const m = readU32(module, pos);
      max = m.value;
      pos = m.next;
    }
    if (min.value > pages) {
      throw new ComponentValidationError({
        code: 'wasm-memory-limit',
        summary: 'The agent needs more memory to start than its limit allows',
        expected: `at most ${pages} pages (${(pages * PAGE_BYTES) / 1024} KiB)`,
        received: `an initial memory of ${min.value} pages`,
        hint: 'Raise limits.memoryPages for this agent.',
      });
    }
    const capped = max === undefined ? pages : Math.min(max, pages);
    body.push(flags | 0x01, ...writeU32(min.value), ...writeU32(capped));
  }
  body.push(...module.subarray(pos, section.end));
  const sizeBytes = writeU32(body.length);
  const out = new Uint8Array(section.start + 1 + sizeBytes.length + body.length + (module.length - section.end));
  out.set(module.subarray(0, section.start), 0);
  let o = section.start;
  out[o++] = 5;
  out.set(sizeBytes, o);
  o += sizeBytes.length;
  out.set(body, o);
  o += body.length;
  out.set(module.subarray(section.end), o);
  return out;
}
