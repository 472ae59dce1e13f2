import { useState } from 'react';
import type { InferredContract } from '../../../browser/stream/createContractsApi';
import { errorData, formatError } from '../../../protocol/errors';
import { errorText } from '../../errors';
import { useWorkbenchStore } from '../../store/WorkbenchContext';
import { downloadJson } from '../../ui/download';
import { ContractSummary } from './ContractSummary';
import { draftFileName } from './readContractText';

const NOTHING = formatError(errorData('ORR603', 'No message between agents to infer a contract from'), { hint: false });

/** What the draft was read from: the whole run, or only the last events and why. */
function sourceText(from: InferredContract['from']): string {
  const events = from.events.toLocaleString('en');
  return from.whole ? `Inferred from the whole run (${events} events).` : `From the last ${events} events: ${from.why}.`;
}

/** "Infer draft from this run": a draft from the run's messages, to use as the contracts or download. */
export function InferDraft() {
  const store = useWorkbenchStore();
  const [inferred, setInferred] = useState<InferredContract | null>(null);
  const draft = inferred?.draft;
  const [busy, setBusy] = useState(false);
  const infer = store.api.inferContract;

  const run = async () => {
    if (!infer) return;
    setBusy(true);
    try {
      const result = await infer();
      setInferred(result);
      if (!result) store.getState().notify('ORR603', `${NOTHING}. Send some messages between agents first.`);
    } catch (error) {
      store.getState().notify('ORR603', `${NOTHING}: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="contracts-infer">
      <h3 id="contracts-infer" className="sub-heading">
        Infer a draft
      </h3>
      <p className="muted small">
        A draft says what was seen: each kind&apos;s content per performative, sent and accepted. Review it before using it.
      </p>
      <button type="button" className="btn btn-small" disabled={!infer || busy} onClick={() => void run()}>
        Infer draft from this run
      </button>
      {!infer && <p className="muted small">This workbench cannot infer a draft.</p>}
      {inferred && draft && (
        <div role="region" aria-label="Draft contract">
          <p className="muted small">{sourceText(inferred.from)}</p>
          <ContractSummary file={draft} label="Draft contract kinds" />
          <div className="button-row">
            <button type="button" className="btn btn-small" onClick={() => store.getState().loadContracts(draft)}>
              Use draft as contracts
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => downloadJson(draftFileName(draft.version), `${JSON.stringify(draft, null, 2)}\n`)}
            >
              Download draft
            </button>
          </div>
          <pre className="config mono contracts-draft" aria-label="Draft contract JSON">
            {JSON.stringify(draft, null, 2)}
          </pre>
        </div>
      )}
    </section>
  );
}
