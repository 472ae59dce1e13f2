import { describe, expect, it } from 'vitest';
import type { LoadProgress, LoadRunResult } from '../../../experiments/load/run/types';
import { createStore } from 'zustand/vanilla';
import {
  createLoadLabSlice,
  initialLoadLab,
  isSavedLoad,
  reduceLoadFinished,
  reduceLoadProgress,
  type LoadLabSliceActions,
  type LoadLabSliceData,
} from './loadSlice';

const totals = { started: 0, sent: 0, ok: 0, errors: 0, dropped: 0, interrupted: 0, inFlight: 0 };

function progress(atMs: number, points: LoadProgress['points'], linkLoad: Record<string, number> = {}): LoadProgress {
  return { atMs, fraction: 0.5, timeLeftMs: 1000, vus: 1, maxVUs: 1, totals, points, linkLoad, thresholds: [], annotations: [] };
}

describe('the loadLab slice', () => {
  it('accumulates series points across progress (a repeated interval replaced) and gives link load per second of run time', () => {
    let lab = reduceLoadProgress(initialLoadLab(), progress(500, { requests: [{ startMs: 0, values: { count: 5 } }] }, { a: 10 }));
    expect(lab.status).toBe('running');
    expect(lab.linkLoad).toEqual({ a: 20 });
    lab = reduceLoadProgress(
      lab,
      progress(
        1500,
        {
          requests: [
            { startMs: 0, values: { count: 9 } },
            { startMs: 1000, values: { count: 4 } },
          ],
        },
        { a: 30, b: 5 },
      ),
    );
    expect(lab.series['requests']).toEqual([
      { startMs: 0, values: { count: 9 } },
      { startMs: 1000, values: { count: 4 } },
    ]);
    expect(lab.linkLoad).toEqual({ a: 30, b: 5 });
  });

  it('a finished run is done, with its result, the summary’s series and no link load; a failed start goes back to idle', () => {
    const running = reduceLoadProgress(initialLoadLab(), progress(500, { requests: [{ startMs: 0, values: { count: 5 } }] }, { a: 1 }));
    const summarySeries = { requests: [{ startMs: 0, values: { count: 7 } }] };
    const result = {
      summary: { series: summarySeries, thresholds: [], annotations: [], state: { testRunDurationMs: 1000 } },
      totals,
      name: 'x',
    } as unknown as LoadRunResult;
    const done = reduceLoadFinished(running, result);
    expect(done).toMatchObject({ status: 'done', result, linkLoad: {} });
    expect(done.series).toEqual(summarySeries);
    expect(reduceLoadFinished(running).status).toBe('idle');
  });

  it('a run that ended on its own shows 100 % and the result’s totals; a stopped one stays where it stopped', () => {
    const running = reduceLoadProgress(initialLoadLab(), { ...progress(500, {}), fraction: 0.99 });
    const ended = {
      summary: { series: {}, thresholds: [], annotations: [], state: { testRunDurationMs: 4000 } },
      totals: { ...totals, sent: 9 },
    };
    const done = reduceLoadFinished(running, ended as unknown as LoadRunResult);
    expect(done.progress).toMatchObject({ fraction: 1, timeLeftMs: 0, atMs: 4000, totals: { sent: 9 } });
    const stopped = reduceLoadFinished(running, { ...ended, stoppedBy: 'stop' } as unknown as LoadRunResult);
    expect(stopped.progress?.fraction).toBe(0.99);
  });
});

describe('saved loads', () => {
  const doc = (name: string) => ({ schema: 'orrery.load/1' as const, name, scenarios: {} });

  it('are saved and replaced by name, removed, and replaced wholesale on restore (non-documents skipped)', () => {
    const store = createStore<LoadLabSliceData & LoadLabSliceActions>()((set) => createLoadLabSlice(set));
    const { saveLoad, removeSavedLoad, setSavedLoads } = store.getState();
    saveLoad(doc('a'));
    saveLoad({ ...doc('a'), description: 'newer' });
    saveLoad(doc('b'));
    expect(Object.keys(store.getState().savedLoads)).toEqual(['a', 'b']);
    expect(store.getState().savedLoads['a']).toMatchObject({ description: 'newer' });
    removeSavedLoad('a');
    expect(Object.keys(store.getState().savedLoads)).toEqual(['b']);
    setSavedLoads([doc('c'), { schema: 'orrery.experiment/1', name: 'x' }, null, { ...doc(''), name: '' }, doc('__proto__')]);
    expect(Object.keys(store.getState().savedLoads)).toEqual(['c', '__proto__']);
    expect(isSavedLoad(store.getState().savedLoads['__proto__'])).toBe(true);
  });
});
