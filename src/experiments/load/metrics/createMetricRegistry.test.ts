import { describe, expect, it } from 'vitest';
import { createMetricRegistry } from './createMetricRegistry';
import { errorBreakdown, LOAD_METRICS, recordOutcome } from './loadMetrics';
import { formatMetricKey, parseMetricKey } from './metricKey';
import { sinkValues } from './sinkValues';

const registry = () => createMetricRegistry(LOAD_METRICS);

describe('metric keys', () => {
  it('parses k6 selectors and spells them one way', () => {
    const parsed = parseMetricKey(' latency{ scenario : a , agent:echo-1 }');
    expect(parsed.ok && formatMetricKey(parsed.key)).toBe('latency{agent:echo-1,scenario:a}');
    expect(parseMetricKey('latency').ok).toBe(true);
  });

  it.each([
    ['', 'a metric name'],
    ['lat ency', 'a metric name'],
    ['latency{scenario:a', "closed by '}'"],
    ['latency{}', 'at least one tag'],
    ['latency{scenario}', 'key:value'],
    ['latency{scenario:a,scenario:b}', 'each tag once'],
  ])('refuses %j naming what is wrong', (text, expected) => {
    const parsed = parseMetricKey(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.expected).toContain(expected);
  });
});

describe('createMetricRegistry', () => {
  it('breaks a sample down by scenario, agent and link, and into watched selectors', () => {
    const r = registry();
    const key = r.watch('latency{ agent:echo-1, scenario:a }');
    r.add('latency', 10, { scenario: 'a', agent: 'echo-1', link: 'l3' });
    r.add('latency', 30, { scenario: 'b', agent: 'echo-1' });
    expect(r.keys()).toEqual([
      'latency',
      'latency{agent:echo-1,scenario:a}',
      'latency{agent:echo-1}',
      'latency{link:l3}',
      'latency{scenario:a}',
      'latency{scenario:b}',
    ]);
    const count = (k: string) => {
      const sink = r.sink(k);
      return sink?.type === 'trend' ? sink.trend.count : -1;
    };
    expect([count('latency'), count('latency{agent:echo-1}'), count(key), count('latency{scenario:b}')]).toEqual([2, 2, 1, 1]);
  });

  it('routes later samples to a selector watched mid-run, and keeps tag values apart', () => {
    const r = registry();
    r.add('requests', 1, { scenario: 'a', client: 'c1' });
    r.watch('requests{client:c1,scenario:a}');
    r.add('requests', 1, { scenario: 'a', client: 'c1' });
    r.add('requests', 1, { scenario: 'a', client: 'c2' });
    r.add('requests', 1, { scenario: 'a' });
    const sum = (key: string) => sinkValues(r.sink(key)!, 0)['count'];
    expect([sum('requests'), sum('requests{scenario:a}'), sum('requests{client:c1}'), sum('requests{client:c1,scenario:a}')]).toEqual([
      4, 4, 2, 1,
    ]);
  });

  it('refuses a sample for a metric never defined, and a type change', () => {
    const r = registry();
    expect(() => r.add('latncy', 1)).toThrow(/unknown metric "latncy"/);
    expect(() => r.define({ name: 'latency', type: 'counter' })).toThrow(/trend, not a counter/);
  });

  it('drained deltas merged elsewhere give the figures of recording in one place', () => {
    const [worker1, worker2, direct, aggregate] = [registry(), registry(), registry(), registry()];
    const samples = Array.from({ length: 200 }, (_, i) => ({ v: (i * 37) % 101, tags: { scenario: i % 2 ? 'a' : 'b' } }));
    samples.forEach((s, i) => {
      (i % 3 ? worker1 : worker2).add('latency', s.v, s.tags);
      (i % 3 ? worker1 : worker2).add('requests', 1, s.tags);
      direct.add('latency', s.v, s.tags);
      direct.add('requests', 1, s.tags);
    });
    aggregate.merge(JSON.parse(JSON.stringify(worker1.drain())));
    aggregate.merge(worker2.drain());
    expect(aggregate.keys()).toEqual(direct.keys());
    for (const key of direct.keys()) {
      const { avg: a, ...restA } = sinkValues(aggregate.sink(key)!, 1000);
      const { avg: b, ...restB } = sinkValues(direct.sink(key)!, 1000);
      expect(restA).toEqual(restB);
      expect(a ?? 0).toBeCloseTo(b ?? 0, 9);
    }
    expect(worker1.sink('latency')?.type === 'trend' && worker1.sink('latency')?.type).toBe('trend');
    const drained = worker1.sink('latency');
    expect(drained?.type === 'trend' ? drained.trend.count : -1).toBe(0);
  });

  it('records outcomes: requests, replies or errors by kind, error rate, latency only when an answer came', () => {
    const r = registry();
    recordOutcome(r, { ok: true, latencyMs: 4 }, { scenario: 's' });
    recordOutcome(r, { ok: false, kind: 'timeout' }, { scenario: 's' });
    recordOutcome(r, { ok: false, kind: 'failure', latencyMs: 2 }, { scenario: 's' });
    recordOutcome(r, { ok: true, latencyMs: 6 }, { scenario: 's' });
    expect(sinkValues(r.sink('requests')!, 2000)).toEqual({ count: 4, rate: 2 });
    expect(sinkValues(r.sink('error_rate{scenario:s}')!, 0)).toMatchObject({ rate: 0.5, passes: 2, fails: 2 });
    expect(sinkValues(r.sink('errors{kind:timeout}')!, 0).count).toBe(1);
    expect(sinkValues(r.sink('latency')!, 0)).toMatchObject({ min: 2, max: 6, avg: 4 });
    expect(r.sink('latency{outcome:ok}')).toBeUndefined(); // not watched: no sub-metric kept
    const watched = registry();
    watched.watch('latency{outcome:ok}');
    recordOutcome(watched, { ok: true, latencyMs: 4 }, {});
    recordOutcome(watched, { ok: false, kind: 'failure', latencyMs: 900 }, {});
    expect(sinkValues(watched.sink('latency{outcome:ok}')!, 0)).toMatchObject({ max: 4 });
    const breakdown = errorBreakdown(r);
    expect(breakdown.timeout).toEqual({ count: 1, rate: 0.25 });
    expect(breakdown['dead-lettered']).toEqual({ count: 0, rate: 0 });
  });
});

