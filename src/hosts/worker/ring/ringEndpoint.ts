/**
 * One end of a ring channel: batches go through a shared ring (spscRing), everything
 * else through the thread's message port, and the receiver sees both in the order they were
 * sent.
 *
 * - A bare batch (an `ArrayBuffer`) that fits is written to the ring. If the receiver sleeps
 *   (is back in its event loop), a bell (a tiny message) wakes it, and while that bell is on
 *   its way nothing more is posted, so a busy receiver takes a stream of batches for one post.
 *   If it awaits an answer (polls or blocks, see Spinner), its thread's signal word is bumped
 *   instead: no post at all.
 * - Any other message is posted as `{ t: 'after', rb, m }`: `rb` counts the ring records
 *   written before it, so the receiver takes those first; each ring record's tag counts the
 *   messages posted before it, so the receiver does not take it before them.
 * - After sending, the sender waits on its own ring for the answer (see Spinner) when that pays.
 *
 * The receiver's state word (in the ring it reads) follows a Dekker pattern with the sender's
 * write: the sender publishes the record then reads the state; the receiver stores ASLEEP then
 * reads the ring. Atomics are sequentially consistent, so one of them sees the other: either
 * the receiver takes the record or the sender rings.
 */
import { RING_STATE, type SpscRing, type RingRecord } from './spscRing';
import { signalThread, signalWords, type Spinner, type SpinTarget } from './spinner';

const ASLEEP = 0;
const AWAKE = 1;
const BELLED = 2;

/** The bell: a number, the cheapest thing to post. */
export const BELL = 0;

export interface RingSetup {
  t: 'ring';
  /** The ring the worker reads (host → worker). */
  toWorker: SharedArrayBuffer;
  /** The ring the host reads (worker → host). */
  toHost: SharedArrayBuffer;
  /** Each thread's signal words (see Spinner): the worker's are made for it by the host. */
  workerSignal: SharedArrayBuffer;
  hostSignal: SharedArrayBuffer;
}

export interface After<M> {
  t: 'after';
  /** Ring records written before this message. */
  rb: number;
  m: M;
}

/** What crosses the port of a ring channel carrying messages `M`. */
export type RingWire<M> = typeof BELL | After<M> | RingSetup;

export interface RingEndpointOptions<Out, In> {
  out: SpscRing;
  /** The signal words of the thread that reads `out` (createSignalBuffer). */
  peerSignal: SharedArrayBuffer;
  inbound: SpscRing;
  post(message: RingWire<Out>, transfer?: ArrayBuffer[]): void;
  deliver(message: In | ArrayBuffer): void;
  /**
   * Ring records lent instead of given: the first `length` bytes of `wire`, which the next
   * record overwrites. For a receiver done with a batch when the call returns (nothing keeps
   * the buffer or a view of it); it spares an ArrayBuffer per record, whose backing store
   * the young collection frees one by one. Without it, each record is a fresh ArrayBuffer.
   */
  lend?(wire: ArrayBuffer, length: number): void;
  spinner: Spinner;
}

export class RingEndpoint<Out, In> implements SpinTarget {
  private written = 0;
  private posted = 0;
  private taken = 0;
  private seen = 0;
  private readonly record: RingRecord = { tag: 0, length: 0 };
  private closed = false;
  private readonly peerSignal: Int32Array;
  /** Where lent records are copied (see `lend`); made at the first one. */
  private loan: Uint8Array | undefined;
  private lending = false;

  constructor(private readonly options: RingEndpointOptions<Out, In>) {
    this.peerSignal = signalWords(options.peerSignal);
  }

  send(message: Out | ArrayBuffer, transfer?: ArrayBuffer[]): void {
    const { out } = this.options;
    if (message instanceof ArrayBuffer && message.byteLength <= out.maxRecordBytes && out.write(this.posted, new Uint8Array(message))) {
      this.written++;
      const state = Atomics.compareExchange(out.header, RING_STATE, ASLEEP, BELLED);
      if (state === ASLEEP) this.options.post(BELL);
      else if (state === AWAKE) signalThread(this.peerSignal);
    } else {
      this.options.post({ t: 'after', rb: this.written, m: message as Out }, transfer);
      this.posted++;
    }
    this.awaitAnswer();
  }

  /** A message from the port. */
  receive(wire: RingWire<In>): void {
    if (this.closed) return;
    if (wire === BELL) {
      Atomics.compareExchange(this.options.inbound.header, RING_STATE, BELLED, ASLEEP);
      this.take();
      return;
    }
    if (wire.t !== 'after') return;
    this.take(wire.rb);
    if (this.taken < wire.rb) throw new Error(`ring channel: a message follows ${wire.rb} ring records but only ${this.taken} arrived`);
    this.seen++;
    this.options.deliver(wire.m);
    this.take();
  }

  hasInbound(): boolean {
    return this.options.inbound.hasRecord();
  }

  settle(): void {
    Atomics.store(this.options.inbound.header, RING_STATE, ASLEEP);
    this.take();
  }

  close(): void {
    this.closed = true;
  }

  private awaitAnswer(): void {
    // Awake from here until the spin settles: the peer writes without ringing meanwhile.
    if (!this.closed && this.options.spinner.arm(this)) Atomics.store(this.options.inbound.header, RING_STATE, AWAKE);
  }

  /** Takes ring records in order, up to `until` in all, stopping at one that a posted message must precede. */
  private take(until = Infinity): void {
    const { inbound } = this.options;
    while (!this.closed && this.taken < until) {
      const next = inbound.peek(this.record);
      if (!next || next.tag > this.seen) return;
      this.taken++;
      const { lend } = this.options;
      // A record taken while one is lent (a receiver that takes again from inside) gets its own buffer.
      if (lend === undefined || this.lending || next.length > inbound.maxRecordBytes) {
        this.options.deliver(inbound.take());
        continue;
      }
      const loan = (this.loan ??= new Uint8Array(inbound.maxRecordBytes));
      const length = inbound.takeInto(loan);
      this.lending = true;
      try {
        lend(loan.buffer as ArrayBuffer, length);
      } finally {
        this.lending = false;
      }
    }
  }
}
