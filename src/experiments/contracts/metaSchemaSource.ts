/**
 * The draft-07 meta-schema validator as source code (metaSchemaValidator.generated.ts): "is this
 * a valid JSON Schema" without ajv compiling at run time (the page's CSP forbids `new Function`;
 * see ../standaloneValidator.ts). `npx tsx src/experiments/contracts/writeMetaValidator.ts`
 * rewrites it; a test keeps it current.
 */
import Ajv from 'ajv';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json';
import { standaloneValidatorModule } from '../standaloneValidator';

export const META_VALIDATOR_FILE = 'src/experiments/contracts/metaSchemaValidator.generated.ts';

export function metaValidatorSource(): Promise<string> {
  // The meta-schema itself: `type: ["object", "boolean"]` is a union (not strict-types clean), its
  // formats (uri, regex) are checked by schemaVocabulary.ts where they matter (pattern compiles).
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    meta: false,
    validateSchema: false,
    validateFormats: false,
    code: { source: true, esm: true },
  });
  return standaloneValidatorModule(
    ajv,
    draft07,
    'src/experiments/contracts/writeMetaValidator.ts from ajv/dist/refs/json-schema-draft-07.json',
  );
}
