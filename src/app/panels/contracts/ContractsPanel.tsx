/**
 * The Contracts tab: load the contracts the kernel worker checks every message against, see
 * which are in use and what was counted, clear them, infer a draft from the run, and compare
 * a new version with the ones in use.
 */
import { useWorkbench } from '../../store/WorkbenchContext';
import { CompareContracts } from './CompareContracts';
import { ContractCounts } from './ContractCounts';
import { ContractSource } from './ContractSource';
import { ContractSummary } from './ContractSummary';
import { InferDraft } from './InferDraft';
import '../chaos/chaos.css';
import './contracts.css';

export default function ContractsPanel() {
  const contracts = useWorkbench((s) => s.contracts);
  const setContracts = useWorkbench((s) => s.setContracts);
  // With contracts in use, what they found comes first and their source after it.
  const source = <ContractSource initial={contracts ? JSON.stringify(contracts, null, 2) : ''} />;
  return (
    <div className="contracts-panel" role="region" aria-label="Contracts">
      {!contracts && source}
      <section aria-labelledby="contracts-in-use">
        <h3 id="contracts-in-use" className="sub-heading">
          Contracts in use
        </h3>
        {contracts ? (
          <>
            <ContractSummary file={contracts} label="Contracts in use" />
            <button type="button" className="btn btn-small" onClick={() => setContracts(null)}>
              Clear contracts
            </button>
          </>
        ) : (
          <p className="muted small">None: messages are not checked.</p>
        )}
      </section>
      {contracts && <ContractCounts />}
      {contracts && source}
      <InferDraft />
      {contracts && <CompareContracts inUse={contracts} />}
    </div>
  );
}
