/**
 * The Composer's two forms of one draft, JSON and the FIPA-ACL string (pure, no editor):
 * reading either into a draft, converting between them, and remembering the text of each
 * form across switches so switching back to an unchanged draft gives back what was written.
 */
import { encodeFipa, parseFipa } from '../../../protocol/fipaString';
import { tokenize } from '../../../protocol/fipaTokens';
import type { MessageDraft } from '../../../protocol/message';
import { validateDraft } from '../../../protocol/validate';
import { parseDraft, type ParsedDraft } from './draftText';

export type DraftFormat = 'json' | 'fipa';

export const FORMAT_LABEL: Record<DraftFormat, string> = { json: 'JSON', fipa: 'FIPA-ACL' };

/** A problem at a place in the text: offsets for the editor's marker, line and column for people. */
export interface TextProblem {
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
}

export type ReadDraft = ({ ok: true } & ParsedDraft) | { ok: false; problem: TextProblem };

/** History entries keep the text as written: a FIPA-ACL message starts with "(", a JSON draft never does. */
export function formatOf(text: string): DraftFormat {
  return text.trimStart().startsWith('(') ? 'fipa' : 'json';
}

/** 1-based line and column of `offset` in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

function problemAt(text: string, message: string, start: number, end = start + 1): TextProblem {
  const { line, column } = positionOf(text, start);
  return { message, start, end: Math.max(end, start + 1), line, column };
}

/** The envelope field → its FIPA parameter (`conversation_id` → `conversation-id`). */
const paramOf = (field: string) => field.replace(/\[.*$/, '').split('.')[0]!.replace(/_/g, '-');

/** Where a parse error points: the offset it names, else the parameter it is about, else the start. */
function fipaErrorRange(text: string, field: string, got: string): { start: number; end: number } {
  const offset = /at offset (\d+)/.exec(got);
  if (offset) {
    const start = Number(offset[1]);
    const word = /^[^\s()]+|^./.exec(text.slice(start))?.[0] ?? '';
    return { start, end: start + word.length };
  }
  const at = text.search(new RegExp(`:${paramOf(field)}(?=[\\s()"]|$)`, 'i'));
  if (at >= 0) return { start: at, end: at + paramOf(field).length + 1 };
  const first = text.search(/\S/);
  return { start: Math.max(0, first), end: Math.max(0, first) + 1 };
}

/** The range of a field's parameter in FIPA-ACL text (for warnings about a valid draft). */
export function locateParam(text: string, field: string): { start: number; end: number } {
  return fipaErrorRange(text, field, '');
}

/** Reads FIPA-ACL text into a draft the kernel accepts, or the problem with its place. */
export function readFipa(text: string): ReadDraft {
  const result = parseFipa(text);
  if (!result.ok) {
    const { start, end } = fipaErrorRange(text, result.error.field, result.error.got);
    return { ok: false, problem: problemAt(text, `FIPA-ACL: ${result.error.message}`, start, end) };
  }
  return { ok: true, text, draft: result.draft as ParsedDraft['draft'] };
}

/** Reads the text in its form; a JSON draft is only parsed (the kernel validates it on sending, as before). */
export function readDraftText(text: string, format: DraftFormat): ReadDraft {
  if (format === 'fipa') return readFipa(text);
  const parsed = parseDraft(text);
  if (parsed.ok) return parsed;
  return { ok: false, problem: problemAt(text, parsed.message, Math.max(0, text.search(/\S/))) };
}

/** The orrery string form, one parameter a line (what `encodeFipa` writes on one line). */
export function prettyFipa(draft: MessageDraft): string {
  const text = encodeFipa(draft);
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return text;
  let depth = 0;
  let out = '';
  let from = 0;
  for (const token of tokens) {
    if (token.kind === '(') depth++;
    else if (token.kind === ')') depth--;
    else if (depth === 1 && token.kind === 'word' && token.text.startsWith(':')) {
      out += `${text.slice(from, token.at).trimEnd()}\n  `;
      from = token.at;
    }
  }
  return out + text.slice(from);
}

export type Converted = { ok: true; text: string } | { ok: false; message: string };

/** The same draft in the other form; a draft the kernel would refuse cannot be shown in the string form. */
export function convertDraft(text: string, from: DraftFormat, to: DraftFormat): Converted {
  if (from === to) return { ok: true, text };
  const read = readDraftText(text, from);
  if (!read.ok) return { ok: false, message: `${read.problem.message} (line ${read.problem.line}, column ${read.problem.column})` };
  if (to === 'json') return { ok: true, text: JSON.stringify(read.draft, null, 2) };
  const checked = validateDraft(read.draft);
  if (!checked.ok) return { ok: false, message: `Kernel: ${checked.error.message}` };
  return { ok: true, text: prettyFipa(checked.draft) };
}

/** The text each form showed at the last switch. */
export type FormMemory = Partial<Record<DraftFormat, string>>;

export type Switched = { ok: true; text: string; memory: FormMemory } | { ok: false; message: string };

/**
 * Switch the draft `text` (in `from`) to `to`. When the text is what the last switch left in
 * `from`, the text `to` had then comes back as it was written; otherwise the draft is converted.
 */
export function switchFormat(memory: FormMemory, from: DraftFormat, to: DraftFormat, text: string): Switched {
  if (from === to) return { ok: true, text, memory };
  const remembered = memory[to];
  if (remembered !== undefined && memory[from] === text) return { ok: true, text: remembered, memory };
  const converted = convertDraft(text, from, to);
  if (!converted.ok) return converted;
  return { ok: true, text: converted.text, memory: { [from]: text, [to]: converted.text } };
}

/** Point the draft at `receiver`: null when the text cannot be read or already names it. */
export function retargetFipa(text: string, receiver: string): string | null {
  const read = readFipa(text);
  if (!read.ok || read.draft.receiver === receiver) return null;
  return prettyFipa({ ...(read.draft as MessageDraft), receiver });
}
