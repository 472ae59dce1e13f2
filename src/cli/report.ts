/** Plain-text rendering of experiment and swarm results for a terminal or a CI log. */
import type { ExperimentResult, SwarmResult } from '../experiments';

const mark = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

export function renderExperiment(result: ExperimentResult): string {
  const lines = [`experiment: ${result.experiment}`, `mode: ${result.mode}   seed: ${result.seed}   log hash: ${result.hash}`];
  for (const window of result.windows) {
    lines.push(`  ${mark(window.pass)}  ${window.name}`);
    for (const probe of window.probes) {
      const value = probe.value === null ? 'n/a' : String(Math.round(probe.value * 1000) / 1000);
      lines.push(`          ${mark(probe.pass)}  ${probe.id}: ${value} (${probe.threshold})${probe.pass ? '' : ` — ${probe.detail}`}`);
    }
  }
  for (const error of result.errors) lines.push(`  ERROR  ${error}`);
  const c = result.counts;
  lines.push(`requests ${c.requests}, answered ${c.answered}, lost ${c.lost}; ${(result.virtualMs / 1000).toFixed(1)} s simulated in ${(result.wallMs / 1000).toFixed(1)} s`);
  lines.push(`verdict: ${result.pass ? 'the hypothesis holds' : 'the hypothesis does not hold'}`);
  return lines.join('\n');
}

export function renderSwarm(result: SwarmResult, file: string): string {
  const lines = [`swarm: ${result.experiment} over ${result.runs.length} seeds: ${result.passed} passed, ${result.failed} failed`];
  for (const run of result.runs.filter((r) => !r.pass)) {
    const why = [...run.failures.map((f) => `${f.window}/${f.probe} ${f.detail}`), ...run.errors].join('; ');
    lines.push(`  seed ${run.seed}  hash ${run.hash.slice(0, 16)}…  ${why}`);
    lines.push(`    re-run: orrery experiment ${file} --seed ${run.seed}`);
  }
  return lines.join('\n');
}
