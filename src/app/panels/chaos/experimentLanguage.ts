/**
 * Completion and checks for experiment JSON in Monaco, from the same JSON Schema that
 * validates experiment files (one schema per file type). The JSON language service keeps
 * one list of schemas for every editor on the page, so ours is merged into that list by
 * its URI (the Composer's message schema stays), and merged again whenever the editor
 * mounts or gains focus in case another editor replaced the list meanwhile.
 */
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { EXPERIMENT_JSON_SCHEMA, EXPERIMENT_SCHEMA_ID } from '../../../experiments/chaos/experimentSchema';

export const EXPERIMENT_MODEL_URI = 'inmemory://orrery/experiment.json';

export function registerExperimentSchema(modelUri = EXPERIMENT_MODEL_URI): void {
  const current = jsonDefaults.diagnosticsOptions;
  const schemas = current.schemas ?? [];
  if (schemas.some((s) => s.uri === EXPERIMENT_SCHEMA_ID && s.fileMatch?.includes(modelUri))) return;
  jsonDefaults.setDiagnosticsOptions({
    ...current,
    validate: true,
    enableSchemaRequest: false,
    schemas: [
      ...schemas.filter((s) => s.uri !== EXPERIMENT_SCHEMA_ID),
      { uri: EXPERIMENT_SCHEMA_ID, fileMatch: [modelUri], schema: EXPERIMENT_JSON_SCHEMA },
    ],
  });
}
