import type { ContractFile, PerformativeContract } from '../../../experiments/contracts/types';

const directions = (entry: PerformativeContract | undefined) =>
  (['accepts', 'sends'] as const).filter((d) => entry !== undefined && Object.hasOwn(entry, d)).join(', ');

/** A contract file as a table: kind, performative, which directions it says something about. */
export function ContractSummary({ file, label }: { file: ContractFile; label: string }) {
  const rows = Object.entries(file.kinds).flatMap(([kind, performatives]) =>
    Object.entries(performatives).map(([performative, entry]) => ({ kind, performative, directions: directions(entry) })),
  );
  return (
    <table className="lab-table" aria-label={label}>
      <caption className="muted small">Version {file.version}</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Performative</th>
          <th scope="col">Says what it</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.kind} ${r.performative}`}>
            <td className="mono">{r.kind}</td>
            <td className="mono">{r.performative}</td>
            <td>{r.directions}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
