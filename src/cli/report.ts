/** Plain-text rendering of experiment, swarm and comparison results for a terminal or a CI log. */
import type { ExperimentResult, RunComparison, SwarmComparison, SwarmResult } from '../experiments';

const mark = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
const num = (v: number | null) => (v === null ? 'n/a' : String(Math.round(v * 1000) / 1000));

export function renderExperiment(result: ExperimentResult): string {
  const lines = [`experiment: ${result.experiment}`, `mode: ${result.mode}   seed: ${result.seed}   log hash: ${result.hash}`];
  for (const window of result.windows) {
    lines.push(`  ${mark(window.pass)}  ${window.name}`);
    for (const probe of window.probes)
      lines.push(
        `          ${mark(probe.pass)}  ${probe.id}: ${num(probe.value)} (${probe.threshold})${probe.pass ? '' : ` — ${probe.detail}`}`,
      );
  }
  for (const error of result.errors) lines.push(`  ERROR  ${error}`);
  const c = result.counts;
  lines.push(
    `requests ${c.requests}, succeeded ${c.succeeded}, failed ${c.failed}, lost ${c.lost}, dead letters ${c.deadLetters}; ${(result.virtualMs / 1000).toFixed(1)} s simulated in ${(result.wallMs / 1000).toFixed(1)} s`,
  );
  lines.push(`verdict: ${result.pass ? 'the hypothesis holds' : 'the hypothesis does not hold'}`);
  return lines.join('\n');
}

/** Every seed with its verdict and log hash; failing seeds with their failing checks and how to re-run them. */
export function renderSwarm(result: SwarmResult, file: string): string {
  const lines = [`swarm: ${result.experiment} over ${result.runs.length} seeds: ${result.passed} passed, ${result.failed} failed`];
  for (const run of result.runs) {
    lines.push(`  seed ${run.seed}  ${mark(run.pass)}  log hash ${run.hash}`);
    if (run.pass) continue;
    const why = [...run.failures.map((f) => `${f.window}/${f.probe} ${f.detail}`), ...run.errors].join('; ');
    lines.push(`    failed: ${why}`);
    lines.push(`    re-run: orrery experiment ${file} --seed ${run.seed}`);
  }
  return lines.join('\n');
}

export function renderRunComparison(c: RunComparison): string {
  const lines = [c.sameHash ? 'same log hash: the two runs logged the same events' : 'different log hashes'];
  const width = Math.max(...c.summary.map((s) => s.label.length));
  for (const s of c.summary) lines.push(`  ${s.label.padEnd(width)}  A ${s.a}  B ${s.b}${s.changed ? '  (changed)' : ''}`);
  if (c.moved.length === 0) lines.push('checks: none moved');
  else {
    lines.push(`checks that moved (${c.moved.length}):`);
    for (const m of c.moved)
      lines.push(
        `  ${m.window}/${m.probe}: ${m.move} (A ${m.a ? `${mark(m.a.pass)} ${num(m.a.value)}` : '—'}, B ${m.b ? `${mark(m.b.pass)} ${num(m.b.value)}` : '—'})`,
      );
  }
  return lines.join('\n');
}

export function renderSwarmComparison(c: SwarmComparison): string {
  const lines = [
    c.identical
      ? 'identical swarms: same seeds, same log hashes'
      : `seeds in both: ${c.sameHashes} same hash, ${c.differentHashes} different`,
    `newly failing seeds: ${c.newlyFailing.join(', ') || 'none'}; newly passing: ${c.newlyPassing.join(', ') || 'none'}`,
  ];
  if (c.onlyA.length > 0 || c.onlyB.length > 0)
    lines.push(`only in A: ${c.onlyA.join(', ') || 'none'}; only in B: ${c.onlyB.join(', ') || 'none'}`);
  for (const s of c.seeds) {
    const side = (r: { pass: boolean; hash: string } | undefined) => (r ? `${mark(r.pass)} ${r.hash.slice(0, 16)}…` : '—');
    const moved = [...s.nowFailing.map((m) => `now fails ${m}`), ...s.nowPassing.map((m) => `now passes ${m}`)].join('; ');
    lines.push(`  seed ${s.seed}  A ${side(s.a)}  B ${side(s.b)}  ${s.sameHash ? 'same' : 'different'}${moved ? `  ${moved}` : ''}`);
  }
  return lines.join('\n');
}
