/**
 * The byte layer of the worker wire: records appended to one growable buffer that crosses
 * threads as a single transferred ArrayBuffer (no per-message structured clone). Text is
 * written as UTF-8 with a u32 length prefix; bytes already in UTF-8 (a guest's message) are
 * copied as they are.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const INITIAL_BYTES = 1024;

export class ByteWriter {
  private buffer: ArrayBuffer;
  private bytes: Uint8Array;
  private view: DataView;
  private end = 0;

  constructor(private readonly initialBytes = INITIAL_BYTES) {
    this.buffer = new ArrayBuffer(initialBytes);
    this.bytes = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
  }

  get length(): number {
    return this.end;
  }

  u8(value: number): void {
    this.reserve(1);
    this.bytes[this.end++] = value;
  }

  u32(value: number): void {
    this.reserve(4);
    this.view.setUint32(this.end, value, true);
    this.end += 4;
  }

  /** Length-prefixed raw bytes (already-encoded UTF-8 text, say). */
  bytesField(source: Uint8Array): void {
    this.reserve(4 + source.length);
    this.view.setUint32(this.end, source.length, true);
    this.bytes.set(source, this.end + 4);
    this.end += 4 + source.length;
  }

  /** Length-prefixed UTF-8, encoded straight into the buffer. */
  text(value: string): void {
    // UTF-16 to UTF-8 grows a code unit to at most 3 bytes.
    this.reserve(4 + value.length * 3);
    const { written } = encoder.encodeInto(value, this.bytes.subarray(this.end + 4));
    this.view.setUint32(this.end, written, true);
    this.end += 4 + written;
  }

  /** Hands over what was written (to be transferred) and starts a fresh buffer. */
  take(): { buffer: ArrayBuffer; length: number } {
    const taken = { buffer: this.buffer, length: this.end };
    this.buffer = new ArrayBuffer(Math.max(this.initialBytes, nextPowerOfTwo(this.end)));
    this.bytes = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
    this.end = 0;
    return taken;
  }

  private reserve(extra: number): void {
    const needed = this.end + extra;
    if (needed <= this.buffer.byteLength) return;
    const grown = new ArrayBuffer(nextPowerOfTwo(needed));
    const bytes = new Uint8Array(grown);
    bytes.set(this.bytes.subarray(0, this.end));
    this.buffer = grown;
    this.bytes = bytes;
    this.view = new DataView(grown);
  }
}

export class ByteReader {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;

  constructor(
    buffer: ArrayBuffer,
    private readonly end: number,
  ) {
    if (end > buffer.byteLength) throw new RangeError(`wire batch claims ${end} bytes but carries ${buffer.byteLength}`);
    this.bytes = new Uint8Array(buffer);
    this.view = new DataView(buffer);
  }

  get done(): boolean {
    return this.at >= this.end;
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.at++]!;
  }

  u32(): number {
    this.need(4);
    const value = this.view.getUint32(this.at, true);
    this.at += 4;
    return value;
  }

  /** A view into the batch (no copy): valid as long as the batch is. */
  bytesField(): Uint8Array {
    const length = this.u32();
    this.need(length);
    const field = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return field;
  }

  text(): string {
    return decodeText(this.bytesField());
  }

  private need(count: number): void {
    if (this.at + count > this.end) throw new RangeError('wire batch ends inside a record');
  }
}

export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

function nextPowerOfTwo(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, n)));
}
