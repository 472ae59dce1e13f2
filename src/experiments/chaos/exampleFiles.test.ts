/** The files in examples/ carry `$schema`, validate, and the schema copy there is current. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_JSON_SCHEMA } from './experimentSchema';
import { parseExperiment } from './parseExperiment';

const DIR = 'examples';
const SCHEMA_FILE = 'orrery.experiment.schema.json';

describe('examples/', () => {
  it(`${SCHEMA_FILE} is the current schema (regenerate: npx tsx src/cli/bin.ts schema > examples/${SCHEMA_FILE})`, () => {
    expect(JSON.parse(readFileSync(join(DIR, SCHEMA_FILE), 'utf8'))).toEqual(EXPERIMENT_JSON_SCHEMA);
  });

  const files = readdirSync(DIR).filter((f) => f.endsWith('.experiment.json'));
  it.each(files)('%s points $schema at it and is a valid experiment', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    expect(JSON.parse(text).$schema).toBe(`./${SCHEMA_FILE}`);
    expect(parseExperiment(text).schema).toBe('orrery.experiment/1');
  });
});
