import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VALIDATOR_FILE, validatorSource } from './validatorSource';

describe('the generated load experiment validator', () => {
  it(`is current with the schema (regenerate: npx tsx src/experiments/load/experiment/writeValidator.ts)`, async () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(await validatorSource());
  }, 60_000);

  it('needs no code generation at run time (the page forbids eval) and imports nothing', () => {
    const source = readFileSync(VALIDATOR_FILE, 'utf8');
    expect(source).not.toMatch(/\bnew Function\b|\beval\(|\brequire\(|^import /m);
  });
});
