import type { RunVerdict, Scenario } from '../../../workspace';
import { reportLines, runChecks } from './runChecks';

/**
 * A pattern run's result, readable: the verdict, each check (expected vs received), the
 * report's fields, and a way to the run's conversation in the Sequence tab.
 */
export function RunResult({
  scenario,
  verdict,
  onClose,
  onShowInSequence,
}: {
  scenario: Scenario;
  verdict: RunVerdict;
  onClose(): void;
  onShowInSequence(messageId: string): void;
}) {
  const checks = runChecks(scenario, verdict);
  const lines = reportLines(verdict);
  const passed = verdict.status === 'passed';
  const report = verdict.report;
  return (
    <section id="ws-run-result" className={`ws-run-result ${passed ? 'is-passed' : 'is-failed'}`} aria-label="Run result">
      <header className="ws-run-result-head">
        <strong className="ws-run-verdict">{passed ? 'PASS' : 'FAIL'}</strong>
        <span>{passed ? `${scenario.title}: every check passed` : verdict.why}</span>
        <button type="button" className="btn btn-ghost btn-small" aria-label="Close run result" onClick={onClose}>
          ✕
        </button>
      </header>
      <ul className="ws-run-checks" aria-label="Checks">
        {checks.map((c) => (
          <li key={c.label} className={c.ok ? 'is-ok' : 'is-bad'}>
            <span aria-hidden="true">{c.ok ? '✓' : '✕'}</span> <span className="sr-only">{c.ok ? 'passed:' : 'failed:'}</span>
            <span className="ws-run-check-label">{c.label}</span>
            <span className="mono small">
              expected {c.expected}, received {c.received}
            </span>
          </li>
        ))}
      </ul>
      {lines.length > 0 && (
        <>
          <h3 className="sub-heading">Report</h3>
          <ul className="ws-run-report mono small" aria-label="Report">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {report && (
        <button type="button" className="btn btn-small" onClick={() => onShowInSequence(report.id)}>
          Show in sequence
        </button>
      )}
    </section>
  );
}
