import { useState } from 'react';
import { compareContracts } from '../../../experiments/contracts/compareContracts';
import { parseContract } from '../../../experiments/contracts/parseContract';
import type { Change, ContractComparison, ContractFile } from '../../../experiments/contracts/types';
import { errorData, formatError } from '../../../protocol/errors';
import { describeProblems } from '../../store/contractsSlice';
import { useWorkbenchStore } from '../../store/WorkbenchContext';
import { FileButton } from '../../ui/FileButton';
import { plural } from '../../ui/format';
import { readContractText } from './readContractText';

const where = (c: Change) =>
  'performative' in c.contract ? `${c.contract.kind} ${c.contract.direction} ${c.contract.performative}` : c.contract.kind;

/** A new version of the contracts against the ones in use: each breaking change with its reason. */
export function CompareContracts({ inUse }: { inUse: ContractFile }) {
  const store = useWorkbenchStore();
  const [result, setResult] = useState<{ name: string; comparison: ContractComparison } | null>(null);

  const compare = (name: string, text: string) => {
    const read = readContractText(text);
    const parsed = read.ok ? parseContract(read.value) : read;
    if (!parsed.ok) {
      const problems = describeProblems(parsed.problems);
      store.getState().notify('ORR601', formatError(errorData('ORR601', `${name} was not compared: ${problems}`), { hint: false }));
      setResult(null);
      return;
    }
    setResult({ name, comparison: compareContracts(inUse, parsed.contracts.file) });
  };

  return (
    <section aria-labelledby="contracts-compare">
      <h3 id="contracts-compare" className="sub-heading">
        Compare a new version
      </h3>
      <FileButton
        name="Compare with a contract file"
        accept=".json,application/json"
        onFile={(file) => void file.text().then((text) => compare(file.name, text))}
      >
        Compare with a contract file…
      </FileButton>
      {result && (
        <div role="region" aria-label="Comparison">
          <p className="small">
            {result.comparison.breaking.length === 0
              ? `${result.name}: no breaking change (${result.comparison.compatible.length} compatible).`
              : `${result.name}: ${plural(result.comparison.breaking.length, 'breaking change')}.`}
          </p>
          {result.comparison.breaking.length > 0 && (
            <ul className="violation-list" aria-label="Breaking changes">
              {result.comparison.breaking.map((c, i) => (
                <li key={i} className="violation-item">
                  <span className="violation-side">{c.rule}</span> <span className="mono">{where(c)}</span>
                  {c.path && <span className="mono muted"> {c.path}</span>}: {c.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
