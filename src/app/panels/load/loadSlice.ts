/**
 * The load lab's slice: the running (or last) load experiment as the Load tab and the canvas
 * see it. The Load tab writes it (through these actions); the canvas only reads it: link
 * colours from `linkLoad`, client badges from `progress`, the canary's split link and stage
 * from `canary`. Not persisted.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { SavedLoadExperiment } from '../../../workspace/model';
import type { CanaryView, LoadProgress, LoadRunMode, LoadRunResult } from '../../../experiments/load/run/types';
import type { SeriesPoint } from '../../../experiments/load/metrics/timeSeries';
import { mergePoints } from '../../../browser/load/progressThrottle';

export type LoadLabStatus = 'idle' | 'running' | 'done';

export interface LoadLab {
  status: LoadLabStatus;
  /** How the running (or last) run goes: simulated time, or the live workbench. */
  mode?: LoadRunMode;
  /** The latest progress of the running (or last) run. */
  progress?: LoadProgress;
  /** The last run's result, once it is done. */
  result?: LoadRunResult;
  /**
   * Messages per second of run time on each link (by link id) over the latest progress
   * interval; empty when no run is going.
   */
  linkLoad: Record<string, number>;
  canary?: CanaryView;
  /** Every series point of the run so far, by metric key (progress carries only the new ones). */
  series: Record<string, SeriesPoint[]>;
}

export interface LoadLabSliceData {
  loadLab: LoadLab;
  /** Load experiments saved in the workspace, by name (`orrery run` runs them headless). */
  savedLoads: Record<string, SavedLoadExperiment>;
}

export interface LoadLabSliceActions {
  /** A run starts: the previous one's figures are cleared. */
  loadStarted(mode?: LoadRunMode): void;
  loadProgressed(progress: LoadProgress): void;
  /** The run ended (a result), or could not run (no result: back to idle). */
  loadFinished(result?: LoadRunResult): void;
  /** Saves (or replaces) a load experiment in the workspace under its name. */
  saveLoad(doc: SavedLoadExperiment): void;
  removeSavedLoad(name: string): void;
  /** Replaces the saved loads (workspace restore); entries that are not load documents are skipped. */
  setSavedLoads(docs: readonly unknown[]): void;
}

export function isSavedLoad(value: unknown): value is SavedLoadExperiment {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const doc = value as Record<string, unknown>;
  return doc['schema'] === 'orrery.load/1' && typeof doc['name'] === 'string' && doc['name'] !== '';
}

export function initialLoadLab(): LoadLab {
  return { status: 'idle', linkLoad: {}, series: {} };
}

/** Appends the new points of each key (a point for an interval already shown replaces it): the throttle's merge. */
export const appendPoints = mergePoints;

/** Counts since the previous progress → per second of run time. */
export function linkRates(linkLoad: Record<string, number>, spanMs: number): Record<string, number> {
  const seconds = Math.max(spanMs, 1) / 1000;
  return Object.fromEntries(Object.entries(linkLoad).map(([id, n]) => [id, n / seconds]));
}

export function reduceLoadProgress(lab: LoadLab, progress: LoadProgress): LoadLab {
  const span = progress.atMs - (lab.progress?.atMs ?? 0);
  const next: LoadLab = {
    ...lab,
    status: 'running',
    progress,
    linkLoad: linkRates(progress.linkLoad, span),
    series: appendPoints(lab.series, progress.points),
  };
  if (progress.canary) next.canary = progress.canary;
  return next;
}

/** Where the run ended: all the way unless stopped or aborted, with the result's totals (the last progress may be older). */
function finalProgress(last: LoadProgress | undefined, result: LoadRunResult): LoadProgress {
  return {
    atMs: result.summary.state.testRunDurationMs,
    fraction: result.stoppedBy ? (last?.fraction ?? 0) : 1,
    timeLeftMs: 0,
    vus: 0,
    maxVUs: last?.maxVUs ?? 0,
    totals: result.totals,
    points: {},
    linkLoad: {},
    thresholds: result.summary.thresholds,
    annotations: result.summary.annotations,
    ...(result.canary ? { canary: result.canary } : {}),
  };
}

export function reduceLoadFinished(lab: LoadLab, result?: LoadRunResult): LoadLab {
  if (!result) {
    const idle: LoadLab = { ...initialLoadLab(), series: lab.series };
    if (lab.progress) idle.progress = lab.progress;
    return idle;
  }
  const done: LoadLab = { ...lab, status: 'done', result, linkLoad: {}, progress: finalProgress(lab.progress, result) };
  // The summary's series are the whole run's: the chart ends on them.
  if (Object.keys(result.summary.series).length > 0) done.series = { ...lab.series, ...result.summary.series };
  const canary = result.canary ?? lab.canary;
  if (canary) done.canary = canary;
  return done;
}

export function createLoadLabSlice(set: StoreApi<LoadLabSliceData>['setState']): LoadLabSliceData & LoadLabSliceActions {
  return {
    loadLab: initialLoadLab(),
    savedLoads: {},
    loadStarted: (mode) => set({ loadLab: { ...initialLoadLab(), status: 'running', ...(mode ? { mode } : {}) } }),
    loadProgressed: (progress) => set((s) => ({ loadLab: reduceLoadProgress(s.loadLab, progress) })),
    loadFinished: (result) => set((s) => ({ loadLab: reduceLoadFinished(s.loadLab, result) })),
    saveLoad: (doc) => set((s) => ({ savedLoads: { ...s.savedLoads, [doc.name]: doc } })),
    removeSavedLoad: (name) =>
      set((s) => {
        const savedLoads = { ...s.savedLoads };
        delete savedLoads[name];
        return { savedLoads };
      }),
    setSavedLoads: (docs) => set({ savedLoads: Object.fromEntries(docs.filter(isSavedLoad).map((d) => [d.name, d])) }),
  };
}
