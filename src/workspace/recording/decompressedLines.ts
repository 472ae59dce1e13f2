/**
 * The file's lines, decompressed as the bytes arrive (fflate's streaming Gunzip). Holds
 * one line at a time; refuses what is not gzip (ORR501), what gzip cannot finish (ORR503)
 * and what is too large (ORR505) as soon as it shows.
 */
import { Gunzip } from 'fflate';
import { createCrc32 } from './crc32';
import { refuse } from './RecordingFileError';

export interface LineLimits {
  maxBytes: number;
  maxDecodedBytes: number;
  maxLineBytes: number;
}

const NEWLINE = 0x0a;
const MiB = 1024 * 1024;
const size = (bytes: number) => (bytes >= MiB ? `${Math.round(bytes / MiB)} MiB` : `${bytes} bytes`);

function checkMagic(first: Uint8Array): void {
  if (first[0] === 0x1f && (first.length < 2 || first[1] === 0x8b)) return;
  const head = Array.from(first.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  const json = first[0] === 0x7b;
  throw refuse('ORR501', json ? 'a JSON file (a workspace or an experiment?), not a recording' : 'not an Orrery recording', {
    expected: 'a gzip-compressed .orrery-rec file (starting 1f 8b)',
    received: `bytes starting ${head}`,
  });
}

function joined(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Splits decompressed chunks into lines (without their newline). */
function createLineSplitter(maxLineBytes: number) {
  let parts: Uint8Array[] = [];
  let length = 0;
  return {
    *push(chunk: Uint8Array): Generator<Uint8Array> {
      let from = 0;
      for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, from)) {
        parts.push(chunk.subarray(from, nl));
        yield joined(parts, length + nl - from);
        parts = [];
        length = 0;
        from = nl + 1;
      }
      if (from < chunk.length) {
        length += chunk.length - from;
        if (length > maxLineBytes)
          throw refuse('ORR505', `a line longer than ${size(maxLineBytes)}`, {
            expected: `lines of at most ${size(maxLineBytes)}`,
            received: `more than ${size(length)}`,
          });
        parts.push(chunk.subarray(from));
      }
    },
    rest: (): Uint8Array | undefined => (length > 0 ? joined(parts, length) : undefined),
  };
}

/** The last `n` bytes seen. */
function createTail(n: number) {
  const tail = new Uint8Array(n);
  let filled = 0;
  return {
    push(chunk: Uint8Array) {
      if (chunk.length >= n) {
        tail.set(chunk.subarray(chunk.length - n));
        filled = n;
        return;
      }
      const keep = Math.min(filled, n - chunk.length);
      tail.copyWithin(0, filled - keep, filled);
      tail.set(chunk, keep);
      filled = keep + chunk.length;
    },
    bytes: () => tail.subarray(0, filled),
  };
}

/** gzip's trailer: CRC-32 and size (mod 2^32) of the data, little-endian. */
function checkTrailer(trailer: Uint8Array, crc: number, decoded: number): void {
  const view = new DataView(trailer.buffer, trailer.byteOffset, trailer.byteLength);
  if (trailer.length < 8 || view.getUint32(0, true) !== crc || view.getUint32(4, true) !== decoded >>> 0)
    throw refuse('ORR503', "the checksum differs (gzip's CRC-32): the file was cut short, altered or damaged");
}

export async function* decompressedLines(chunks: AsyncIterable<Uint8Array>, limits: LineLimits): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let decoded = 0;
  const crc = createCrc32();
  const gunzip = new Gunzip((chunk) => {
    decoded += chunk.length;
    crc.update(chunk);
    out.push(chunk);
  });
  const trailer = createTail(8);
  const lines = createLineSplitter(limits.maxLineBytes);
  const feed = (chunk: Uint8Array, final: boolean) => {
    try {
      gunzip.push(chunk, final);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw refuse(
        'ORR503',
        why === 'unexpected EOF' ? 'the file ends early: it was cut short' : `the compressed data is damaged (${why})`,
      );
    }
    if (decoded > limits.maxDecodedBytes)
      throw refuse('ORR505', `more than ${size(limits.maxDecodedBytes)} decompressed`, {
        expected: `at most ${size(limits.maxDecodedBytes)}`,
        received: `more than ${size(decoded)}`,
      });
  };
  let read = 0;
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (read === 0) checkMagic(chunk);
    read += chunk.length;
    trailer.push(chunk);
    if (read > limits.maxBytes)
      throw refuse('ORR505', `a file larger than ${size(limits.maxBytes)}`, {
        expected: `at most ${size(limits.maxBytes)}`,
        received: `more than ${size(read)}`,
      });
    feed(chunk, false);
    for (const piece of out.splice(0)) yield* lines.push(piece);
  }
  if (read === 0) throw refuse('ORR501', 'an empty file', { expected: 'a gzip-compressed .orrery-rec file', received: '0 bytes' });
  feed(new Uint8Array(0), true);
  checkTrailer(trailer.bytes(), crc.value(), decoded);
  for (const piece of out.splice(0)) yield* lines.push(piece);
  const rest = lines.rest();
  if (rest) yield rest;
}
