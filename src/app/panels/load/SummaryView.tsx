/** The end-of-test summary as k6 prints it, and the three downloads: summary JSON (k6 --summary-export), text, HTML report. */
import { formatTextSummary, renderHtmlReport, toSummaryExport } from '../../../experiments/load/summary';
import type { LoadRunResult } from '../../../experiments/load/run/types';
import { downloadText } from '../../ui/download';
import { fileStem } from './fileStem';
import { ContractCount } from '../chaos/ContractCount';

export function SummaryView({ result }: { result: LoadRunResult }) {
  const text = formatTextSummary(result.summary);
  const stem = fileStem(result.name);
  const title = `${result.name} (${result.mode}, seed ${result.seed})`;
  return (
    <section className="load-summary" aria-label="End-of-test summary">
      <div className="lab-toolbar">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => downloadText(`${stem}-summary.json`, JSON.stringify(toSummaryExport(result.summary), null, 2), 'application/json')}
        >
          Download summary JSON
        </button>
        <button type="button" className="btn btn-small" onClick={() => downloadText(`${stem}-summary.txt`, text, 'text/plain')}>
          Download text summary
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            downloadText(
              `${stem}-report.html`,
              renderHtmlReport(result.summary, { title, generatedAt: new Date().toISOString() }),
              'text/html',
            )
          }
        >
          Download HTML report
        </button>
      </div>
      {result.logHash && (
        <p className="small">
          Log hash{' '}
          <span className="mono" aria-label="Log hash">
            {result.logHash}
          </span>
        </p>
      )}
      <ContractCount summary={result.contracts} />
      <pre className="load-summary-text" role="region" aria-label="Summary text" tabIndex={0}>
        {text}
      </pre>
    </section>
  );
}
