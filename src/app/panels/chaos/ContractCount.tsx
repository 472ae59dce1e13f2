/** A run's contract violations, when the run had contracts (the page's, given when it started). */
import type { ContractsSummary } from '../../../experiments/contracts/watchContracts';
import { contractCountView } from './contractCount';

export function ContractCount({ summary }: { summary: ContractsSummary | undefined }) {
  if (!summary) return null;
  const view = contractCountView(summary);
  return (
    <section className="lab-contracts small" aria-label="Contract violations">
      <p>
        <span className={`lab-verdict ${view.kept ? 'lab-pass' : 'lab-fail'}`}>{view.kept ? 'contracts kept' : 'contracts broken'}</span>{' '}
        <span aria-label="Contract violation count">{view.headline}</span>
        {view.byContract && <span className="muted"> ({view.byContract})</span>}
      </p>
      {view.first.length > 0 && (
        <ul aria-label="First contract violations">
          {view.first.map((line, i) => (
            <li key={i} className="mono">
              {line}
            </li>
          ))}
          {view.more && <li className="muted">{view.more}</li>}
        </ul>
      )}
    </section>
  );
}
