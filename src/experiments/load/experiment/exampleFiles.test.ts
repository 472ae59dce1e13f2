/** The load experiments in examples/ carry `$schema`, parse, and the schema copy there is current. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLoadExperiment } from './parseLoadExperiment';
import { LOAD_JSON_SCHEMA } from './schema';
import { SCHEMA_COPY } from './validatorSource';

const DIR = 'examples';

describe('examples/*.load.json', () => {
  it(`${SCHEMA_COPY} is the current schema (regenerate: npx tsx src/experiments/load/experiment/writeValidator.ts)`, () => {
    expect(JSON.parse(readFileSync(SCHEMA_COPY, 'utf8'))).toEqual(LOAD_JSON_SCHEMA);
  });

  const files = readdirSync(DIR).filter((f) => f.endsWith('.load.json'));
  it('include the two ready scenarios', () => {
    expect(files).toEqual(expect.arrayContaining(['echo-50x100.load.json', 'ramp-to-breaking-point.load.json']));
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
});
