/**
 * Writes `fileValidators.generated.ts` from the schemas: run it after changing schema.ts,
 * scenarioSchema.ts or limits.ts (`npx tsx src/workspace/validators/generate.ts`).
 * `generatedValidators.test.ts` fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedModule } from './generatedModule';

const target = fileURLToPath(new URL('./fileValidators.generated.ts', import.meta.url));
writeFileSync(target, await generatedModule());
console.log(`wrote ${target}`);
