/**
 * The same load file as JSON, with completion and squiggles from the load JSON Schema. A file
 * that is not valid is refused with every problem and its field path
 * (`experiment.scenarios.x.executor: …`).
 */
import { checkLoadExperiment } from '../../../experiments/load/experiment';
import type { Refusal } from '../../ui/ProblemList';
import { SchemaJsonEditor, type ReadResult } from '../../ui/SchemaJsonEditor';
import type { LoadDoc } from './loadDoc';
import { LOAD_MODEL_URI, registerLoadSchema } from './loadLanguage';

/** The text as a load file, or why not. */
export function readLoadText(text: string): { ok: true; doc: LoadDoc } | { ok: false; refusal: Refusal } {
  const checked = checkLoadExperiment(text);
  if (!checked.ok) {
    const e = checked.error;
    return { ok: false, refusal: { summary: e.message.split('\n')[0]!, problems: e.problems, hint: e.hint } };
  }
  return { ok: true, doc: JSON.parse(text) as LoadDoc };
}

function readDoc(text: string): ReadResult<LoadDoc> {
  const read = readLoadText(text);
  return read.ok ? { ok: true, value: read.doc } : read;
}

export function LoadJson({ doc, onApply }: { doc: LoadDoc; onApply(doc: LoadDoc): void }) {
  return (
    <SchemaJsonEditor
      value={doc}
      read={readDoc}
      onApply={onApply}
      modelUri={LOAD_MODEL_URI}
      registerSchema={registerLoadSchema}
      groupLabel="Load JSON editor"
      textboxLabel="Load experiment JSON"
    />
  );
}
