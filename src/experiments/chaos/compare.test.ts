import { describe, expect, it } from 'vitest';
import { compareRuns, compareSwarms, type ComparableSeed } from './compare';
import type { ExperimentResult, WindowResult } from './result';

const win = (name: string, kind: WindowResult['kind'], probes: [string, boolean, number | null][]): WindowResult => ({
  name,
  kind,
  start: 0,
  end: 1,
  pass: probes.every((p) => p[1]),
  probes: probes.map(([id, pass, value]) => ({ id, probe: 'latency', pass, value, threshold: '< 50 ms', detail: '' })),
});

const result = (seed: number, windows: WindowResult[], hash = `${seed}`.repeat(64).slice(0, 64)): ExperimentResult => ({
  experiment: 'x',
  mode: 'simulation',
  seed,
  pass: windows.every((w) => w.pass),
  t0: 0,
  end: 1,
  windows,
  failures: [],
  timeline: [],
  counts: {
    events: 0,
    requests: 10,
    answered: 10,
    succeeded: 10,
    failed: 0,
    lost: 0,
    answeredTwice: 0,
    duplicateDeliveries: 0,
    failuresByReason: {},
    deadLetters: seed,
    crashes: 0,
    restarts: 0,
    escalations: 0,
    faultsApplied: {},
  },
  hash,
  errors: [],
  wallMs: 1,
  virtualMs: 1,
});

describe('compareRuns', () => {
  it('lines up probes × windows of two runs, says whether the hashes match and which checks moved', () => {
    const a = result(1, [
      win('before', 'before', [['latency', true, 3]]),
      win('during:storm', 'during', [['latency', true, 10]]),
      win('after', 'after', [['latency', true, 4]]),
    ]);
    const b = result(2, [
      win('after', 'after', [
        ['latency', true, 5],
        ['no-lost', false, 2],
      ]),
      win('before', 'before', [['latency', true, 3]]),
      win('during:storm', 'during', [['latency', false, 80]]),
    ]);
    const t = compareRuns(a, b);
    expect(t.sameHash).toBe(false);
    expect(t.windows).toEqual(['before', 'during:storm', 'after']);
    expect(t.rows.map((r) => r.probe)).toEqual(['latency', 'no-lost']);
    expect(t.rows[0]!.cells['during:storm']).toEqual({
      a: { pass: true, value: 10, threshold: '< 50 ms' },
      b: { pass: false, value: 80, threshold: '< 50 ms' },
      changed: true,
    });
    expect(t.rows[0]!.cells['before']!.changed).toBe(false);
    expect(t.rows[1]!.cells['after']!.a).toBeUndefined();
    expect(t.moved.map((m) => `${m.window} ${m.probe} ${m.move}`)).toEqual(['during:storm latency now-fails', 'after no-lost added']);
    expect(t.summary.find((s) => s.label === 'Verdict')).toEqual({ label: 'Verdict', a: 'pass', b: 'fail', changed: true });
    expect(t.summary.find((s) => s.label === 'Requests')).toEqual({ label: 'Requests', a: '10', b: '10', changed: false });
  });

  it('the same run twice: same hash, nothing moved', () => {
    const a = result(7, [win('before', 'before', [['latency', false, 70]])]);
    const t = compareRuns(a, { ...a });
    expect(t.sameHash).toBe(true);
    expect(t.moved).toEqual([]);
    expect(t.summary.every((s) => !s.changed)).toBe(true);
  });
});

describe('compareSwarms', () => {
  const seed = (s: number, hash: string, failures: [string, string][] = []): ComparableSeed => ({
    seed: s,
    pass: failures.length === 0,
    hash,
    failures: failures.map(([window, probe]) => ({ window, probe, value: 1, threshold: '= 0', detail: '' })),
  });

  it('seed by seed: hashes, newly failing and passing seeds, the checks that moved', () => {
    const a = { runs: [seed(1, 'h1'), seed(2, 'h2', [['during:storm', 'success-rate']]), seed(3, 'h3'), seed(5, 'h5')] };
    const b = {
      runs: [
        seed(1, 'h1'),
        seed(2, 'x2'),
        seed(3, 'x3', [
          ['after', 'dead-letters'],
          ['during:storm', 'success-rate'],
        ]),
        seed(4, 'h4'),
      ],
    };
    const c = compareSwarms(a, b);
    expect(c.seeds.map((s) => s.seed)).toEqual([1, 2, 3, 4, 5]);
    expect(c.sameHashes).toBe(1);
    expect(c.differentHashes).toBe(2);
    expect(c.onlyA).toEqual([5]);
    expect(c.onlyB).toEqual([4]);
    expect(c.newlyFailing).toEqual([3]);
    expect(c.newlyPassing).toEqual([2]);
    expect(c.seeds[1]).toEqual({
      seed: 2,
      a: { pass: false, hash: 'h2' },
      b: { pass: true, hash: 'x2' },
      sameHash: false,
      nowFailing: [],
      nowPassing: ['during:storm/success-rate'],
    });
    expect(c.seeds[2]!.nowFailing).toEqual(['after/dead-letters', 'during:storm/success-rate']);
    expect(c.identical).toBe(false);
  });

  it('two swarms over the same seeds with the same hashes are identical', () => {
    const a = { runs: [seed(1, 'h1'), seed(2, 'h2', [['before', 'latency']])] };
    expect(compareSwarms(a, { runs: [...a.runs].reverse() })).toMatchObject({
      identical: true,
      sameHashes: 2,
      differentHashes: 0,
      newlyFailing: [],
      newlyPassing: [],
    });
    expect(compareSwarms({ runs: [] }, { runs: [] }).identical).toBe(false);
  });
});
