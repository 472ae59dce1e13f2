import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BELL, RingEndpoint, type RingWire } from './ringEndpoint';
import { createSignalBuffer, Spinner } from './spinner';
import { createRingBuffer, SpscRing } from './spscRing';

type Sent = ArrayBuffer | { n: number };

const never = () => new Spinner({ spinUs: 0, waitUs: 0 });

/**
 * A → B over a ring of `capacity` bytes; B's port is a queue the test delivers from; B waits for
 * answers with `bSpinner`. With `lend`, B takes ring records lent (copied out during the call, and
 * each loan's buffer noted in `loans`).
 */
function channel(capacity: number, bSpinner = never(), options: { lend?: boolean; onLend?: () => void } = {}) {
  const toB = createRingBuffer(capacity);
  const toA = createRingBuffer(capacity);
  const signalA = createSignalBuffer();
  const signalB = createSignalBuffer();
  const portToB: Array<RingWire<Sent>> = [];
  const received: Sent[] = [];
  const loans: ArrayBuffer[] = [];
  const lend = (wire: ArrayBuffer, length: number) => {
    loans.push(wire);
    received.push(wire.slice(0, length));
    options.onLend?.();
  };
  const a = new RingEndpoint<Sent, Sent>({
    out: new SpscRing(toB),
    peerSignal: signalB,
    inbound: new SpscRing(toA),
    post: (m) => portToB.push(m),
    deliver: () => undefined,
    spinner: never(),
  });
  const b = new RingEndpoint<Sent, Sent>({
    out: new SpscRing(toA),
    peerSignal: signalA,
    inbound: new SpscRing(toB),
    post: () => undefined,
    deliver: (m) => received.push(m),
    ...(options.lend ? { lend } : {}),
    spinner: bSpinner,
  });
  return { a, b, portToB, received, loans, signalB: new Int32Array(signalB) };
}

const bytesOf = (m: Sent) => (m instanceof ArrayBuffer ? [...new Uint8Array(m)] : m);

describe('RingEndpoint', () => {
  it('delivers batches and posted messages in the order they were sent, however the port and the ring interleave', () => {
    const send = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((b) => ({ batch: b })),
      fc.nat().map((n) => ({ object: n })),
    );
    const step = fc.oneof(send, fc.constant('port' as const), fc.constant('settle' as const));
    fc.assert(
      fc.property(fc.integer({ min: 64, max: 1024 }), fc.array(step, { maxLength: 200 }), fc.boolean(), (capacity, steps, lend) => {
        const { a, b, portToB, received } = channel(capacity, never(), { lend });
        const sent: Sent[] = [];
        for (const s of steps) {
          if (s === 'port') {
            const wire = portToB.shift();
            if (wire !== undefined) b.receive(wire);
          } else if (s === 'settle') {
            b.settle();
          } else {
            const m: Sent = 'batch' in s ? s.batch.slice().buffer : { n: s.object };
            sent.push(m);
            a.send(m);
          }
        }
        while (portToB.length > 0) b.receive(portToB.shift()!);
        b.settle();
        expect(received.map(bytesOf)).toEqual(sent.map(bytesOf));
      }),
    );
  });

  it('lends every ring record in one buffer, and gives a record taken from inside a loan its own', () => {
    let nested = false;
    const lent = channel(4096, never(), {
      lend: true,
      onLend: () => {
        // The receiver takes again while a record is lent (the next one must not overwrite it).
        if (nested) return;
        nested = true;
        lent.b.settle();
      },
    });
    for (let i = 0; i < 4; i++) lent.a.send(new Uint8Array([i, i, i]).buffer);
    lent.b.receive(lent.portToB.shift()!);
    expect(lent.received.map(bytesOf)).toEqual([
      [0, 0, 0],
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
    ]);
    // The first record was lent; the three taken from inside that loan came as their own buffers.
    expect(lent.loans).toHaveLength(1);
    for (let i = 4; i < 6; i++) lent.a.send(new Uint8Array([i, i]).buffer);
    lent.b.receive(lent.portToB.shift()!);
    expect(lent.received.slice(4).map(bytesOf)).toEqual([
      [4, 4],
      [5, 5],
    ]);
    // Later records are lent again, in the same buffer.
    expect(lent.loans).toHaveLength(3);
    expect(new Set(lent.loans).size).toBe(1);
  });

  it('rings a sleeping receiver once, however many batches follow before it wakes', () => {
    const { a, b, portToB, received } = channel(4096);
    for (let i = 0; i < 5; i++) a.send(new Uint8Array([i]).buffer);
    expect(portToB).toEqual([BELL]);
    b.receive(portToB.shift()!);
    expect(received.map(bytesOf)).toEqual([[0], [1], [2], [3], [4]]);
    a.send(new Uint8Array([5]).buffer);
    expect(portToB).toEqual([BELL]);
  });

  it('does not ring a receiver that awaits an answer: it bumps its signal word instead', () => {
    let spin: (() => void) | undefined;
    const bSpinner = new Spinner({ spinUs: 50, waitUs: 0, yieldThen: (fn) => (spin = fn) });
    const { a, b, portToB, received, signalB } = channel(4096, bSpinner);
    b.send(new ArrayBuffer(1)); // B asked something: it polls for the answer
    expect(spin).toBeDefined();
    a.send(new Uint8Array([42]).buffer);
    expect(portToB).toEqual([]);
    expect(Atomics.load(signalB, 0)).toBe(1);
    spin!();
    expect(received.map(bytesOf)).toEqual([[42]]);
    // The spin is over: B sleeps again, and the next batch rings.
    a.send(new Uint8Array([43]).buffer);
    expect(portToB).toEqual([BELL]);
  });

  it('refuses a posted message whose ring records never arrived (a broken channel is an error, not a reorder)', () => {
    const { b } = channel(256);
    expect(() => b.receive({ t: 'after', rb: 2, m: { n: 1 } })).toThrow(/follows 2 ring records but only 0 arrived/);
  });
});
