/** Rewrites metaSchemaValidator.generated.ts: `npx tsx src/experiments/contracts/writeMetaValidator.ts`. */
import { writeFileSync } from 'node:fs';
import { META_VALIDATOR_FILE, metaValidatorSource } from './metaSchemaSource';

writeFileSync(META_VALIDATOR_FILE, await metaValidatorSource());
