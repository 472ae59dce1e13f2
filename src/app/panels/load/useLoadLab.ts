/** Runs, stops and aborts load experiments through the kernel worker; progress and results land in the loadLab slice. */
import { useCallback, useState } from 'react';
import type { LoadApi } from '../../../browser/load/types';
import { checkLoadExperiment } from '../../../experiments/load/experiment';
import type { LoadRunMode, LoadRunResult } from '../../../experiments/load/run/types';
import { useWorkbenchStore } from '../../store/WorkbenchContext';
import type { LoadDoc } from './loadDoc';
import type { Refusal } from '../../ui/ProblemList';

export interface LoadLabControls {
  available: boolean;
  status: string;
  refusal: Refusal | null;
  run(doc: LoadDoc, mode: LoadRunMode, seed: number): Promise<LoadRunResult | undefined>;
  stop(): void;
  abort(): void;
}

export function verdictText(r: LoadRunResult): string {
  const how =
    r.stoppedBy === 'threshold' ? ' (stopped by a threshold)' : r.stoppedBy ? ` (${r.stoppedBy === 'stop' ? 'stopped' : 'aborted'})` : '';
  const t = r.totals;
  return `“${r.name}” ${r.passed ? 'passed' : 'failed'}${how}: ${t.sent} sent, ${t.ok} ok, ${t.errors} errors, ${t.dropped} dropped · ${r.mode}, seed ${r.seed}`;
}

export function useLoadLab(): LoadLabControls {
  const store = useWorkbenchStore();
  const api = (store.api as { load?: LoadApi }).load;
  const [status, setStatus] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const run = useCallback<LoadLabControls['run']>(
    async (doc, mode, seed) => {
      if (!api) return undefined;
      const checked = checkLoadExperiment(doc);
      if (!checked.ok) {
        setStatus('The load file is not valid: nothing ran.');
        setRefusal({ summary: checked.error.message.split('\n')[0]!, problems: checked.error.problems, hint: checked.error.hint });
        return undefined;
      }
      setRefusal(null);
      const state = store.getState();
      state.loadStarted(mode);
      setStatus(`Running “${doc.name}” (${mode}, seed ${seed})…`);
      // Progress crosses on its own comlink port and can land after the result: ignored once finished.
      let finished = false;
      try {
        const contracts = state.contracts ? { contracts: state.contracts } : {};
        const outcome = await api.run(doc, { mode, seed, chaos: Object.values(state.experiments), ...contracts }, (p) => {
          if (!finished) store.getState().loadProgressed(p);
        });
        finished = true;
        if (!outcome.ok) {
          store.getState().loadFinished();
          setStatus(`Could not run: ${outcome.error}`);
          setRefusal({ summary: outcome.error, problems: outcome.problems });
          return undefined;
        }
        store.getState().loadFinished(outcome.result);
        setStatus(verdictText(outcome.result));
        return outcome.result;
      } catch (e) {
        finished = true;
        store.getState().loadFinished();
        setStatus(`Could not run: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
    },
    [api, store],
  );

  const stop = useCallback(() => {
    void api?.stop();
    setStatus('Stopping: no new iterations; those in flight finish…');
  }, [api]);
  const abort = useCallback(() => {
    void api?.abort();
    setStatus('Aborting: iterations in flight are interrupted…');
  }, [api]);

  return { available: !!api, status, refusal, run, stop, abort };
}
