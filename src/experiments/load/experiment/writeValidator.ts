/**
 * Rewrites validator.generated.ts and examples/orrery.load.schema.json from the schema:
 * `npx tsx src/experiments/load/experiment/writeValidator.ts`.
 */
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { LOAD_JSON_SCHEMA } from './schema';
import { SCHEMA_COPY, VALIDATOR_FILE, validatorSource } from './validatorSource';

writeFileSync(VALIDATOR_FILE, await validatorSource());
writeFileSync(SCHEMA_COPY, await format(JSON.stringify(LOAD_JSON_SCHEMA), { parser: 'json', printWidth: 140 }));
