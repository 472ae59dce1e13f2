/**
 * Send and Send and wait: both read the text once, in its form (JSON or FIPA-ACL), and hand
 * the registry the same draft; the history keeps the text as written. FIPA-ACL text that does
 * not parse is not sent: the problem, with its line and column, is in the problems list.
 */
import { useCallback, useState, type RefObject } from 'react';
import { useActions } from '../../actions/ActionsContext';
import { APP_ERRORS } from '../../errors';
import { useWorkbenchStore } from '../../store/WorkbenchContext';
import type { ComposerHistoryEntry } from './composerSlice';
import { formatOf, readDraftText, type DraftFormat } from './draftFormat';
import { receiverText, type ParsedDraft } from './draftText';
import type { ComposerResult } from './ReplyView';

export const DEFAULT_TIMEOUT_MS = 5000;

/** `format` is the editor's form; `onRefused` shows the problem in the editor at once. */
export function useComposerSend(getText: () => string, format: RefObject<DraftFormat>, onRefused: () => void) {
  const store = useWorkbenchStore();
  const actions = useActions();
  const [result, setResult] = useState<ComposerResult>({ kind: 'idle' });
  const [timeoutMs, setTimeoutMs] = useState(String(DEFAULT_TIMEOUT_MS));

  const record = useCallback(
    ({ text, draft }: ParsedDraft, mode: ComposerHistoryEntry['mode'], messageId?: string) => {
      store.getState().recordSent({
        text,
        performative: String(draft.performative ?? '?'),
        receiver: receiverText(draft.receiver),
        mode,
        sentAt: Date.now(),
        ...(messageId ? { messageId } : {}),
      });
    },
    [store],
  );

  /** The text read into a draft, or null when it was refused: JSON keeps its registry code (ORR404), FIPA-ACL says where. */
  const read = useCallback(
    (text: string, form: DraftFormat): ParsedDraft | null => {
      const parsed = readDraftText(text, form);
      if (parsed.ok) return parsed;
      const { line, column, message } = parsed.problem;
      setResult(
        form === 'json'
          ? { kind: 'error', code: 'ORR404', message }
          : { kind: 'error', message: `Not sent: ${message} (line ${line}, column ${column}).` },
      );
      if (form === format.current) onRefused();
      return null;
    },
    [format, onRefused],
  );

  const sendText = useCallback(
    async (text: string, form: DraftFormat = formatOf(text)) => {
      const parsed = read(text, form);
      if (!parsed) return;
      setResult({ kind: 'sending' });
      const outcome = await actions.run('message.send', { draft: parsed.draft });
      if (!outcome.ok) return setResult({ kind: 'error', code: 'ORR403', message: APP_ERRORS.ORR403(outcome.error) });
      if (outcome.send && !outcome.send.ok)
        return setResult({ kind: 'error', code: 'ORR403', message: APP_ERRORS.ORR403(outcome.send.error) });
      const id = outcome.send?.ok ? outcome.send.id : '';
      record(parsed, 'send', id);
      setResult({ kind: 'sent', id });
    },
    [actions, read, record],
  );

  const sendAndWait = useCallback(async () => {
    const parsed = read(getText(), format.current);
    if (!parsed) return;
    const ms = Number(timeoutMs);
    if (!Number.isFinite(ms) || ms <= 0) {
      return setResult({ kind: 'error', message: `Timeout (ms): expected a positive number, got "${timeoutMs}".` });
    }
    setResult({ kind: 'waiting', timeoutMs: ms });
    const started = performance.now();
    const outcome = await actions.run('message.request', { draft: parsed.draft, timeoutMs: ms });
    if (!outcome.ok) return setResult({ kind: 'error', code: 'ORR403', message: APP_ERRORS.ORR403(outcome.error) });
    record(parsed, 'request');
    if (outcome.reply) setResult({ kind: 'reply', message: outcome.reply, ms: Math.round(performance.now() - started) });
  }, [actions, format, getText, read, record, timeoutMs]);

  const send = useCallback(() => sendText(getText(), format.current), [format, getText, sendText]);
  const busy = result.kind === 'sending' || result.kind === 'waiting';
  return { result, setResult, timeoutMs, setTimeoutMs, busy, send, sendText, sendAndWait };
}
