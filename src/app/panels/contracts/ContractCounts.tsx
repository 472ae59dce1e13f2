import { useWorkbench } from '../../store/WorkbenchContext';

/** What the kernel worker counted since the contracts were set (exact: every message). */
export function ContractCounts() {
  const counts = useWorkbench((s) => s.violations.counts);
  const omitted = useWorkbench((s) => s.violations.omitted);
  const byContract = Object.entries(counts.byContract).sort((a, b) => b[1] - a[1]);
  return (
    <section aria-labelledby="contracts-counts">
      <h3 id="contracts-counts" className="sub-heading">
        Counts
      </h3>
      <dl className="props" aria-label="Contract counts">
        <dt>Messages checked</dt>
        <dd className="mono">{counts.checked.toLocaleString()}</dd>
        <dt>Violations</dt>
        <dd className="mono">{counts.violations.toLocaleString()}</dd>
        <dt>Messages with a violation</dt>
        <dd className="mono">{counts.messages.toLocaleString()}</dd>
      </dl>
      {omitted > 0 && <p className="muted small">{omitted.toLocaleString()} violations were counted but not listed (too many at once).</p>}
      {byContract.length > 0 && (
        <table className="lab-table" aria-label="Violations by contract">
          <thead>
            <tr>
              <th scope="col">Contract</th>
              <th scope="col">Violations</th>
            </tr>
          </thead>
          <tbody>
            {byContract.map(([key, n]) => (
              <tr key={key}>
                <td className="mono">{key}</td>
                <td className="mono">{n.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
