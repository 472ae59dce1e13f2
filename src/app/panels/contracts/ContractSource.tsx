import { useState } from 'react';
import { errorData, formatError } from '../../../protocol/errors';
import type { ContractProblem } from '../../../experiments/contracts/types';
import { useWorkbenchStore } from '../../store/WorkbenchContext';
import { FileButton } from '../../ui/FileButton';
import { ProblemList } from '../../ui/ProblemList';
import { readContractText } from './readContractText';

const REFUSED = formatError(errorData('ORR601', 'The contract file was refused; the contracts in use were kept'), { hint: false });

/** Paste or load a contract file; a refused one lists every problem with its path (and raises ORR601). */
export function ContractSource({ initial }: { initial: string }) {
  const store = useWorkbenchStore();
  const [text, setText] = useState(initial);
  const [problems, setProblems] = useState<ContractProblem[] | null>(null);

  const apply = (source: string) => {
    const read = readContractText(source);
    if (!read.ok) {
      store.getState().notify('ORR601', `${REFUSED}: ${read.problems.map((p) => p.message).join('; ')}`);
      setProblems(read.problems);
      return;
    }
    const loaded = store.getState().loadContracts(read.value);
    setProblems(loaded.ok ? null : loaded.problems);
  };

  return (
    <section aria-labelledby="contracts-source">
      <h3 id="contracts-source" className="sub-heading">
        Load contracts
      </h3>
      <label className="small" htmlFor="contracts-json">
        Contract JSON
      </label>
      <textarea
        id="contracts-json"
        className="contracts-editor lab-input"
        spellCheck={false}
        value={text}
        placeholder='{"schema": "orrery.contract/1", "version": "1.0.0", "kinds": {}}'
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <div className="button-row">
        <button type="button" className="btn btn-small" onClick={() => apply(text)}>
          Use these contracts
        </button>
        <FileButton
          name="Load contract file"
          accept=".json,application/json"
          onFile={(file) =>
            void file.text().then((content) => {
              setText(content);
              apply(content);
            })
          }
        >
          Load contract file…
        </FileButton>
      </div>
      {problems && (
        <ProblemList refusal={{ summary: REFUSED, problems: problems.map((p) => `${p.path}: ${p.message}`) }} label="Contract problems" />
      )}
    </section>
  );
}
