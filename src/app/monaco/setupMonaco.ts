/**
 * Monaco, bundled: the bare editor API, only the features the composer uses, the JSON
 * language registered explicitly, workers built by Vite (`?worker`), and
 * `loader.config({ monaco })` so @monaco-editor/react never fetches from a CDN.
 * Importing all of `monaco-editor` would triple the bundle.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
// features/suggest/register only brings inline completions; the suggest widget itself
// (what opens the completion list) is this controller.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { loader } from '@monaco-editor/react';

let done = false;

export function setupMonaco(): typeof monaco {
  if (done) return monaco;
  done = true;
  globalThis.MonacoEnvironment = {
    getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
  };
  monaco.editor.defineTheme('orrery-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [],
    colors: { 'editor.background': '#12161c', 'editorGutter.background': '#12161c' },
  });
  monaco.editor.defineTheme('orrery-light', {
    base: 'vs',
    inherit: true,
    rules: [],
    colors: { 'editor.background': '#ffffff' },
  });
  loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] });
  return monaco;
}

export type Monaco = typeof monaco;
