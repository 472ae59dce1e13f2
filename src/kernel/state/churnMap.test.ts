import fc from 'fast-check';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { ChurnMap } from './churnMap';
import { oldSpaceUsed } from './oldGeneration.testkit';

type Op = { op: 'set'; key: number; value: number } | { op: 'delete'; key: number } | { op: 'clear' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ op: fc.constant('set' as const), key: fc.integer({ min: 0, max: 40 }), value: fc.integer() }) },
  { weight: 9, arbitrary: fc.record({ op: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
);

describe('ChurnMap', () => {
  it('behaves as a Map (contents, size, insertion order) through any sequence of operations, across renewals', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 4000 }), (ops) => {
        const model = new Map<number, number>();
        const map = new ChurnMap<number, number>();
        for (const o of ops) {
          if (o.op === 'set') {
            expect(map.set(o.key, o.value)).toBe(map);
            model.set(o.key, o.value);
          } else if (o.op === 'delete') {
            expect(map.delete(o.key)).toBe(model.delete(o.key));
          } else {
            map.clear();
            model.clear();
          }
          expect(map.size).toBe(model.size);
        }
        expect([...map]).toEqual([...model]);
        expect([...map.keys()]).toEqual([...model.keys()]);
        expect([...map.values()]).toEqual([...model.values()]);
        for (let key = 0; key <= 40; key++) {
          expect(map.has(key)).toBe(model.has(key));
          expect(map.get(key)).toBe(model.get(key));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the order of a large map when it renews itself', () => {
    const map = new ChurnMap<string, number>();
    for (let i = 0; i < 5000; i++) map.set(`k${i}`, i);
    for (let i = 0; i < 5000; i += 2) map.delete(`k${i}`);
    for (let i = 5000; i < 9000; i++) map.set(`k${i}`, i);
    const keys = [...map.keys()];
    expect(keys.length).toBe(2500 + 4000);
    expect(keys.slice(0, 3)).toEqual(['k1', 'k3', 'k5']);
    expect(keys.at(-1)).toBe('k8999');
  });

  // Why the class exists: an old Map under churn fills the old generation with the hash tables
  // V8 replaces, which only mark-compacts collect. Measured in bytes, not time.
  it('leaves no garbage in the old generation under churn, where a long-lived Map does', async () => {
    const plain = await oldGenerationGrowthDuringChurn(new Map<string, number>());
    const churn = await oldGenerationGrowthDuringChurn(new ChurnMap<string, number>());
    expect(plain.majors > 0 || plain.bytes > 2_000_000, `a plain Map: ${JSON.stringify(plain)}`).toBe(true);
    expect(churn.majors, `ChurnMap: ${JSON.stringify(churn)}`).toBe(0);
    expect(churn.bytes).toBeLessThan(1_000_000);
  });
});

/** Old-space growth (and mark-compacts) while a long-lived map takes 100,000 keys, each deleted right after the next. */
async function oldGenerationGrowthDuringChurn(map: {
  set(k: string, v: number): unknown;
  delete(k: string): boolean;
}): Promise<{ bytes: number; majors: number }> {
  // Age the map into the old generation first (surviving two young collections promotes it).
  const ballast: unknown[] = [];
  for (let round = 0; round < 3; round++) for (let i = 0; i < 200_000; i++) ballast[i % 64] = { i };
  await new Promise((resolve) => setTimeout(resolve, 0));
  let majors = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
  });
  observer.observe({ entryTypes: ['gc'] });
  const before = oldSpaceUsed();
  for (let i = 0; i < 100_000; i++) {
    map.set(`k${i}`, i);
    if (i > 0) map.delete(`k${i - 1}`);
  }
  const bytes = oldSpaceUsed() - before;
  // GC entries are delivered after the fact.
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return { bytes, majors };
}
