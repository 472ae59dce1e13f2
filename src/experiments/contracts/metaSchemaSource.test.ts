import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { META_VALIDATOR_FILE, metaValidatorSource } from './metaSchemaSource';

describe('the generated draft-07 meta-schema validator', () => {
  it(`is current with ajv's meta-schema (regenerate: npx tsx src/experiments/contracts/writeMetaValidator.ts)`, async () => {
    expect(readFileSync(META_VALIDATOR_FILE, 'utf8')).toBe(await metaValidatorSource());
  }, 60_000);

  it('needs no code generation at run time (the page forbids eval) and imports nothing', () => {
    const source = readFileSync(META_VALIDATOR_FILE, 'utf8');
    expect(source).not.toMatch(/\bnew Function\b|\beval\(|\brequire\(|^import /m);
  });
});
