import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedModule } from './generatedModule';

describe('fileValidators.generated.ts', () => {
  it('is what the schemas compile to today (else run: npx tsx src/workspace/validators/generate.ts)', async () => {
    const committed = readFileSync(new URL('./fileValidators.generated.ts', import.meta.url), 'utf8');
    expect(committed === (await generatedModule()), 'the generated validators are stale').toBe(true);
  }, 60_000);
});
