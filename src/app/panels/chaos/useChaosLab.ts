/** Runs, re-runs, stops and swarms through the kernel worker; results land in the store. */
import { useCallback, useState } from 'react';
import type { ExperimentsApi, RunMode } from '../../../browser/experiments/types';
import type { SwarmResult, SwarmRun } from '../../../experiments/chaos/runSwarm';
import type { Experiment } from '../../../experiments/chaos/types';
import type { ContractFile } from '../../../experiments/contracts/types';
import type { ChaosRun } from './resilienceSlice';
import { useWorkbenchStore } from '../../store/WorkbenchContext';

export interface SwarmState {
  /** Session-unique, increasing. */
  id: number;
  runs: SwarmRun[];
  total: number;
  done?: SwarmResult;
  experiment: Experiment;
}

export interface ChaosLab {
  available: boolean;
  busy: 'run' | 'swarm' | null;
  status: string;
  problems: string[];
  progress: number;
  /** The latest swarm. */
  swarm: SwarmState | null;
  /** The last MAX_SWARMS swarms, oldest first (for Compare). */
  swarms: SwarmState[];
  run(experiment: Experiment, mode: RunMode, seed?: number, rerunOf?: ChaosRun): Promise<ChaosRun | undefined>;
  runSwarm(experiment: Experiment, seeds: number[]): Promise<void>;
  stop(): void;
}

const MAX_SWARMS = 10;
let swarmId = 0;

/** The last MAX_SWARMS swarms, oldest first; `updateSwarm` changes one by id as its seeds come in. */
function useSwarmHistory() {
  const [swarms, setSwarms] = useState<SwarmState[]>([]);
  const addSwarm = useCallback((state: SwarmState) => setSwarms((list) => [...list, state].slice(-MAX_SWARMS)), []);
  const updateSwarm = useCallback(
    (id: number, change: (s: SwarmState) => SwarmState) => setSwarms((list) => list.map((s) => (s.id === id ? change(s) : s))),
    [],
  );
  return { swarms, addSwarm, updateSwarm };
}

interface SwarmUi {
  setBusy(busy: ChaosLab['busy']): void;
  setStatus(status: string): void;
  setProblems(problems: string[]): void;
  addSwarm(state: SwarmState): void;
  updateSwarm(id: number, change: (s: SwarmState) => SwarmState): void;
  /** The page's contracts now (every run of the swarm is checked against them). */
  contracts(): ContractFile | null;
}

function useRunSwarm(lab: ExperimentsApi | undefined, ui: SwarmUi): ChaosLab['runSwarm'] {
  const { setBusy, setStatus, setProblems, addSwarm, updateSwarm, contracts: currentContracts } = ui;
  return useCallback<ChaosLab['runSwarm']>(
    async (experiment, seeds) => {
      if (!lab) return;
      setBusy('swarm');
      setProblems([]);
      const state: SwarmState = { id: ++swarmId, runs: [], total: seeds.length, experiment };
      addSwarm(state);
      setStatus(`Swarm: ${seeds.length} seeds…`);
      // Progress crosses on the callback's own comlink port, so under load the last
      // progress call can land after the final result: once finished, progress is ignored.
      let finished = false;
      try {
        const contracts = currentContracts();
        const outcome = await lab.swarm(
          experiment,
          seeds,
          (r, done, total) => {
            if (finished) return;
            updateSwarm(state.id, (s) => ({ ...s, runs: [...s.runs, r] }));
            setStatus(`Swarm: ${done} of ${total} seeds`);
          },
          contracts ? { contracts } : undefined,
        );
        finished = true;
        if (!outcome.ok) {
          setStatus(`Could not run the swarm: ${outcome.error}`);
          setProblems(outcome.problems);
          return;
        }
        const w = outcome.swarm;
        updateSwarm(state.id, (s) => ({ ...s, runs: w.runs, done: w }));
        setStatus(`Swarm done: ${w.passed} passed, ${w.failed} failed of ${w.runs.length} seeds`);
      } catch (e) {
        setStatus(`Could not run the swarm: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setBusy(null);
      }
    },
    [lab, addSwarm, updateSwarm, setBusy, setProblems, setStatus, currentContracts],
  );
}

export function useChaosLab(): ChaosLab {
  const store = useWorkbenchStore();
  const lab = (store.api as { experiments?: ExperimentsApi }).experiments;
  const [busy, setBusy] = useState<ChaosLab['busy']>(null);
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [progress, setProgress] = useState(0);
  const { swarms, addSwarm, updateSwarm } = useSwarmHistory();
  const swarm = swarms[swarms.length - 1] ?? null;

  const run = useCallback<ChaosLab['run']>(
    async (experiment, mode, seed, rerunOf) => {
      if (!lab) return undefined;
      setBusy('run');
      setProblems([]);
      setProgress(0);
      const s = seed ?? experiment.seed ?? 1;
      setStatus(`Running “${experiment.name}” (${mode}, seed ${s})…`);
      try {
        let n = 0;
        let finished = false; // late progress (its own comlink port) must not follow the result
        const contracts = store.getState().contracts;
        const request = { mode, seed: s, ...(contracts ? { contracts } : {}) };
        const outcome = await lab.run(experiment, request, mode === 'live' ? () => finished || setProgress(++n) : undefined);
        finished = true;
        if (!outcome.ok) {
          setStatus(`Could not run: ${outcome.error}`);
          setProblems(outcome.problems);
          return undefined;
        }
        const added = store.getState().addChaosRun({
          experiment,
          result: outcome.result,
          metrics: outcome.metrics,
          ...(rerunOf ? { rerunOf: { id: rerunOf.id, hash: rerunOf.result.hash, same: rerunOf.result.hash === outcome.result.hash } } : {}),
        });
        const r = outcome.result;
        setStatus(
          `Run ${added.id}: ${r.pass ? 'hypothesis held' : `hypothesis failed (${r.failures.length} failed checks)`} · seed ${r.seed}`,
        );
        return added;
      } catch (e) {
        setStatus(`Could not run: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [lab, store],
  );

  const contracts = useCallback(() => store.getState().contracts, [store]);
  const runSwarm = useRunSwarm(lab, { setBusy, setStatus, setProblems, addSwarm, updateSwarm, contracts });

  const stop = useCallback(() => {
    void lab?.stop();
    setStatus('Stopping: the run drains and is judged…');
  }, [lab]);

  return { available: !!lab, busy, status, problems, progress, swarm, swarms, run, runSwarm, stop };
}
