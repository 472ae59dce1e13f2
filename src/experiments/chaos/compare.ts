/**
 * Two runs, or two swarms, side by side (pure: the Chaos panel's Compare view and
 * `orrery compare` both draw from it). Runs: same or different log hash, every probe ×
 * window with A's and B's verdicts, and the checks that moved. Swarms: seed by seed, the
 * same with each seed's hash and the failing checks that appeared or went away.
 */
import type { ExperimentResult, FailedCheck, WindowResult } from './result';

export interface CompareCell {
  pass: boolean;
  value: number | null;
  threshold: string;
}

export interface CompareRow {
  probe: string;
  /** Per window name: A's and B's verdicts (absent when that run did not check it there). */
  cells: Record<string, { a?: CompareCell; b?: CompareCell; changed: boolean }>;
}

/** A check whose verdict differs between A and B. */
export interface MovedCheck {
  window: string;
  probe: string;
  /** now-fails: passed in A (or absent), fails in B; now-passes: the reverse; added / removed: checked in one run only. */
  move: 'now-fails' | 'now-passes' | 'added' | 'removed';
  a?: CompareCell;
  b?: CompareCell;
}

export interface RunComparison {
  sameHash: boolean;
  windows: string[];
  rows: CompareRow[];
  moved: MovedCheck[];
  /** Headline numbers, A then B, `changed` when they differ. */
  summary: { label: string; a: string; b: string; changed: boolean }[];
}

export type ComparableRun = Pick<ExperimentResult, 'experiment' | 'seed' | 'pass' | 'hash' | 'windows' | 'counts' | 'errors'>;

const RANK = (n: string) => (n === 'before' ? 0 : n === 'after' ? 2 : 1);

/** before, then the during:* windows in order of appearance, then after. */
function windowOrder(a: readonly WindowResult[], b: readonly WindowResult[]): string[] {
  const names: string[] = [];
  for (const w of [...a, ...b]) if (!names.includes(w.name)) names.push(w.name);
  return names
    .map((n, i) => [n, i] as const)
    .sort((x, y) => RANK(x[0]) - RANK(y[0]) || x[1] - y[1])
    .map(([n]) => n);
}

function cellOf(r: ComparableRun, window: string, probe: string): CompareCell | undefined {
  const v = r.windows.find((w) => w.name === window)?.probes.find((p) => p.id === probe);
  return v ? { pass: v.pass, value: v.value, threshold: v.threshold } : undefined;
}

function moveOf(a: CompareCell | undefined, b: CompareCell | undefined): MovedCheck['move'] | undefined {
  if (a && b) return a.pass === b.pass ? undefined : a.pass ? 'now-fails' : 'now-passes';
  if (a) return 'removed';
  if (b) return 'added';
  return undefined;
}

export function compareRuns(a: ComparableRun, b: ComparableRun): RunComparison {
  const windows = windowOrder(a.windows, b.windows);
  const probes: string[] = [];
  for (const r of [a, b]) for (const w of r.windows) for (const p of w.probes) if (!probes.includes(p.id)) probes.push(p.id);
  const moved: MovedCheck[] = [];
  const rows = probes.map((probe): CompareRow => {
    const cells: CompareRow['cells'] = {};
    for (const window of windows) {
      const ca = cellOf(a, window, probe);
      const cb = cellOf(b, window, probe);
      const move = moveOf(ca, cb);
      cells[window] = { ...(ca ? { a: ca } : {}), ...(cb ? { b: cb } : {}), changed: ca?.pass !== cb?.pass };
      if (move) moved.push({ window, probe, move, ...(ca ? { a: ca } : {}), ...(cb ? { b: cb } : {}) });
    }
    return { probe, cells };
  });
  const line = (label: string, va: string, vb: string) => ({ label, a: va, b: vb, changed: va !== vb });
  const ca = a.counts;
  const cb = b.counts;
  const summary = [
    line('Verdict', a.pass ? 'pass' : 'fail', b.pass ? 'pass' : 'fail'),
    line('Log hash', a.hash, b.hash),
    line('Seed', String(a.seed), String(b.seed)),
    line('Requests', String(ca.requests), String(cb.requests)),
    line('Failed', String(ca.failed), String(cb.failed)),
    line('Lost', String(ca.lost), String(cb.lost)),
    line('Dead letters', String(ca.deadLetters), String(cb.deadLetters)),
    line('Restarts', String(ca.restarts), String(cb.restarts)),
    line('Errors', String(a.errors.length), String(b.errors.length)),
  ];
  return { sameHash: a.hash === b.hash, windows, rows, moved, summary };
}

