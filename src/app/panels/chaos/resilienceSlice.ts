/**
 * The resilience lab's slice: saved chaos experiments (serialisable, persisted by the
 * workspace via `experiments` / `setExperiments`), the dead-letter list projected from
 * `message.dead-lettered` events, and this session's experiment runs (not persisted).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { ExperimentResult } from '../../../experiments/chaos/result';
import type { Experiment } from '../../../experiments/chaos/types';
import type { MetricsSeries } from '../../../browser/experiments/types';
import type { KernelEvent } from '../../../kernel/types';

export interface DeadLetterRow {
  seq: number;
  t: number;
  messageId: string;
  performative: string;
  sender: string;
  /** The receiver the message could not reach. */
  to: string;
  reason: string;
  detail?: string;
  /** Compact JSON, truncated for display. */
  content: string;
}

export interface ChaosRun {
  /** Session-unique, increasing. */
  id: number;
  experiment: Experiment;
  result: ExperimentResult;
  metrics: MetricsSeries;
  /** Set on a "Re-run this seed": the run it repeated and whether the log hash matched. */
  rerunOf?: { id: number; hash: string; same: boolean };
}

export interface ResilienceSliceData {
  /** Saved experiments by name (plain JSON: `orrery.experiment/1` documents). */
  experiments: Record<string, Experiment>;
  deadLetterRows: DeadLetterRow[];
  chaosRuns: ChaosRun[];
}

export interface ResilienceSliceActions {
  saveExperiment(experiment: Experiment): void;
  deleteExperiment(name: string): void;
  /** Replace the saved experiments (workspace restore); entries that are not experiments are skipped. */
  setExperiments(experiments: Record<string, unknown>): void;
  addChaosRun(run: Omit<ChaosRun, 'id'>): ChaosRun;
}

export const MAX_DEAD_LETTER_ROWS = 1000;
export const MAX_CHAOS_RUNS = 12;

export function initialResilience(): ResilienceSliceData {
  return { experiments: {}, deadLetterRows: [], chaosRuns: [] };
}

const isExperiment = (v: unknown): v is Experiment =>
  !!v && typeof v === 'object' && (v as Experiment).schema === 'orrery.experiment/1' && typeof (v as Experiment).name === 'string';

export function createResilienceSlice(
  set: StoreApi<ResilienceSliceData>['setState'],
  get: () => ResilienceSliceData,
): ResilienceSliceData & ResilienceSliceActions {
  let runId = 0;
  return {
    ...initialResilience(),
    saveExperiment: (experiment) => set((s) => ({ experiments: { ...s.experiments, [experiment.name]: experiment } })),
    deleteExperiment: (name) =>
      set((s) => {
        const experiments = { ...s.experiments };
        delete experiments[name];
        return { experiments };
      }),
    setExperiments: (input) => {
      const experiments: Record<string, Experiment> = {};
      for (const value of Object.values(input)) if (isExperiment(value)) experiments[value.name] = value;
      set({ experiments });
    },
    addChaosRun: (run) => {
      const added: ChaosRun = { ...run, id: ++runId };
      set({ chaosRuns: [...get().chaosRuns, added].slice(-MAX_CHAOS_RUNS) });
      return added;
    },
  };
}

const compact = (content: unknown): string => {
  const text = JSON.stringify(content) ?? 'null';
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
};

/** New dead letters from a batch (undefined when there are none: nothing changes). */
export function reduceResilienceEvents(s: ResilienceSliceData, events: readonly KernelEvent[]): Partial<ResilienceSliceData> | undefined {
  let added: DeadLetterRow[] | undefined;
  for (const e of events) {
    if (e.type !== 'message.dead-lettered') continue;
    const m = e.message;
    const row: DeadLetterRow = {
      seq: e.seq,
      t: e.t,
      messageId: m.id,
      performative: m.performative,
      sender: m.sender,
      to: e.to,
      reason: e.reason,
      content: compact(m.content),
    };
    if (e.detail !== undefined) row.detail = e.detail;
    (added ??= []).push(row);
  }
  if (!added) return undefined;
  return { deadLetterRows: [...s.deadLetterRows, ...added].slice(-MAX_DEAD_LETTER_ROWS) };
}
