import { describe, expect, it } from 'vitest';
import { LOAD_METRICS } from '../metrics/loadMetrics';
import { parseDuration } from './parseDuration';
import { parseThresholdExpression } from './parseThresholdExpression';
import { parseThresholds } from './parseThresholds';

const definition = (name: string) => LOAD_METRICS.find((d) => d.name === name);

describe('parseThresholdExpression', () => {
  it.each([
    ['p(95)<50', 'p(95)', '<', 50],
    ['p(99.9)<=200', 'p(99.9)', '<=', 200],
    ['avg<20', 'avg', '<', 20],
    ['med<10', 'med', '<', 10],
    ['min>0', 'min', '>', 0],
    ['max<1000', 'max', '<', 1000],
    ['rate<0.01', 'rate', '<', 0.01],
    ['count>1000', 'count', '>', 1000],
    ['value<5', 'value', '<', 5],
    [' p( 90 ) >= 1e3 ', 'p(90)', '>=', 1000],
    ['count===0', 'count', '===', 0],
    ['count==0', 'count', '==', 0],
    ['value!=-1.5', 'value', '!=', -1.5],
  ])('reads %j', (source, aggregation, operator, value) => {
    const parsed = parseThresholdExpression(source);
    expect(parsed).toEqual({ ok: true, expression: expect.objectContaining({ source, aggregation, operator, value }) });
  });

  it.each([
    ['', "an expression like 'p(95)<50'", 'an empty string'],
    ['p95<50', 'write p(95)', '"p95"'],
    ['average<20', 'an aggregation', '"average"'],
    ['p(101)<5', 'a percentile between 0 and 100', '"p(101)"'],
    ['p()<5', 'a percentile between 0 and 100', '"p()"'],
    ['p(abc)<5', 'a percentile between 0 and 100', '"p(abc)"'],
    ['p(95<50', "a closing ')'", '"p(95<50"'],
    ['p(95)', 'an operator', 'nothing'],
    ['p(95) 50', 'an operator', '"50"'],
    ['avg=<20', 'an operator', '"=<20"'],
    ['avg<', 'a number after "<"', 'nothing'],
    ['avg<50ms', 'no units', '"50ms"'],
    ['avg<fast', 'a number', '"fast"'],
    ['avg<20 or so', 'a number', '"20 or so"'],
  ])('refuses %j: expected %s, received %s', (source, expected, received) => {
    const parsed = parseThresholdExpression(source);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem.expected).toContain(expected);
      expect(parsed.problem.received).toBe(received);
    }
  });
});

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['10s', 10_000],
    ['1m30s', 90_000],
    ['1.5h', 5_400_000],
    ['250us', 0.25],
    ['0', 0],
    [2500, 2500],
  ])('reads %j as %d ms', (text, ms) => expect(parseDuration(text)).toEqual({ ok: true, ms }));

  it.each(['10', '-5s', 'ten seconds', '', '5 s', -1, true])('refuses %j', (text) => expect(parseDuration(text).ok).toBe(false));
});

describe('parseThresholds', () => {
  it('reads strings and the object form, per metric and per tagged sub-metric', () => {
    const { thresholds, problems } = parseThresholds(
      {
        latency: ['p(95)<50', { threshold: 'p(99)<200', abortOnFail: true, delayAbortEval: '10s' }],
        'latency{ scenario: ramp }': ['avg<20'],
        'errors{kind:timeout}': ['count<10'],
      },
      { definition },
    );
    expect(problems).toEqual([]);
    expect(thresholds.map((t) => [t.metric, t.expression.source, t.abortOnFail, t.delayAbortEvalMs, t.path])).toEqual([
      ['latency', 'p(95)<50', false, 0, 'thresholds["latency"][0]'],
      ['latency', 'p(99)<200', true, 10_000, 'thresholds["latency"][1]'],
      ['latency{scenario:ramp}', 'avg<20', false, 0, 'thresholds["latency{ scenario: ramp }"][0]'],
      ['errors{kind:timeout}', 'count<10', false, 0, 'thresholds["errors{kind:timeout}"][0]'],
    ]);
  });

  it('lists every problem with its path, what was expected and what came', () => {
    const { thresholds, problems } = parseThresholds(
      {
        latncy: ['p(95)<50'],
        latency: ['p95<50', { threshold: 'avg<5', abortOnFail: 'yes' }, { threshold: 'avg<5', delayAbortEval: '-1s' }, 42],
        requests: ['p(95)<5'],
        error_rate: 'rate<0.01',
        'latency{scenario': ['avg<1'],
        vus: [{ threshold: 'value<5', abortOnFial: true }],
      },
      { definition },
    );
    expect(thresholds).toEqual([]);
    expect(problems.map((p) => [p.path, p.received])).toEqual([
      ['thresholds["latncy"]', '"latncy"'],
      ['thresholds["latency"][0]', '"p95"'],
      ['thresholds["latency"][1].abortOnFail', '"yes"'],
      ['thresholds["latency"][2].delayAbortEval', '"-1s"'],
      ['thresholds["latency"][3]', 'number 42'],
      ['thresholds["requests"][0]', '"p(95)"'],
      ['thresholds["error_rate"]', '"rate<0.01"'],
      ['thresholds["latency{scenario"]', '"{scenario"'],
      ['thresholds["vus"][0].abortOnFial', '"abortOnFial"'],
    ]);
    expect(problems[5]!.message).toBe('thresholds["requests"][0]: expected count or rate (requests is a counter), received "p(95)"');
  });

  it('refuses a thresholds value that is not an object', () => {
    expect(parseThresholds(['p(95)<5']).problems[0]).toMatchObject({ path: 'thresholds', received: 'a list' });
  });
});
