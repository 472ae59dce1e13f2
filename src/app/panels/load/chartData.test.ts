import { describe, expect, it } from 'vitest';
import { chartSummary, loadCharts, seriesScopes } from './chartData';

const point = (startMs: number, values: Record<string, number>) => ({ startMs, values });

describe('load chart data', () => {
  it('requests per second, latency percentiles and VUs on one x axis in seconds', () => {
    const [requests, latency, errors, vus] = loadCharts({
      requests: [point(0, { count: 40 }), point(1000, { count: 50 })],
      latency: [point(1000, { med: 2, 'p(95)': 9, 'p(99)': 15 })],
      vus: [point(0, { value: 5 }), point(1000, { value: 10 })],
    });
    expect(requests).toMatchObject({ xs: [0, 1], lines: [{ label: 'requests', values: [40, 50] }] });
    expect(latency).toMatchObject({
      xs: [1],
      lines: [
        { label: 'p50', values: [2] },
        { label: 'p95', values: [9] },
        { label: 'p99', values: [15] },
      ],
    });
    expect(errors!.lines).toEqual([{ label: 'errors', values: [] }]);
    expect(vus!.lines[0]!.values).toEqual([5, 10]);
  });

  it('errors by kind, each kind a line, gaps as null; counts per second of the interval', () => {
    const errors = loadCharts({
      'errors{kind:timeout}': [point(0, { count: 3 }), point(500, { count: 1 })],
      'errors{kind:failure}': [point(500, { count: 2 })],
    })[2]!;
    expect(errors.xs).toEqual([0, 0.5]);
    expect(errors.lines).toEqual([
      { label: 'failure', values: [null, 2] },
      { label: 'timeout', values: [6, 2] },
    ]);
  });

  it('the summary names latest and peak of each line', () => {
    const [requests] = loadCharts({ requests: [point(0, { count: 40 }), point(1000, { count: 55 }), point(2000, { count: 30 })] });
    expect(chartSummary(requests!)).toBe('Requests per second over 3 s: requests latest 30 /s, peak 55 /s');
    expect(chartSummary(loadCharts({})[0]!)).toBe('Requests per second: no data yet');
  });

  it('one scenario’s charts: its requests, latency and errors', () => {
    const series = {
      requests: [point(0, { count: 30 })],
      'requests{scenario:b}': [point(0, { count: 10 })],
      'requests{scenario:a}': [point(0, { count: 20 })],
      'latency{scenario:a}': [point(0, { med: 1, 'p(95)': 2, 'p(99)': 3 })],
      'errors{scenario:a}': [point(0, { count: 4 })],
      'errors{kind:timeout}': [point(0, { count: 9 })],
    };
    expect(seriesScopes(series)).toEqual([
      { tag: 'scenario', value: 'a' },
      { tag: 'scenario', value: 'b' },
    ]);
    const [requests, latency, errors] = loadCharts(series, { tag: 'scenario', value: 'a' });
    expect(requests!.lines[0]!.values).toEqual([20]);
    expect(latency!.lines.map((l) => l.values[0])).toEqual([1, 2, 3]);
    expect(errors).toMatchObject({ title: 'Errors per second', lines: [{ label: 'errors', values: [4] }] });
  });

  it('narrows to one agent or link as well, listing scenarios, clients, agents and links in that order', () => {
    const series = {
      requests: [point(0, { count: 30 })],
      'requests{link:web--echo-2}': [point(0, { count: 12 })],
      'requests{agent:echo-2}': [point(0, { count: 12 })],
      'requests{agent:echo-1}': [point(0, { count: 18 })],
      'requests{client:web}': [point(0, { count: 30 })],
      'requests{scenario:s}': [point(0, { count: 30 })],
      'latency{agent:echo-2}': [point(0, { med: 4, 'p(95)': 8, 'p(99)': 9 })],
      'requests{agent:echo-1,scenario:s}': [point(0, { count: 18 })],
    };
    expect(seriesScopes(series).map((s) => `${s.tag} ${s.value}`)).toEqual([
      'scenario s',
      'client web',
      'agent echo-1',
      'agent echo-2',
      'link web--echo-2',
    ]);
    const [requests, latency] = loadCharts(series, { tag: 'agent', value: 'echo-2' });
    expect(requests!.lines[0]!.values).toEqual([12]);
    expect(latency!.lines.map((l) => l.values[0])).toEqual([4, 8, 9]);
  });
});
