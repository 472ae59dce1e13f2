/**
 * The load experiment validator as source code (validator.generated.ts; see
 * standaloneValidator.ts for why it is generated).
 * `npx tsx src/experiments/load/experiment/writeValidator.ts` rewrites it; a test keeps it current.
 */
import Ajv2020 from 'ajv/dist/2020';
import { standaloneValidatorModule } from '../../standaloneValidator';
import { LOAD_JSON_SCHEMA } from './schema';

export const VALIDATOR_FILE = 'src/experiments/load/experiment/validator.generated.ts';
/** The schema beside the example files, which point their `$schema` at it (editors complete from it). */
export const SCHEMA_COPY = 'examples/orrery.load.schema.json';

export function validatorSource(): Promise<string> {
  // messages: false — schemaProblems.ts writes its own sentences from keyword, path and schema.
  const ajv = new Ajv2020({
    allErrors: true,
    discriminator: true,
    strict: true,
    allowUnionTypes: true,
    // Shared parts (durations, names, the message) checked by one function each, not inlined in every scenario branch.
    inlineRefs: false,
    messages: false,
    code: { source: true, esm: true },
  });
  return standaloneValidatorModule(ajv, LOAD_JSON_SCHEMA, 'src/experiments/load/experiment/writeValidator.ts from LOAD_JSON_SCHEMA');
}
