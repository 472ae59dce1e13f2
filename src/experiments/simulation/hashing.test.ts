import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';
import { canonicalLog, logHash } from './logHash';
import { createSha256, sha256Hex } from './sha256';
import type { KernelEvent } from '../../kernel/types';

const nodeSha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('sha256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('equals node:crypto on any input, however it is split into updates', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.array(fc.nat(400), { maxLength: 5 }), (bytes, cuts) => {
        const h = createSha256();
        let at = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          const end = Math.min(cut, bytes.length);
          if (end > at) h.update(bytes.subarray(at, end));
          at = Math.max(at, end);
        }
        h.update(bytes.subarray(at));
        expect(h.hex()).toBe(nodeSha(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('hashes unicode text as UTF-8', () => {
    const text = 'héllo — 🌍 世界';
    expect(sha256Hex(text)).toBe(nodeSha(text));
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":2,"z":1}]},"b":1}',
    );
  });

  it('is independent of key creation order and round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const shuffled = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
          v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as object).reverse()) : v,
        ) as unknown;
        expect(canonicalJson(shuffled)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('a log hash is the SHA-256 of the canonical JSONL', () => {
    const log = [
      { type: 'node.added', node: 'c', kind: 'client', seq: 0, t: 0 },
      { type: 'link.added', link: { id: 'l1', b: 'x', a: 'c' }, seq: 1, t: 1.5 },
    ] as KernelEvent[];
    expect(canonicalLog(log)).toBe(
      '{"kind":"client","node":"c","seq":0,"t":0,"type":"node.added"}\n{"link":{"a":"c","b":"x","id":"l1"},"seq":1,"t":1.5,"type":"link.added"}\n',
    );
    expect(logHash(log)).toBe(nodeSha(canonicalLog(log)));
  });
});
