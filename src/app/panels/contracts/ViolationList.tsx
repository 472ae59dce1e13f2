import { contractKey } from '../../../experiments/contracts/monitor';
import type { ObservedViolation } from '../../../experiments/contracts/types';

/** Each violation: who broke which contract, then each problem with its content path. */
export function ViolationList({ violations, label }: { violations: readonly ObservedViolation[]; label: string }) {
  return (
    <ul className="violation-list" aria-label={label}>
      {violations.map((v, i) => (
        <li key={`${v.messageId ?? ''}-${v.seq}-${i}`} className="violation-item">
          <span className="violation-heading">
            <span className={`violation-side violation-side-${v.side}`}>{v.side}</span> <span className="mono">{v.agent}</span>{' '}
            <span className="muted">· {contractKey(v.contract)}</span>
          </span>
          <ul className="violation-problems">
            {v.problems.map((p) => (
              <li key={p} className="mono">
                {p}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
