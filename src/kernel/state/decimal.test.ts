import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimal, DecimalSequence } from './decimal';
import { oldGenerationGrowth } from './oldGeneration.testkit';

describe('decimal', () => {
  it('writes any integer as String does', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => decimal(n) === String(n)));
  });

  it('writes fractions and negative numbers as String does', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => decimal(n) === String(n)));
  });
});

describe('DecimalSequence', () => {
  it('counts prefix1, prefix2, … through every carry', () => {
    const ids = new DecimalSequence('m');
    for (let i = 1; i <= 100_123; i++) {
      const id = ids.next();
      if (id !== `m${i}`) expect(id).toBe(`m${i}`);
    }
  });

  it('keeps sequences apart', () => {
    const a = new DecimalSequence('a-');
    const b = new DecimalSequence('b-');
    expect([a.next(), a.next(), b.next(), a.next()]).toEqual(['a-1', 'a-2', 'b-1', 'a-3']);
  });

  // Why the module exists: a template literal's number text stays in V8's number-to-string
  // cache (an old-generation table) until later conversions overwrite its slot, so ids made
  // that way survive young collections and are promoted. Measured in bytes, not time.
  it('leaves ids to die young, where template-literal ids are promoted', async () => {
    const sequence = new DecimalSequence('m');
    const ours = await idGrowth(() => sequence.next());
    let n = 0;
    const template = await idGrowth(() => `m${++n}`);
    expect(template, 'template-literal ids').toBeGreaterThan(2_000_000);
    expect(ours, 'DecimalSequence ids').toBeLessThan(template / 4);
  });
});

/** Old-space growth while making 200,000 ids with ~1 KB of short-lived garbage each (so a young collection sees a few thousand ids). */
async function idGrowth(nextId: () => string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  return oldGenerationGrowth(200_000, () => {
    let garbage: unknown = nextId();
    for (let j = 0; j < 8; j++) garbage = [garbage, j, j, j, j, j, j, j, j, j, j, j, j, j, j, j];
    return garbage;
  });
}
