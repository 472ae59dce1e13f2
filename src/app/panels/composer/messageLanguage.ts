/**
 * The composer's language support on top of Monaco's JSON mode: the message schema
 * (rebuilt as nodes come and go) and the kernel's own validation as markers.
 */
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { validateDraft } from '../../../protocol/validate';
import { buildMessageSchema, MESSAGE_SCHEMA_URI, type NetworkNames } from './messageSchema';
import { locateField, locateKey } from './locateField';
import type { Monaco } from '../../monaco/setupMonaco';

type Model = ReturnType<Monaco['editor']['createModel']>;

export const KERNEL_MARKER_OWNER = 'orrery-kernel';
let lastKey = '';

/** Point the JSON language service at the message schema for `modelUri`. Cheap when nothing changed. */
export function configureMessageSchema(modelUri: string, names: NetworkNames): void {
  const schema = buildMessageSchema(names);
  const key = `${modelUri}|${JSON.stringify(schema)}`;
  if (key === lastKey) return;
  lastKey = key;
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemaValidation: 'error',
    trailingCommas: 'error',
    schemas: [{ uri: MESSAGE_SCHEMA_URI, fileMatch: [modelUri], schema }],
  });
}

/**
 * Run the kernel's validation on the text and show its error (if any) as a marker. Text
 * that is not JSON is left to the JSON worker, which marks the syntax error precisely.
 */
export function markKernelProblems(monaco: Monaco, model: Model): string | null {
  const text = model.getValue();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    monaco.editor.setModelMarkers(model, KERNEL_MARKER_OWNER, []);
    return null;
  }
  const result = validateDraft(parsed);
  if (result.ok) {
    monaco.editor.setModelMarkers(model, KERNEL_MARKER_OWNER, []);
    return null;
  }
  const { field, message } = result.error;
  const unknownKey = /unknown field|no such field/.test(result.error.got + result.error.expected);
  const range = (unknownKey ? locateKey(text, field) : null) ?? locateField(text, field);
  const start = model.getPositionAt(range.start);
  const end = model.getPositionAt(range.end);
  monaco.editor.setModelMarkers(model, KERNEL_MARKER_OWNER, [
    {
      severity: monaco.MarkerSeverity.Error,
      message: `Kernel: ${message}`,
      source: 'orrery',
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    },
  ]);
  return message;
}
