/**
 * The composer's language support on top of Monaco's JSON mode: the message schema
 * (rebuilt as nodes come and go), the kernel's own validation as error markers, and the
 * addressing checks (unknown receiver, a performative the receiver does not accept) as
 * warnings.
 */
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { validateDraft } from '../../../protocol/validate';
import { buildMessageSchema, MESSAGE_SCHEMA_URI, type NetworkNames } from './messageSchema';
import { addressingProblems, type NetworkView } from './checkAddressing';
import { locateField, locateKey, type TextRange } from './locateField';
import { locateParam, readFipa } from './draftFormat';
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

interface Mark {
  severity: 'error' | 'warning';
  message: string;
  range: TextRange;
}

function setMarks(monaco: Monaco, model: Model, marks: readonly Mark[]): void {
  monaco.editor.setModelMarkers(
    model,
    KERNEL_MARKER_OWNER,
    marks.map(({ severity, message, range }) => {
      const start = model.getPositionAt(range.start);
      const end = model.getPositionAt(range.end);
      return {
        severity: severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message,
        source: 'orrery',
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
      };
    }),
  );
}

/**
 * Run the kernel's validation on the text and show its error (if any) as a marker; a
 * well-formed draft is then checked against the live network. Text that is not JSON is
 * left to the JSON worker, which marks the syntax error precisely.
 */
export function markDraftProblems(monaco: Monaco, model: Model, network: NetworkView): void {
  const text = model.getValue();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return setMarks(monaco, model, []);
  }
  const result = validateDraft(parsed);
  if (result.ok) {
    const problems = addressingProblems(result.draft, network);
    return setMarks(
      monaco,
      model,
      problems.map((p) => ({ severity: 'warning', message: p.message, range: locateField(text, p.field) })),
    );
  }
  const { field, message } = result.error;
  const unknownKey = /unknown field|no such field/.test(result.error.got + result.error.expected);
  const range = (unknownKey ? locateKey(text, field) : null) ?? locateField(text, field);
  setMarks(monaco, model, [{ severity: 'error', message: `Kernel: ${message}`, range }]);
}

/** The same for the FIPA-ACL string form: a parse error at its place, then the addressing checks at their parameters. */
export function markFipaProblems(monaco: Monaco, model: Model, network: NetworkView): void {
  const text = model.getValue();
  const read = readFipa(text);
  if (!read.ok) return setMarks(monaco, model, [{ severity: 'error', message: read.problem.message, range: read.problem }]);
  const problems = addressingProblems(read.draft as Parameters<typeof addressingProblems>[0], network);
  setMarks(
    monaco,
    model,
    problems.map((p) => ({ severity: 'warning', message: p.message, range: locateParam(text, p.field) })),
  );
}
