import { describe, expect, it } from 'vitest';
import type { ExperimentResult, WindowResult } from '../../../experiments/chaos/result';
import { compareResults, formatValue } from './compareModel';

const win = (name: string, kind: WindowResult['kind'], probes: [string, boolean, number | null][]): WindowResult => ({
  name,
  kind,
  start: 0,
  end: 1,
  pass: probes.every((p) => p[1]),
  probes: probes.map(([id, pass, value]) => ({ id, probe: 'latency', pass, value, threshold: '< 50 ms', detail: '' })),
});

const result = (seed: number, windows: WindowResult[]): ExperimentResult => ({
  experiment: 'x',
  mode: 'simulation',
  seed,
  pass: windows.every((w) => w.pass),
  t0: 0,
  end: 1,
  windows,
  failures: [],
  timeline: [],
  counts: { events: 0, requests: 10, answered: 10, succeeded: 10, failed: 0, lost: 0, answeredTwice: 0, duplicateDeliveries: 0, failuresByReason: {}, deadLetters: seed, crashes: 0, restarts: 0, escalations: 0, faultsApplied: {} },
  hash: `${seed}`.repeat(64).slice(0, 64),
  errors: [],
  wallMs: 1,
  virtualMs: 1,
});

describe('compareResults', () => {
  it('lines up probes × windows of two runs and marks changed verdicts', () => {
    const a = result(1, [win('before', 'before', [['latency', true, 3]]), win('during:storm', 'during', [['latency', true, 10]]), win('after', 'after', [['latency', true, 4]])]);
    const b = result(2, [win('after', 'after', [['latency', true, 5], ['no-lost', false, 2]]), win('before', 'before', [['latency', true, 3]]), win('during:storm', 'during', [['latency', false, 80]])]);
    const t = compareResults(a, b);
    expect(t.windows).toEqual(['before', 'during:storm', 'after']);
    expect(t.rows.map((r) => r.probe)).toEqual(['latency', 'no-lost']);
    expect(t.rows[0]!.cells['during:storm']).toEqual({ a: { pass: true, value: 10, threshold: '< 50 ms' }, b: { pass: false, value: 80, threshold: '< 50 ms' }, changed: true });
    expect(t.rows[0]!.cells['before']!.changed).toBe(false);
    expect(t.rows[1]!.cells['after']!.a).toBeUndefined();
    expect(t.summary.find((s) => s.label === 'Verdict')).toEqual({ label: 'Verdict', a: 'pass', b: 'fail' });
    expect(t.summary.find((s) => s.label === 'Dead letters')).toEqual({ label: 'Dead letters', a: '1', b: '2' });
  });

  it('formats values', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue(3)).toBe('3');
    expect(formatValue(0.9876)).toBe('0.988');
    expect(formatValue(12.34)).toBe('12.3');
  });
});
