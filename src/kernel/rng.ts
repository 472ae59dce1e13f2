import type { Rng } from './types';

export interface SeededRng extends Rng {
  /** An integer in [0, n). */
  int(n: number): number;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, from PractRand): 128 bits of
 * state, passes PractRand and BigCrush, tiny and fast in 32-bit JS arithmetic. The seed
 * is spread over the state with splitmix32 so nearby seeds give unrelated streams.
 */
export function createSeededRng(seed: number): SeededRng {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32(); // warm up, as the reference does
  return {
    next: () => next32() / 4294967296,
    int: (n) => Math.floor((next32() / 4294967296) * n),
  };
}
