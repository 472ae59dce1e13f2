/**
 * The same experiment as JSON, with completion and squiggles from the experiment JSON
 * Schema: edit it and apply. Problems are listed with their paths.
 */
import { ExperimentSchemaError, parseExperiment } from '../../../experiments/chaos/parseExperiment';
import type { Experiment } from '../../../experiments/chaos/types';
import { SchemaJsonEditor, type ReadResult } from '../../ui/SchemaJsonEditor';
import { EXPERIMENT_MODEL_URI, registerExperimentSchema } from './experimentLanguage';

function readExperiment(text: string): ReadResult<Experiment> {
  try {
    return { ok: true, value: parseExperiment(text) };
  } catch (e) {
    if (e instanceof ExperimentSchemaError)
      return { ok: false, refusal: { summary: e.message.split('\n')[0]!, problems: e.problems, hint: e.hint } };
    return { ok: false, refusal: { summary: 'The JSON could not be applied:', problems: [e instanceof Error ? e.message : String(e)] } };
  }
}

export function ExperimentJson({ experiment, onApply }: { experiment: Experiment; onApply(e: Experiment): void }) {
  return (
    <SchemaJsonEditor
      value={experiment}
      read={readExperiment}
      onApply={onApply}
      modelUri={EXPERIMENT_MODEL_URI}
      registerSchema={registerExperimentSchema}
      groupLabel="Experiment JSON editor"
      textboxLabel="Experiment JSON"
    />
  );
}
