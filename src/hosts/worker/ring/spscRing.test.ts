import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRingBuffer, SpscRing, type RingRecord } from './spscRing';

type Op = { write: Uint8Array; tag: number } | 'read' | 'read into';

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ write: fc.uint8Array({ maxLength: 120 }), tag: fc.nat({ max: 2 ** 32 - 1 }) }),
  fc.constant('read' as const),
  fc.constant('read into' as const),
);

function readAll(ring: SpscRing): Array<{ tag: number; bytes: number[] }> {
  const out: Array<{ tag: number; bytes: number[] }> = [];
  const record: RingRecord = { tag: 0, length: 0 };
  while (ring.peek(record)) {
    const { tag } = record;
    out.push({ tag, bytes: [...new Uint8Array(ring.take())] });
  }
  return out;
}

describe('SpscRing', () => {
  it('refuses to take a record into a buffer too small for it, and leaves it for the next read', () => {
    const ring = new SpscRing(createRingBuffer(256));
    expect(ring.write(7, new Uint8Array([1, 2, 3, 4, 5]))).toBe(true);
    expect(() => ring.takeInto(new Uint8Array(4))).toThrow(/5 bytes does not fit 4/);
    const into = new Uint8Array(8);
    expect(ring.takeInto(into)).toBe(5);
    expect([...into.subarray(0, 5)]).toEqual([1, 2, 3, 4, 5]);
    expect(ring.hasRecord()).toBe(false);
  });

  it('hands back every record it took, byte for byte and in order, across wrap-arounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 64, max: 600 }), fc.array(op, { maxLength: 300 }), (capacity, ops) => {
        const ring = new SpscRing(createRingBuffer(capacity));
        const model: Array<{ tag: number; bytes: number[] }> = [];
        const record: RingRecord = { tag: 0, length: 0 };
        // One buffer for every record read into it, dirty from the one before.
        const into = new Uint8Array(ring.maxRecordBytes);
        for (const o of ops) {
          if (o === 'read' || o === 'read into') {
            const expected = model.shift();
            const peeked = ring.peek(record);
            if (!expected) {
              expect(peeked).toBeUndefined();
              expect(ring.hasRecord()).toBe(false);
              continue;
            }
            expect(peeked).toEqual({ tag: expected.tag, length: expected.bytes.length });
            if (o === 'read') expect([...new Uint8Array(ring.take())]).toEqual(expected.bytes);
            else expect([...into.subarray(0, ring.takeInto(into))]).toEqual(expected.bytes);
          } else if (ring.write(o.tag, o.write)) {
            model.push({ tag: o.tag, bytes: [...o.write] });
          } else {
            // Refused only when it could not fit: never on an empty ring within the documented size.
            expect(model.length > 0 || o.write.length > ring.maxRecordBytes).toBe(true);
          }
        }
        expect(readAll(ring)).toEqual(model);
      }),
    );
  });

  it('takes any record up to maxRecordBytes into an empty ring wherever its positions stand', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 64, max: 600 }),
        fc.array(fc.nat({ max: 200 }), { maxLength: 20 }),
        fc.nat(),
        (capacity, sizes, pick) => {
          const ring = new SpscRing(createRingBuffer(capacity));
          // Move the positions around, leaving the ring empty.
          for (const size of sizes) if (ring.write(0, new Uint8Array(size))) readAll(ring);
          const size = pick % (ring.maxRecordBytes + 1);
          expect(ring.write(7, new Uint8Array(size).fill(9))).toBe(true);
          expect(readAll(ring)).toEqual([{ tag: 7, bytes: new Array(size).fill(9) }]);
        },
      ),
    );
  });

  it('refuses a record that would overwrite one not read yet, and takes it once there is room', () => {
    const ring = new SpscRing(createRingBuffer(64));
    const record = new Uint8Array(20).fill(1);
    expect(ring.write(1, record)).toBe(true);
    expect(ring.write(2, record)).toBe(true);
    expect(ring.write(3, record)).toBe(false);
    expect(readAll(ring).map((r) => r.tag)).toEqual([1, 2]);
    expect(ring.write(3, record)).toBe(true);
    expect(readAll(ring).map((r) => r.tag)).toEqual([3]);
  });

  it('says so when take() is called on an empty ring', () => {
    expect(() => new SpscRing(createRingBuffer(64)).take()).toThrow(/empty ring/);
  });
});
