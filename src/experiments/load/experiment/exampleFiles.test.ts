/** The load experiments in examples/ carry `$schema`, parse, and the schema copy there is current. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExecutor } from '../executors/createExecutor';
import { planIterations } from './iteration';
import { parseLoadExperiment } from './parseLoadExperiment';
import { LOAD_JSON_SCHEMA } from './schema';
import { SCHEMA_COPY } from './validatorSource';

const DIR = 'examples';

describe('examples/*.load.json', () => {
  it(`${SCHEMA_COPY} is the current schema (regenerate: npx tsx src/experiments/load/experiment/writeValidator.ts)`, () => {
    expect(JSON.parse(readFileSync(SCHEMA_COPY, 'utf8'))).toEqual(LOAD_JSON_SCHEMA);
  });

  const files = readdirSync(DIR).filter((f) => f.endsWith('.load.json'));
  it('include the ready scenarios of the gallery', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'echo-50x100.load.json',
        'ping-50-of-100.load.json',
        'steady-10k.load.json',
        'ramp-to-breaking-point.load.json',
        'canary-rollback.load.json',
      ]),
    );
  });

  it.each(files)('%s has a name and a description a person reads', (file) => {
    const e = parseLoadExperiment(readFileSync(join(DIR, file), 'utf8'));
    expect(e.name.length).toBeGreaterThan(10);
    expect(e.description?.length).toBeGreaterThan(80);
  });

  it.each(files)('%s points $schema at the copy and is a valid load experiment', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    expect(JSON.parse(text).$schema).toBe('./orrery.load.schema.json');
    expect(parseLoadExperiment(text).schema).toBe('orrery.load/1');
  });

  it('50 clients × 100 requests: per-vu-iterations, 50 VUs of 100 iterations, request mode, the issue’s thresholds', () => {
    const e = parseLoadExperiment(readFileSync(join(DIR, 'echo-50x100.load.json'), 'utf8'));
    expect(e.scenarios['echo']).toMatchObject({
      executor: 'per-vu-iterations',
      vus: 50,
      iterations: 100,
      mode: 'request',
      target: 'echo-1',
    });
    expect(e.thresholds.map((t) => t.metric)).toEqual(['error_rate', 'latency']);
  });

  it('100 agents, 50 pinged 10 times each: VU n pings echo-n, so 50 distinct agents get 10 requests each', () => {
    const e = parseLoadExperiment(readFileSync(join(DIR, 'ping-50-of-100.load.json'), 'utf8'));
    expect(e.topology?.agents).toHaveLength(100);
    const s = e.scenarios['ping']!;
    expect(s).toMatchObject({ executor: 'per-vu-iterations', vus: 50, iterations: 10, mode: 'request', client: 'ping' });
    const plan = planIterations('ping', s);
    const pings = new Map<string, number>();
    for (let vu = 1; vu <= 50; vu++)
      for (let iter = 0; iter < 10; iter++) {
        const receiver = plan({ vu, iter, scenarioIter: (vu - 1) * 10 + iter }, e.seed ?? 0).draft.receiver as string;
        pings.set(receiver, (pings.get(receiver) ?? 0) + 1);
      }
    expect(pings.size).toBe(50);
    expect([...pings.values()].every((n) => n === 10)).toBe(true);
    expect([...pings.keys()].every((name) => e.topology!.agents.some((a) => a.name === name))).toBe(true);
  });

  it('steady 10k: 600,000 iterations on schedule over 60 s, p99 judged', () => {
    const e = parseLoadExperiment(readFileSync(join(DIR, 'steady-10k.load.json'), 'utf8'));
    const s = e.scenarios['steady']!;
    expect(s).toMatchObject({ executor: 'constant-arrival-rate', rate: 10_000, timeUnit: 1000, duration: 60_000, mode: 'request' });
    const executor = createExecutor(s);
    executor.advance(60_000);
    expect(executor.stats().started + executor.stats().dropped).toBe(600_000);
    expect(e.thresholds.map((t) => `${t.metric} ${t.expression.source}`)).toContain('latency p(99)<100');
    const plan = planIterations('steady', s);
    const receivers = new Set(Array.from({ length: 200 }, (_, k) => plan({ vu: 1, iter: k, scenarioIter: k }, e.seed ?? 0).draft.receiver));
    expect(receivers).toEqual(new Set(['echo-1', 'echo-2', 'echo-3', 'echo-4']));
  });

  it('the canary that rolls back: a crasher (not-understood to a query) beside echo-1, judged on its error rate', () => {
    const e = parseLoadExperiment(readFileSync(join(DIR, 'canary-rollback.load.json'), 'utf8'));
    expect(e.canary).toMatchObject({ stable: 'echo-1', canary: { name: 'echo-1-next', kind: 'crasher' }, judge: { maxErrorRate: 0.01 } });
    expect(e.canary!.stages.map((st) => st.weight)).toEqual([5, 25, 50, 100]);
    expect(e.scenarios['traffic']).toMatchObject({ target: 'echo-1', message: { performative: 'query-if' } });
  });
});
