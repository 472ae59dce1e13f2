/**
 * A single-producer single-consumer ring of byte records in a SharedArrayBuffer: one thread
 * writes, one other thread reads, no locks. A record is `[u32 length][u32 tag][bytes]`,
 * padded to 4 bytes; a record never wraps (a marker sends the reader back to the start).
 *
 * The header holds the two positions and a word the consumer owns for its wake-up state (see
 * ringEndpoint). Positions are offsets in `[0, capacity)`; the ring is empty when they are
 * equal, so the writer always leaves at least one slot free. Bytes are written with plain
 * stores before the position is published with `Atomics.store` (sequentially consistent), so a
 * reader that loads the new position sees them.
 */
const WRITE = 0;
const READ = 1;
/** The consumer's word (ringEndpoint: asleep, awake or belled). */
export const RING_STATE = 2;
const HEADER_BYTES = 16;
const RECORD_HEADER = 8;
const WRAP = 0xffffffff;

export function createRingBuffer(capacityBytes: number): SharedArrayBuffer {
  const capacity = Math.max(64, Math.ceil(capacityBytes / 4) * 4);
  return new SharedArrayBuffer(HEADER_BYTES + capacity);
}

/** What a reader needs to copy a record out, without allocating per peek. */
export interface RingRecord {
  tag: number;
  length: number;
}

export class SpscRing {
  readonly header: Int32Array;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly capacity: number;

  constructor(buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.capacity = buffer.byteLength - HEADER_BYTES;
    this.bytes = new Uint8Array(buffer, HEADER_BYTES, this.capacity);
    this.view = new DataView(buffer, HEADER_BYTES, this.capacity);
  }

  /** The largest record an empty ring always takes (wherever its positions are). */
  get maxRecordBytes(): number {
    return Math.floor((this.capacity / 2 - RECORD_HEADER - 4) / 4) * 4;
  }

  /** Producer: appends a record, or returns false (and writes nothing) when it does not fit now. */
  write(tag: number, source: Uint8Array): boolean {
    const total = RECORD_HEADER + padded(source.length);
    const w = Atomics.load(this.header, WRITE);
    const r = Atomics.load(this.header, READ);
    let at = w;
    if (w >= r) {
      const toEnd = this.capacity - w;
      // Exactly filling the tail is fine unless the reader sits at 0 (full would look empty).
      const fitsAtEnd = total < toEnd || (total === toEnd && r !== 0);
      if (!fitsAtEnd) {
        if (total >= r) return false;
        this.view.setUint32(w, WRAP, true);
        at = 0;
      }
    } else if (w + total >= r) {
      return false;
    }
    this.view.setUint32(at, source.length, true);
    this.view.setUint32(at + 4, tag >>> 0, true);
    this.bytes.set(source, at + RECORD_HEADER);
    Atomics.store(this.header, WRITE, (at + total) % this.capacity);
    return true;
  }

  /** Consumer: whether a record waits (cheap: one atomic load and a compare). */
  hasRecord(): boolean {
    return Atomics.load(this.header, WRITE) !== Atomics.load(this.header, READ);
  }

  /** Consumer: the next record's tag and length, without taking it; undefined when empty. */
  peek(into: RingRecord): RingRecord | undefined {
    const at = this.nextRecordAt();
    if (at < 0) return undefined;
    into.length = this.view.getUint32(at, true);
    into.tag = this.view.getUint32(at + 4, true);
    return into;
  }

  /** Consumer: takes the next record (peek first) as a fresh ArrayBuffer of exactly its bytes. */
  take(): ArrayBuffer {
    const at = this.nextRecordAt();
    if (at < 0) throw new Error('ring: take() on an empty ring');
    const length = this.view.getUint32(at, true);
    const copy = new ArrayBuffer(length);
    new Uint8Array(copy).set(this.bytes.subarray(at + RECORD_HEADER, at + RECORD_HEADER + length));
    Atomics.store(this.header, READ, (at + RECORD_HEADER + padded(length)) % this.capacity);
    return copy;
  }

  /**
   * Consumer: copies the next record (peek first) into `into`, which must hold it, and takes it;
   * returns its length. For a reader that is done with each record before the next: no
   * allocation per record.
   */
  takeInto(into: Uint8Array): number {
    const at = this.nextRecordAt();
    if (at < 0) throw new Error('ring: takeInto() on an empty ring');
    const length = this.view.getUint32(at, true);
    if (length > into.length) throw new RangeError(`ring: a record of ${length} bytes does not fit ${into.length}`);
    into.set(this.bytes.subarray(at + RECORD_HEADER, at + RECORD_HEADER + length));
    Atomics.store(this.header, READ, (at + RECORD_HEADER + padded(length)) % this.capacity);
    return length;
  }

  /** Where the next record starts (past a wrap marker), or -1 when the ring is empty. */
  private nextRecordAt(): number {
    const w = Atomics.load(this.header, WRITE);
    let r = Atomics.load(this.header, READ);
    if (r === w) return -1;
    if (this.view.getUint32(r, true) === WRAP) {
      r = 0;
      Atomics.store(this.header, READ, 0);
      if (r === w) return -1;
    }
    return r;
  }
}

function padded(n: number): number {
  return (n + 3) & ~3;
}
