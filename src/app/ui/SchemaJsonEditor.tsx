/**
 * A lab file as JSON in Monaco, with completion and squiggles from its JSON Schema: edit it
 * and apply. A file that does not read is refused with every problem and its field path;
 * what was typed stays. When the value changes underneath (the form, a ready scenario), the
 * editor shows the new JSON.
 */
import Editor from '@monaco-editor/react';
import { useMemo, useState } from 'react';
import { setupMonaco } from '../monaco/setupMonaco';
import { useWorkbench } from '../store/WorkbenchContext';
import { ProblemList, type Refusal } from './ProblemList';

setupMonaco();

const EDITOR_OPTIONS = {
  minimap: { enabled: false },
  fontSize: 12,
  lineNumbers: 'on',
  scrollBeyondLastLine: false,
  automaticLayout: true,
  tabSize: 2,
  fixedOverflowWidgets: true,
  quickSuggestions: { strings: true, other: true, comments: false },
  suggestOnTriggerCharacters: true,
} as const;

export type ReadResult<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export interface SchemaJsonEditorProps<T> {
  value: T;
  read(text: string): ReadResult<T>;
  onApply(value: T): void;
  /** The Monaco model's URI, which the schema registration matches. */
  modelUri: string;
  registerSchema(): void;
  /** Accessible names: the editor's group ("Load JSON editor") and its text box ("Load experiment JSON"). */
  groupLabel: string;
  textboxLabel: string;
}

export function SchemaJsonEditor<T>({
  value,
  read,
  onApply,
  modelUri,
  registerSchema,
  groupLabel,
  textboxLabel,
}: SchemaJsonEditorProps<T>) {
  const theme = useWorkbench((s) => s.theme);
  const options = useMemo(() => ({ ...EDITOR_OPTIONS, ariaLabel: textboxLabel }), [textboxLabel]);
  const original = JSON.stringify(value, null, 2);
  const [text, setText] = useState(original);
  const [base, setBase] = useState(original);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  if (base !== original) {
    setBase(original);
    setText(original);
    setRefusal(null);
  }
  const apply = () => {
    const result = read(text);
    if (result.ok) {
      setRefusal(null);
      onApply(result.value);
    } else setRefusal(result.refusal);
  };
  return (
    <div className="lab-json">
      <div className="lab-json-editor" role="group" aria-label={groupLabel}>
        <Editor
          defaultLanguage="json"
          path={modelUri}
          value={text}
          onChange={(next) => setText(next ?? '')}
          onMount={(editor) => {
            registerSchema();
            editor.onDidFocusEditorText(() => registerSchema());
          }}
          theme={theme === 'dark' ? 'orrery-dark' : 'orrery-light'}
          loading={<p className="muted pad">Loading editor…</p>}
          options={options}
        />
      </div>
      <div className="button-row">
        <button type="button" className="btn btn-small" onClick={apply} disabled={text === original}>
          Apply JSON
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setText(original)} disabled={text === original}>
          Revert
        </button>
      </div>
      {refusal && <ProblemList refusal={refusal} label="JSON problems" />}
    </div>
  );
}
