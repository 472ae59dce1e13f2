import { describe, expect, it } from 'vitest';
import type { LoadProgress } from '../../../experiments/load/run/types';
import type { SeriesPoint } from '../../../experiments/load/metrics/timeSeries';
import { initialLoadLab, type LoadLab } from '../load/loadSlice';
import type { PlainNode } from './canvasSlice';
import { clientLabel, clientVus, scenarioOfClient, seriesScenarios } from './loadLabView';

const at = (value: number, startMs = 0): SeriesPoint => ({ startMs, values: { value } });

function progress(vus: number, maxVUs: number): LoadProgress {
  const totals = { started: 0, sent: 0, ok: 0, errors: 0, dropped: 0, interrupted: 0, inFlight: 0 };
  return { atMs: 1000, fraction: 0.1, timeLeftMs: 9000, vus, maxVUs, totals, points: {}, linkLoad: {}, thresholds: [], annotations: [] };
}

function state(lab: Partial<LoadLab>, clients: string[]) {
  const plainNodes: Record<string, PlainNode> = Object.fromEntries(clients.map((name) => [name, { name, kind: 'client' as const }]));
  return { loadLab: { ...initialLoadLab(), ...lab }, plainOrder: clients, plainNodes };
}

describe('scenarioOfClient', () => {
  it('matches the scenario named like the client, else the longest one it extends', () => {
    expect(scenarioOfClient('checkout', ['browse', 'checkout'])).toBe('checkout');
    expect(scenarioOfClient('checkout-fast-3', ['checkout', 'checkout-fast'])).toBe('checkout-fast');
    expect(scenarioOfClient('client-1', ['checkout'])).toBeUndefined();
  });
});

describe('seriesScenarios', () => {
  it('reads the scenario tags of the series keys', () => {
    const series = { requests: [at(1)], 'vus{scenario:a}': [at(2)], 'latency{agent:x,scenario:b}': [at(3)] };
    expect(seriesScenarios(series).sort()).toEqual(['a', 'b']);
  });
});

describe('clientVus', () => {
  it('gives a client its scenario’s busy and allocated VUs from the latest points', () => {
    const series = {
      'vus{scenario:browse}': [at(3), at(7, 1000)],
      'vus_max{scenario:browse}': [at(10), at(10, 1000)],
      'vus{scenario:buy}': [at(1)],
    };
    const s = state({ status: 'running', progress: progress(8, 20), series }, ['browse', 'buy']);
    expect(clientVus(s, 'browse')).toEqual({ busy: 7, allocated: 10 });
    expect(clientVus(s, 'buy')).toEqual({ busy: 1, allocated: 1 });
  });

  it('reads each scenario’s VUs from the progress when it carries them (several scenarios, several clients)', () => {
    const p = { ...progress(9, 30), scenarioVus: { warmup: { vus: 2, maxVUs: 5 }, ramp: { vus: 7, maxVUs: 25 } } };
    const s = state({ status: 'running', progress: p }, ['warmup', 'ramp', 'ramp-2']);
    expect(clientVus(s, 'warmup')).toEqual({ busy: 2, allocated: 5 });
    expect(clientVus(s, 'ramp')).toEqual({ busy: 7, allocated: 25 });
    expect(clientVus(s, 'ramp-2')).toEqual({ busy: 7, allocated: 25 });
  });

  it('falls back on the run’s totals for the only client when the series are not per scenario', () => {
    const s = state({ status: 'running', progress: progress(12, 50) }, ['echo']);
    expect(clientVus(s, 'echo')).toEqual({ busy: 12, allocated: 50 });
    expect(clientVus(state({ status: 'running', progress: progress(12, 50) }, ['echo', 'other']), 'echo')).toBeUndefined();
  });

  it('says nothing once the run has ended', () => {
    expect(clientVus(state({ status: 'done', progress: progress(12, 50) }, ['echo']), 'echo')).toBeUndefined();
    expect(clientVus(state({ status: 'idle' }, ['echo']), 'echo')).toBeUndefined();
  });
});

describe('clientLabel', () => {
  it('names the virtual users while a run drives the client, and only the client otherwise', () => {
    expect(clientLabel('echo', { busy: 12, allocated: 50 })).toBe('client echo, 12 virtual users');
    expect(clientLabel('echo', { busy: 1, allocated: 1 })).toBe('client echo, 1 virtual user');
    expect(clientLabel('echo', undefined)).toBe('client echo');
  });
});
