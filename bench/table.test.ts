import { describe, expect, it } from 'vitest';
import { betterOf, ratioOf, renderTable, verdict, type Figure } from './table';
import { toRecord } from './report';

const figure = (over: Partial<Figure>): Figure => ({ name: 'f', value: 10, unit: 'msgs/s', ...over });

describe('betterOf', () => {
  it('is higher for rates and lower for durations and sizes, unless the figure says', () => {
    expect(['msgs/s', 'round trips/s', 'fps'].map((unit) => betterOf({ unit }))).toEqual(['higher', 'higher', 'higher']);
    expect(['ms', 'µs', 's', 'MB', 'bytes'].map((unit) => betterOf({ unit }))).toEqual(['lower', 'lower', 'lower', 'lower', 'lower']);
    expect(betterOf({ unit: 'ms', better: 'higher' })).toBe('higher');
  });
});

describe('ratioOf', () => {
  it('is value / baseline, and undefined without a usable baseline', () => {
    expect(ratioOf(figure({ baseline: { name: 'b', value: 40 } }))).toBe(0.25);
    expect(ratioOf(figure({}))).toBeUndefined();
    expect(ratioOf(figure({ baseline: { name: 'b', value: 0 } }))).toBeUndefined();
    expect(ratioOf(figure({ baseline: { name: 'b', value: NaN } }))).toBeUndefined();
  });
});

describe('verdict', () => {
  it('checks ratio targets against the baseline and value targets against the value', () => {
    expect(verdict(figure({ baseline: { name: 'b', value: 20 }, target: { ratio: 0.5 } }))).toBe('met');
    expect(verdict(figure({ baseline: { name: 'b', value: 21 }, target: { ratio: 0.5 } }))).toBe('below');
    expect(verdict(figure({ baseline: { name: 'b', value: 5 }, target: { maxRatio: 1.2 } }))).toBe('above');
    expect(verdict(figure({ target: { min: 11 } }))).toBe('below');
    expect(verdict(figure({ unit: 'ms', target: { max: 5 } }))).toBe('above');
    expect(verdict(figure({ unit: 'ms', value: 4, target: { max: 5 } }))).toBe('met');
  });

  it('says there is no data when the value or the baseline is missing', () => {
    expect(verdict(figure({ value: NaN, target: { min: 1 } }))).toBe('no data');
    expect(verdict(figure({ target: { ratio: 0.8 } }))).toBe('no data');
    expect(verdict(figure({}))).toBe('');
  });
});

describe('the JSON record', () => {
  it('carries the ratio, verdict and direction, and writes what was not measured as null', () => {
    const record = toRecord(figure({ baseline: { name: 'b', value: 20 }, target: { ratio: 0.8 } }));
    expect(record).toMatchObject({ value: 10, ratio: 0.5, verdict: 'below', better: 'higher', baseline: { name: 'b', value: 20 } });
    const blank = toRecord(figure({ value: NaN, unit: 'bytes' }));
    expect(blank).toMatchObject({ value: null, ratio: null, baseline: null, target: null, better: 'lower' });
  });
});

describe('renderTable', () => {
  it('prints the note next to the name and the ratio to the baseline', () => {
    const text = renderTable([figure({ note: '100k informs', baseline: { name: 'ceiling', value: 40 }, target: { ratio: 0.7 } })]);
    expect(text).toMatch(/\| f \(100k informs\) \| 10\.00 msgs\/s \| ceiling: 40\.00 msgs\/s \| 0\.25 +\| ratio ≥ 0\.7 \| below +\|/);
  });
});
