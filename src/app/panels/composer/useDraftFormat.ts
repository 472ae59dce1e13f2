/**
 * The Composer's format switch: the form the editor's text is in, switching it (the draft
 * converted, or each form's text given back while unchanged), and text from elsewhere
 * (templates, history) put into the current form.
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import { convertDraft, formatOf, FORMAT_LABEL, switchFormat, type DraftFormat, type FormMemory } from './draftFormat';

interface EditorHandle {
  getText(): string;
  replaceText(text: string, source: string): void;
  setLanguage(format: DraftFormat): void;
  checkNow(): void;
}

/** `formatRef` (starting at JSON, like the state) is shared with the editor's checks and with Send, which outlive a render. */
export function useDraftFormat(editor: EditorHandle, formatRef: RefObject<DraftFormat>, onRefused: (message: string) => void) {
  const [format, setFormatState] = useState<DraftFormat>('json');
  const memory = useRef<FormMemory>({});

  const show = useCallback(
    (next: DraftFormat, text: string, source: string) => {
      formatRef.current = next;
      setFormatState(next);
      editor.setLanguage(next);
      editor.replaceText(text, source);
      editor.checkNow();
    },
    [editor, formatRef],
  );

  const switchTo = useCallback(
    (next: DraftFormat) => {
      const from = formatRef.current;
      if (next === from) return;
      const switched = switchFormat(memory.current, from, next, editor.getText());
      if (!switched.ok) return onRefused(`Not switched to ${FORMAT_LABEL[next]}: ${switched.message}`);
      memory.current = switched.memory;
      show(next, switched.text, 'format');
    },
    [editor, formatRef, onRefused, show],
  );

  /** A JSON template in the current form (as JSON when it cannot be converted). */
  const insertJson = useCallback(
    (json: string, source: string) => {
      const converted = convertDraft(json, 'json', formatRef.current);
      show(converted.ok ? formatRef.current : 'json', converted.ok ? converted.text : json, source);
    },
    [formatRef, show],
  );

  /** Text as it was sent, in whichever form it was written: the editor switches to that form. */
  const insertAsWritten = useCallback((text: string, source: string) => show(formatOf(text), text, source), [show]);

  return { format, switchTo, insertJson, insertAsWritten };
}
