/**
 * The byte layer of the worker wire: records appended to one growable buffer that crosses
 * threads as a single transferred ArrayBuffer (no per-message structured clone). Text is
 * written as UTF-8 with a u32 length prefix; bytes already in UTF-8 (a guest's message) are
 * copied as they are.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const INITIAL_BYTES = 16 * 1024;

/**
 * At most this many bytes, a batch is copied when posted rather than transferred: for small
 * messages a transfer (detach and re-attach) costs more than copying (measured in Node 20:
 * about 5 µs more per post), and the writer keeps its buffer.
 */
export const SMALL_BATCH_BYTES = 4096;

/** The transfer list for a batch's buffer (empty when copying is cheaper). */
export function transferList(batch: { wire: ArrayBuffer }): ArrayBuffer[] {
  return batch.wire.byteLength > SMALL_BATCH_BYTES ? [batch.wire] : [];
}

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

  /**
   * Hands over what was written. A small batch is a copy of just its bytes (the writer keeps
   * its buffer: no allocation per batch); a large one is the buffer itself, and the writer
   * starts a fresh one. Either way the caller owns the result (see `shouldTransfer`).
   */
  take(): { buffer: ArrayBuffer; length: number } {
    const length = this.end;
    this.end = 0;
    if (length <= SMALL_BATCH_BYTES) return { buffer: this.buffer.slice(0, length), length };
    const taken = { buffer: this.buffer, length };
    this.buffer = new ArrayBuffer(Math.max(this.initialBytes, nextPowerOfTwo(length)));
    this.bytes = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
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
