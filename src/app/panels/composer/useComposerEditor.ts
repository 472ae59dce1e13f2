/**
 * The Composer's Monaco editor: mounting (Ctrl+Enter sends), problems as markers (the
 * kernel's validation plus the addressing checks against the live network) mirrored in
 * the problems line, and text replacement that keeps the user's undo history.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { OnMount } from '@monaco-editor/react';
import type { Monaco } from '../../monaco/setupMonaco';
import type { NetworkView } from './checkAddressing';
import { retargetFipa, type DraftFormat } from './draftFormat';
import { retarget } from './draftText';
import { markDraftProblems, markFipaProblems } from './messageLanguage';

type MonacoEditor = Parameters<OnMount>[0];

export interface Problem {
  line: number;
  column: number;
  message: string;
}

const CHECK_DELAY_MS = 120;

/**
 * `submit` is read when Ctrl+Enter is pressed (the send function is made after the editor);
 * `format` says which form the text is in (JSON, with Monaco's JSON language, or FIPA-ACL, plain text).
 */
export function useComposerEditor(
  network: NetworkView,
  selected: string | null,
  submit: RefObject<() => void>,
  format: RefObject<DraftFormat>,
) {
  const editorRef = useRef<MonacoEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const checkRef = useRef<() => void>(() => undefined);
  const networkRef = useRef(network);
  const [problems, setProblems] = useState<Problem[]>([]);

  // A node that comes or goes can make or settle a problem: check again.
  useEffect(() => {
    networkRef.current = network;
    checkRef.current();
  }, [network]);

  const onMount: OnMount = (editor, monacoApi) => {
    editorRef.current = editor;
    const monaco = monacoApi as unknown as Monaco;
    monacoRef.current = monaco;
    editor.addCommand(monacoApi.KeyMod.CtrlCmd | monacoApi.KeyCode.Enter, () => submit.current());
    const model = editor.getModel();
    if (!model) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    checkRef.current = () => (format.current === 'fipa' ? markFipaProblems : markDraftProblems)(monaco, model as never, networkRef.current);
    checkRef.current();
    editor.onDidChangeModelContent(() => {
      clearTimeout(timer);
      timer = setTimeout(() => checkRef.current(), CHECK_DELAY_MS);
    });
    const showMarkers = () =>
      setProblems(
        monaco.editor
          .getModelMarkers({ resource: model.uri })
          .filter((mk) => mk.severity >= monaco.MarkerSeverity.Warning)
          .map((mk) => ({ line: mk.startLineNumber, column: mk.startColumn, message: mk.message })),
      );
    const sub = monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((u) => u.toString() === model.uri.toString())) showMarkers();
    });
    editor.onDidDispose(() => {
      clearTimeout(timer);
      sub.dispose();
      checkRef.current = () => undefined;
    });
  };

  const replaceText = useCallback((text: string, source: string) => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    editor.pushUndoStop();
    editor.executeEdits(source, [{ range: model.getFullModelRange(), text }]);
    editor.pushUndoStop();
  }, []);

  // Selecting an agent points the draft at it (keeping the user's undo history).
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || !selected) return;
    const next = format.current === 'fipa' ? retargetFipa(model.getValue(), selected) : retarget(model.getValue(), selected);
    if (next !== null) replaceText(next, 'retarget');
  }, [selected, replaceText, format]);

  /** The text is to be in `next` form: the model's language follows (Monaco's JSON checks only JSON). */
  const setLanguage = useCallback((next: DraftFormat) => {
    const model = editorRef.current?.getModel();
    if (model && monacoRef.current) monacoRef.current.editor.setModelLanguage(model, next === 'fipa' ? 'plaintext' : 'json');
  }, []);
  const checkNow = useCallback(() => checkRef.current(), []);

  const getText = useCallback(() => editorRef.current?.getValue() ?? '', []);
  const focus = useCallback(() => editorRef.current?.focus(), []);
  return { onMount, problems, replaceText, getText, focus, setLanguage, checkNow };
}
