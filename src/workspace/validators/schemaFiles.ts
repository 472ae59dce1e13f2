/**
 * Which validators exist for each file schema and what they are called: shared by the
 * generator (development time) and by `schemaProblems.ts` (run time), with no ajv in it.
 */
import { SCENARIO_SCHEMA } from '../scenarioSchema';
import { WORKSPACE_SCHEMA_V1, WORKSPACE_SCHEMA_V2 } from '../schema';

export type SchemaName = 'workspace-v1' | 'workspace-v2' | 'scenario';

export interface FileSchema {
  $id: string;
  properties: Readonly<Record<string, unknown>>;
}

/** Each schema, with the array fields whose items are checked one at a time. */
export const SCHEMA_FILES: Record<SchemaName, { schema: FileSchema; lists: readonly string[] }> = {
  'workspace-v1': { schema: WORKSPACE_SCHEMA_V1, lists: ['agents', 'links'] },
  'workspace-v2': { schema: WORKSPACE_SCHEMA_V2, lists: ['nodes', 'links', 'modules', 'experiments', 'loads'] },
  scenario: { schema: SCENARIO_SCHEMA, lists: [] },
};

/** Export name of a validator: `v2Root`, `v2Nodes`, `v1Agents`, `scenarioRoot`, ... */
export function exportName(schema: SchemaName, part: string): string {
  const stem = schema === 'scenario' ? 'scenario' : schema.replace('workspace-', '');
  return `${stem}${part[0]!.toUpperCase()}${part.slice(1)}`;
}

/** The root schema of the detailed pass: the long lists only as arrays with a maximum. */
export function rootSchema(schema: FileSchema, lists: readonly string[]): FileSchema {
  const properties = { ...schema.properties };
  for (const key of lists) properties[key] = { type: 'array', maxItems: (schema.properties[key] as { maxItems: number }).maxItems };
  return { ...schema, $id: schema.$id.replace(/\.json$/, '.root.json'), properties };
}
