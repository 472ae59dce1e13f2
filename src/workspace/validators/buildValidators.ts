/**
 * The source of the precompiled validators (`*.generated.ts`): ajv compiles the file
 * schemas once, at development time, into plain functions. Compiling in the page cost
 * ~1.5 s on a busy machine, most of the time a broken import took to be refused; the
 * generated functions start at once. `npx tsx src/workspace/validators/generate.ts`
 * writes them, and a test fails when they are stale.
 */
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { exportName, rootSchema, SCHEMA_FILES, type SchemaName } from './schemaFiles';

// ownProperties: `required` and `properties` look at own keys only, never the prototype.
// unicode: false counts string length in UTF-16 units, as the network's name check does
// (and keeps the generated code free of ajv's runtime imports). logger: false silences only
// ajv's deprecation note on `unicode`; strict problems still throw.
const OPTIONS = {
  discriminator: true,
  strict: true,
  ownProperties: true,
  unicode: false,
  inlineRefs: false,
  logger: false,
  code: { source: true, esm: true },
} as const;

/**
 * Module source of the validators, every error and verbose: for each schema its root (the
 * long lists only as arrays with a maximum) and each list's item schema. A good file is
 * checked as fast item by item as whole, and a broken one can stop as soon as enough is known.
 */
export function validatorSource(): string {
  const ajv = new Ajv({ ...OPTIONS, allErrors: true, verbose: true });
  const exports: Record<string, string> = {};
  for (const [name, { schema, lists }] of Object.entries(SCHEMA_FILES) as [SchemaName, (typeof SCHEMA_FILES)[SchemaName]][]) {
    const root = rootSchema(schema, lists);
    ajv.addSchema(schema).addSchema(root);
    exports[exportName(name, 'root')] = root.$id;
    for (const key of lists) {
      const ref = (schema.properties[key] as { items: { $ref: string } }).items.$ref;
      exports[exportName(name, key)] = `${schema.$id}${ref}`;
    }
  }
  return standaloneCode(ajv, exports);
}
