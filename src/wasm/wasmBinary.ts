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
      code: 'ORR103',
      summary: 'This file is not WebAssembly',
      expected: 'a file starting with the WebAssembly magic bytes 00 61 73 6d',
      received: `${bytes.length} bytes starting with ${describeBytes(bytes)}`,
    });
  }
  const version = bytes[4]! | (bytes[5]! << 8);
  const layer = bytes[6]! | (bytes[7]! << 8);
  if (layer === 0 && version === 1) return 'core-module';
  if (layer === 1) return 'component';
  throw new ComponentValidationError({
    code: 'ORR105',
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

interface MemoryType {
  flags: number;
  min: number;
  max: number | undefined;
  /** Offset just past this memory type. */
  next: number;
}

/** Decodes one memory type (limits flags, min, optional max, optional page size). */
function readMemoryType(module: Uint8Array, pos: number): MemoryType {
  const flags = module[pos++]!;
  const read = flags & 0x04 ? readU64 : readU32;
  const min = read(module, pos);
  pos = min.next;
  let max: number | undefined;
  if (flags & 0x01) {
    const m = read(module, pos);
    max = m.value;
    pos = m.next;
  }
  if (flags & 0x08) pos = readU32(module, pos).next; // custom page size
  return { flags, min: min.value, max, next: pos };
}

/** The memories a core module defines (not the ones it imports). */
export function readMemoryLimits(module: Uint8Array): MemoryLimits[] {
  const section = findSection(module, 5);
  if (!section) return [];
  const count = readU32(module, section.contentStart);
  const out: MemoryLimits[] = [];
  let pos = count.next;
  for (let i = 0; i < count.value; i++) {
    const memory = readMemoryType(module, pos);
    pos = memory.next;
    out.push({ min: memory.min, max: memory.max });
  }
  return out;
}

function memoryLimitError(min: number, pages: number): ComponentValidationError {
  return new ComponentValidationError({
    code: 'ORR109',
    summary: 'The agent needs more memory to start than its limit allows',
    expected: `at most ${pages} pages (${(pages * PAGE_BYTES) / 1024} KiB)`,
    received: `an initial memory of ${min} pages`,
  });
}

/**
 * Returns a copy of `module` whose defined 32-bit memories have maximum
 * `min(own max, pages)`, so a `memory.grow` past the cap returns -1 (and the guest traps
 * or copes). Throws `ORR109` when the module needs more than the cap to start.
 */
export function capMemory(module: Uint8Array, pages: number): Uint8Array {
  const section = findSection(module, 5);
  if (!section) return module;
  const count = readU32(module, section.contentStart);
  const body: number[] = [...writeU32(count.value)];
  let pos = count.next;
  for (let i = 0; i < count.value; i++) {
    const start = pos;
    const memory = readMemoryType(module, pos);
    pos = memory.next;
    if (memory.flags & 0x0c) {
      // memory64 or custom page sizes: leave untouched (not produced by our toolchains).
      body.push(...module.subarray(start, pos));
      continue;
    }
    if (memory.min > pages) throw memoryLimitError(memory.min, pages);
    const capped = memory.max === undefined ? pages : Math.min(memory.max, pages);
    body.push(memory.flags | 0x01, ...writeU32(memory.min), ...writeU32(capped));
  }
  body.push(...module.subarray(pos, section.end));
  return concat([module.subarray(0, section.start), [5, ...writeU32(body.length)], body, module.subarray(section.end)]);
}

function concat(parts: ReadonlyArray<Uint8Array | number[]>): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// ─── Imported memory (pooled memories) ───────────────────────────────────────

/** Where a module rewritten by `importMemory` finds its memory. */
export const POOLED_MEMORY_MODULE = 'orrery:pool';
export const POOLED_MEMORY_NAME = 'memory';

export interface ImportedMemoryModule {
  /** The rewritten module: it imports `orrery:pool`/`memory` (minimum 0) instead of defining it. */
  bytes: Uint8Array;
  /** Pages the module needs at start (its own minimum): grow the memory to this first. */
  min: number;
  /** The maximum a memory handed to it must declare (none: no maximum). */
  max: number | undefined;
}

/**
 * Rewrites a core module that defines exactly one plain 32-bit memory (and imports none,
 * which the caller checks) to import it instead, so the host can hand the same
 * `WebAssembly.Memory` to instance after instance (src/wasm/memoryPool.ts). The memory's
 * index stays 0, so exports and data segments are unchanged. The import declares minimum
 * 0 (any pooled memory links; the caller grows it to `min` first) and maximum
 * `min(own max, pages)`. Returns undefined for any other shape (no memory, several,
 * memory64, shared, custom page sizes). Throws `ORR109` as capMemory does.
 */
export function importMemory(module: Uint8Array, pages?: number): ImportedMemoryModule | undefined {
  const memSection = findSection(module, 5);
  if (!memSection) return undefined;
  const count = readU32(module, memSection.contentStart);
  if (count.value !== 1) return undefined;
  const memory = readMemoryType(module, count.next);
  if (memory.flags & ~0x01) return undefined; // shared, memory64, custom page size
  if (memory.next !== memSection.end) return undefined;
  let max = memory.max;
  if (pages !== undefined) {
    if (memory.min > pages) throw memoryLimitError(memory.min, pages);
    max = max === undefined ? pages : Math.min(max, pages);
  }
  const entry = [
    ...name(POOLED_MEMORY_MODULE),
    ...name(POOLED_MEMORY_NAME),
    0x02,
    ...(max === undefined ? [0x00, 0x00] : [0x01, 0x00, ...writeU32(max)]),
  ];
  const importSection = findSection(module, 2);
  const parts: Array<Uint8Array | number[]> = [];
  if (importSection) {
    if (importSection.start > memSection.start) return undefined; // malformed order
    const n = readU32(module, importSection.contentStart);
    const body = [...writeU32(n.value + 1), ...module.subarray(n.next, importSection.end), ...entry];
    parts.push(module.subarray(0, importSection.start), [2, ...writeU32(body.length), ...body]);
    parts.push(module.subarray(importSection.end, memSection.start));
  } else {
    // The import section goes right after the type section (id 1), or first.
    const typeSection = findSection(module, 1);
    const at = typeSection ? typeSection.end : 8;
    const body = [...writeU32(1), ...entry];
    parts.push(module.subarray(0, at), [2, ...writeU32(body.length), ...body], module.subarray(at, memSection.start));
  }
  parts.push(module.subarray(memSection.end)); // the memory section is dropped
  return { bytes: concat(parts), min: memory.min, max };
}

function name(s: string): number[] {
  const utf8 = Array.from(new TextEncoder().encode(s));
  return [...writeU32(utf8.length), ...utf8];
}
