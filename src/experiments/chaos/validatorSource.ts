/**
 * The experiment validator as source code (experimentValidator.generated.ts; see
 * standaloneValidator.ts for why it is generated). `npx tsx src/experiments/chaos/writeValidator.ts`
 * rewrites it; a test keeps it current.
 */
import Ajv from 'ajv';
import { standaloneValidatorModule } from '../standaloneValidator';
import { EXPERIMENT_JSON_SCHEMA } from './experimentSchema';

export const VALIDATOR_FILE = 'src/experiments/chaos/experimentValidator.generated.ts';

export function validatorSource(): Promise<string> {
  // messages: false — schemaProblems writes its own sentences from keyword, path and schema.
  const ajv = new Ajv({ allErrors: true, discriminator: true, strict: true, messages: false, code: { source: true, esm: true } });
  return standaloneValidatorModule(ajv, EXPERIMENT_JSON_SCHEMA, 'src/experiments/chaos/writeValidator.ts from EXPERIMENT_JSON_SCHEMA');
}
