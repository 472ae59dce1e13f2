/**
 * Completion and checks for load files in Monaco, from the JSON Schema that validates them.
 * The JSON language service keeps one list of schemas for every editor on the page: ours is
 * merged into it by URI, again whenever the editor mounts or gains focus (see the Chaos tab's
 * experimentLanguage.ts for why).
 */
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { LOAD_JSON_SCHEMA, LOAD_SCHEMA_ID } from '../../../experiments/load/experiment';

export const LOAD_MODEL_URI = 'inmemory://orrery/load.json';

export function registerLoadSchema(modelUri = LOAD_MODEL_URI): void {
  const current = jsonDefaults.diagnosticsOptions;
  const schemas = current.schemas ?? [];
  if (schemas.some((s) => s.uri === LOAD_SCHEMA_ID && s.fileMatch?.includes(modelUri))) return;
  jsonDefaults.setDiagnosticsOptions({
    ...current,
    validate: true,
    enableSchemaRequest: false,
    schemas: [...schemas.filter((s) => s.uri !== LOAD_SCHEMA_ID), { uri: LOAD_SCHEMA_ID, fileMatch: [modelUri], schema: LOAD_JSON_SCHEMA }],
  });
}
