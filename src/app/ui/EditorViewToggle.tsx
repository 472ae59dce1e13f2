export type EditorView = 'form' | 'json';

/** A lab file's two views, as a pair of pressed/unpressed buttons named "Form" and "JSON". */
export function EditorViewToggle({ view, onChange }: { view: EditorView; onChange(view: EditorView): void }) {
  return (
    <div className="lab-toggle" role="group" aria-label="Editor view">
      <button type="button" className="btn btn-small" aria-pressed={view === 'form'} onClick={() => onChange('form')}>
        Form
      </button>
      <button type="button" className="btn btn-small" aria-pressed={view === 'json'} onClick={() => onChange('json')}>
        JSON
      </button>
    </div>
  );
}
