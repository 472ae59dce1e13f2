import { describe, expect, it } from 'vitest';
import { canaryRole, canaryStageText, canaryVerdict, canaryWeights, splitRoleOfLink, splitText } from './canaryDisplay';
import type { CanaryView } from './loadLabView';

const figures = { requests: 40, errorRate: 0, p95: 3 };

function view(over: Partial<CanaryView> = {}): CanaryView {
  return { stable: 'echo-1', canary: 'echo-1-canary', stage: 2, stages: 4, weight: 25, state: 'running', verdicts: [], ...over };
}

describe('the split', () => {
  it('gives the canary its weight and the stable agent the rest', () => {
    expect(canaryWeights(view())).toEqual({ stable: 75, canary: 25 });
    expect(splitText(view(), 'stable')).toBe('stable 75 %');
    expect(splitText(view(), 'canary')).toBe('canary 25 %');
  });

  it('keeps shares whole percents within 0–100', () => {
    expect(canaryWeights(view({ weight: 12.6 }))).toEqual({ stable: 87, canary: 13 });
    expect(canaryWeights(view({ weight: 140 }))).toEqual({ stable: 0, canary: 100 });
    expect(canaryWeights(view({ weight: -1 }))).toEqual({ stable: 100, canary: 0 });
  });

  it('finds the halves of the split among links from clients', () => {
    const isClient = (n: string) => n.startsWith('load');
    expect(splitRoleOfLink(view(), { a: 'load', b: 'echo-1' }, isClient)).toBe('stable');
    expect(splitRoleOfLink(view(), { a: 'echo-1-canary', b: 'load-2' }, isClient)).toBe('canary');
    expect(splitRoleOfLink(view(), { a: 'echo-1', b: 'echo-1-canary' }, isClient)).toBeUndefined();
    expect(splitRoleOfLink(view(), { a: 'load', b: 'echo-2' }, isClient)).toBeUndefined();
    expect(splitRoleOfLink(undefined, { a: 'load', b: 'echo-1' }, isClient)).toBeUndefined();
  });

  it('names the role of each agent of the release, and of no other', () => {
    expect(canaryRole(view(), 'echo-1')).toBe('stable');
    expect(canaryRole(view(), 'echo-1-canary')).toBe('canary');
    expect(canaryRole(view(), 'echo-2')).toBeUndefined();
  });
});

describe('the stage and the verdict', () => {
  it('says the stage and the canary share', () => {
    expect(canaryStageText(view())).toBe('stage 2/4 · 25 %');
  });

  it('says promoted, rolling back, draining and rolled back in words with a glyph', () => {
    expect(canaryVerdict(view({ state: 'promoted', weight: 100 }))).toEqual({ text: 'promoted', tone: 'ok', glyph: '✓' });
    expect(canaryVerdict(view({ state: 'rolling-back' })).text).toBe('rolling back');
    expect(canaryVerdict(view({ state: 'draining' })).text).toBe('draining');
    expect(canaryVerdict(view({ state: 'rolled-back' })).text).toBe('rolled back');
  });

  it('gives the failed stage’s first reason once it rolls back', () => {
    const verdicts = [
      { stage: 1, weight: 5, passed: true, reasons: [], canary: figures, stable: figures },
      { stage: 2, weight: 25, passed: false, reasons: ['error rate 0.52 > 0.01', 'p95 80 ms > 50 ms'], canary: figures, stable: figures },
    ];
    expect(canaryVerdict(view({ state: 'rolled-back', weight: 0, verdicts }))).toEqual({
      text: 'rolled back',
      tone: 'danger',
      glyph: '✕',
      reason: 'error rate 0.52 > 0.01',
    });
    expect(canaryVerdict(view({ state: 'judging', verdicts })).reason).toBeUndefined();
  });
});