describe('time series', () => {
  it('keeps one point per interval, zeros for a stall, and counts samples that come after their interval is sealed', () => {
    const r = createMetricRegistry(LOAD_METRICS, { intervalMs: 1000, openIntervals: 1 });
    r.add('requests', 1, {}, 100);
    r.add('requests', 1, {}, 900);
    r.add('latency', 8, {}, 500);
    r.add('requests', 1, {}, 3500); // seals 0..2; interval 1 and 2 had nothing
    r.add('requests', 1, {}, 200); // late
    const points = r.series('requests');
    expect(points.map((p) => [p.startMs, p.values['count']])).toEqual([
      [0, 2],
      [1000, 0],
      [2000, 0],
      [3000, 1],
    ]);
    expect(points[0]!.values['rate']).toBe(2);
    expect(r.series('requests', 1000).map((p) => p.startMs)).toEqual([1000, 2000, 3000]);
    expect(r.series('requests', 2500).map((p) => p.startMs)).toEqual([3000]);
    expect(r.series('requests', 4000)).toEqual([]);
    expect(r.sink('requests')?.type === 'counter' && r.sink('requests')).toMatchObject({ data: { sum: 4 } });
    r.seal(2000);
    expect(r.series('latency')[0]!.values).toMatchObject({ count: 1, 'p(95)': 8 });
  });

  it('merges a worker delta into the interval it belongs to', () => {
    const [worker, aggregate] = [createMetricRegistry(LOAD_METRICS, { intervalMs: 0 }), createMetricRegistry(LOAD_METRICS)];
    worker.add('latency', 5);
    worker.add('latency', 7);
    aggregate.merge(worker.drain(), 1500);
    worker.add('latency', 9);
    aggregate.merge(worker.drain(), 2500);
    expect(aggregate.series('latency').map((p) => [p.startMs, p.values['count'], p.values['max']])).toEqual([
      [0, 0, 0],
      [1000, 2, 7],
      [2000, 1, 9],
    ]);
  });

  it('keeps series per scenario and error kind, per agent or link only when asked', () => {
    const record = (r: ReturnType<typeof createMetricRegistry>) => {
      r.watch('latency{agent:a,scenario:s}');
      r.add('latency', 3, { scenario: 's', agent: 'a', link: 'l1' }, 100);
      return r;
    };
    const plain = record(createMetricRegistry(LOAD_METRICS));
    const kept = (r: ReturnType<typeof createMetricRegistry>) => r.keys().filter((k) => r.series(k).length > 0);
    expect(kept(plain)).toEqual(['latency', 'latency{agent:a,scenario:s}', 'latency{scenario:s}']);
    expect(kept(record(createMetricRegistry(LOAD_METRICS, { seriesTags: ['agent', 'link'] })))).toEqual([
      'latency',
      'latency{agent:a,scenario:s}',
      'latency{agent:a}',
      'latency{link:l1}',
    ]);
  });
});