// ─── Swarms ──────────────────────────────────────────────────────────────────

export interface ComparableSeed {
  seed: number;
  pass: boolean;
  hash: string;
  failures: readonly FailedCheck[];
  errors?: readonly string[];
}

export interface SeedComparison {
  seed: number;
  a?: { pass: boolean; hash: string };
  b?: { pass: boolean; hash: string };
  /** Both ran this seed and logged the same events, byte for byte. */
  sameHash: boolean;
  /** Failing checks (`window/probe`) in B but not in A. */
  nowFailing: string[];
  /** Failing checks in A but not in B. */
  nowPassing: string[];
}

export interface SwarmComparison {
  seeds: SeedComparison[];
  /** Seeds both ran: how many with the same hash, how many different. */
  sameHashes: number;
  differentHashes: number;
  onlyA: number[];
  onlyB: number[];
  /** Seeds that passed in A and fail in B, and the reverse. */
  newlyFailing: number[];
  newlyPassing: number[];
  /** Same seeds, same hashes: the two swarms are the same runs. */
  identical: boolean;
}

const failingChecks = (r: ComparableSeed): Set<string> =>
  new Set([...r.failures.map((f) => `${f.window}/${f.probe}`), ...(r.errors ?? []).map((e) => `error: ${e}`)]);

export function compareSwarms(a: { runs: readonly ComparableSeed[] }, b: { runs: readonly ComparableSeed[] }): SwarmComparison {
  const byA = new Map(a.runs.map((r) => [r.seed, r]));
  const byB = new Map(b.runs.map((r) => [r.seed, r]));
  const seeds = [...new Set([...byA.keys(), ...byB.keys()])].sort((x, y) => x - y);
  const out: SwarmComparison = {
    seeds: [],
    sameHashes: 0,
    differentHashes: 0,
    onlyA: [],
    onlyB: [],
    newlyFailing: [],
    newlyPassing: [],
    identical: false,
  };
  for (const seed of seeds) {
    const ra = byA.get(seed);
    const rb = byB.get(seed);
    const fa = ra ? failingChecks(ra) : new Set<string>();
    const fb = rb ? failingChecks(rb) : new Set<string>();
    const row: SeedComparison = {
      seed,
      ...(ra ? { a: { pass: ra.pass, hash: ra.hash } } : {}),
      ...(rb ? { b: { pass: rb.pass, hash: rb.hash } } : {}),
      sameHash: ra !== undefined && rb !== undefined && ra.hash === rb.hash,
      nowFailing: [...fb].filter((c) => !fa.has(c)),
      nowPassing: [...fa].filter((c) => !fb.has(c)),
    };
    out.seeds.push(row);
    if (!ra) out.onlyB.push(seed);
    else if (!rb) out.onlyA.push(seed);
    else {
      if (row.sameHash) out.sameHashes++;
      else out.differentHashes++;
      if (ra.pass && !rb.pass) out.newlyFailing.push(seed);
      if (!ra.pass && rb.pass) out.newlyPassing.push(seed);
    }
  }
  out.identical = out.differentHashes === 0 && out.onlyA.length === 0 && out.onlyB.length === 0 && seeds.length > 0;
  return out;
}
