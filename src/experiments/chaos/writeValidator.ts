/** Rewrites experimentValidator.generated.ts from the schema: `npx tsx src/experiments/chaos/writeValidator.ts`. */
import { writeFileSync } from 'node:fs';
import { VALIDATOR_FILE, validatorSource } from './validatorSource';

writeFileSync(VALIDATOR_FILE, await validatorSource());
