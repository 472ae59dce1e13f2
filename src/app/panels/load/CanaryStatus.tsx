/** A canary release in words: where it stands, and each judged stage with its reasons (the canvas draws the split). */
import { formatPercent, trimNumber } from '../../../experiments/load/summary/formatFigures';
import type { CanaryView } from '../../../experiments/load/run/types';

const STATE_WORDS: Record<CanaryView['state'], string> = {
  pending: 'waiting for the load',
  running: 'taking traffic',
  judging: 'being judged',
  promoted: 'promoted',
  'rolling-back': 'rolling back',
  draining: 'draining its in-flight requests',
  'rolled-back': 'rolled back',
};

export function CanaryStatus({ canary }: { canary: CanaryView }) {
  return (
    <section className="load-canary" aria-label="Canary release">
      <p className="small">
        Canary <span className="mono">{canary.canary}</span> beside <span className="mono">{canary.stable}</span>:{' '}
        {STATE_WORDS[canary.state]} · stage {Math.max(1, canary.stage)} of {canary.stages} · {trimNumber(canary.weight)} % of the traffic
      </p>
      {canary.verdicts.length > 0 && (
        <ul className="small" aria-label="Canary stages judged">
          {canary.verdicts.map((v) => (
            <li key={v.stage} className={v.passed ? 'load-pass' : 'load-fail'}>
              {v.passed ? '✓' : '✗'} stage {v.stage} at {trimNumber(v.weight)} %: canary {v.canary.requests} requests,{' '}
              {formatPercent(v.canary.errorRate)} errors, p95 {trimNumber(v.canary.p95)} ms; stable {v.stable.requests} requests,{' '}
              {formatPercent(v.stable.errorRate)} errors, p95 {trimNumber(v.stable.p95)} ms
              {v.reasons.length > 0 ? ` — ${v.reasons.join('; ')}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
