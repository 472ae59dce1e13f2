import { describe, expect, it } from 'vitest';
import { compareFigures, figuresOf, renderComparison, type ComparableFigure } from './compare';

const rate = (name: string, value: number | null, baseline?: number | null): ComparableFigure => ({
  name,
  value,
  unit: 'msgs/s',
  ...(baseline !== undefined ? { baseline: { name: 'ceiling', value: baseline } } : {}),
});

const cost = (name: string, value: number): ComparableFigure => ({ name, value, unit: 'ms' });

describe('compareFigures', () => {
  it('flags a rate that fell by more than 10 % and keeps one that fell by less', () => {
    const c = compareFigures([rate('fast', 100), rate('steady', 100)], [rate('fast', 85), rate('steady', 95)]);
    expect(c.regressions.map((r) => r.name)).toEqual(['fast']);
    expect(c.rows.find((r) => r.name === 'fast')!.changePercent).toBeCloseTo(-15);
    expect(c.rows.find((r) => r.name === 'steady')!.regressed).toBe(false);
  });

  it('treats a rise of a cost (ms) as the bad direction and a fall as an improvement', () => {
    const c = compareFigures([cost('p99', 2), cost('p50', 1)], [cost('p99', 2.5), cost('p50', 0.5)]);
    expect(c.regressions.map((r) => r.name)).toEqual(['p99']);
    expect(c.rows.find((r) => r.name === 'p50')).toMatchObject({ better: 'lower', regressed: false, changePercent: -50 });
  });

  it('honours an explicit better over the unit', () => {
    const old = { name: 'odd', value: 10, unit: 'agents', better: 'lower' as const };
    expect(compareFigures([old], [{ ...old, value: 12 }]).regressions).toHaveLength(1);
  });

  it('compares by the ratio to the same-run baseline when both runs have one', () => {
    // The machine was twice as slow: value halved, baseline halved, ratio unchanged.
    const c = compareFigures([rate('routed', 100, 200)], [rate('routed', 50, 100)]);
    expect(c.rows[0]).toMatchObject({ basis: 'ratio', old: 0.5, new: 0.5, changePercent: 0, regressed: false });
    expect(c.regressions).toHaveLength(0);
  });

  it('catches a regression against the baseline even when the value itself held', () => {
    const c = compareFigures([rate('routed', 100, 100)], [rate('routed', 100, 150)]);
    expect(c.rows[0]!.basis).toBe('ratio');
    expect(c.regressions).toHaveLength(1);
  });

  it('falls back to the value when either run lacks a usable baseline', () => {
    const c = compareFigures([rate('routed', 100)], [rate('routed', 80, 100)]);
    expect(c.rows[0]).toMatchObject({ basis: 'value', old: 100, new: 80, regressed: true });
    const zero = compareFigures([rate('z', 100, 0)], [rate('z', 100, 0)]);
    expect(zero.rows[0]!.basis).toBe('value');
  });

  it('lists added, missing and unmeasured figures without calling them regressions', () => {
    const c = compareFigures(
      [rate('gone', 1), rate('same', 10), rate('blank', 5)],
      [rate('same', 10), rate('new', 3), rate('blank', null)],
    );
    expect(c.added).toEqual(['new']);
    expect(c.missing).toEqual(['gone']);
    expect(c.unmeasured).toEqual(['blank']);
    expect(c.regressions).toHaveLength(0);
  });

  it('takes the threshold as given', () => {
    expect(compareFigures([rate('a', 100)], [rate('a', 94)], 0.05).regressions).toHaveLength(1);
    expect(compareFigures([rate('a', 100)], [rate('a', 94)], 0.1).regressions).toHaveLength(0);
  });
});

describe('figuresOf', () => {
  it('reads the figures of a document and skips entries that are not figures', () => {
    const figures = figuresOf({ meta: {}, figures: [rate('a', 1), { value: 2 }, null] }, 'x.json');
    expect(figures.map((f) => f.name)).toEqual(['a']);
  });

  it('refuses something that is not a bench document', () => {
    expect(() => figuresOf({ rows: [] }, 'x.json')).toThrow(/x\.json: not a bench document/);
    expect(() => figuresOf(null, 'y.json')).toThrow(/y\.json/);
  });
});

describe('renderComparison', () => {
  it('says what each figure was compared by and names the regressions', () => {
    const text = renderComparison(compareFigures([rate('r', 100, 200), rate('v', 100)], [rate('r', 100, 100), rate('v', 50)]));
    expect(text).toMatch(/\| r .*ratio to same-run baseline .*0\.500 .*1\.000 .*\+100\.0 %/);
    expect(text).toMatch(/\| v .*value .*-50\.0 % .*REGRESSED/);
    expect(text).toMatch(/1 figure\(s\) regressed by more than 10 %: v/);
  });

  it('says so when nothing regressed', () => {
    expect(renderComparison(compareFigures([rate('a', 1)], [rate('a', 1)]))).toMatch(/no figure regressed by more than 10 %/);
  });
});
