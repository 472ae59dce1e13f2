/** A canary release's outcome as text: where it ended, and each judged stage with its figures and reasons. */
import type { CanaryView } from '../experiments/load/run/types';
import { formatDuration, formatPercent } from '../experiments/load/summary/formatFigures';

type Figures = CanaryView['verdicts'][number]['canary'];
const figures = (f: Figures) => `${f.requests} requests, errors ${formatPercent(f.errorRate)}, p(95) ${formatDuration(f.p95)}`;

export function renderCanary(view: CanaryView): string[] {
  const lines = [
    '  █ CANARY',
    '',
    `    ${view.canary} beside ${view.stable}: ${view.state} at stage ${view.stage} of ${view.stages} (${view.weight}% of the traffic)`,
  ];
  for (const v of view.verdicts) {
    lines.push(`    ${v.passed ? '✓' : '✗'} stage ${v.stage} at ${v.weight}%: canary ${figures(v.canary)}; stable ${figures(v.stable)}`);
    for (const reason of v.reasons) lines.push(`        ${reason}`);
  }
  lines.push('');
  return lines;
}
