/**
 * Send and Send and wait: both parse the text once and hand the registry the same draft
 * (the parsed object); the history keeps the text as written.
 */
import { useCallback, useState } from 'react';
import { useActions } from '../../actions/ActionsContext';
import { APP_ERRORS } from '../../errors';
import { useWorkbenchStore } from '../../store/WorkbenchContext';
import type { ComposerHistoryEntry } from './composerSlice';
import { parseDraft, receiverText, type ParsedDraft } from './draftText';
import type { ComposerResult } from './ReplyView';

export const DEFAULT_TIMEOUT_MS = 5000;

export function useComposerSend(getText: () => string) {
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

  const sendText = useCallback(
    async (text: string) => {
      const parsed = parseDraft(text);
      if (!parsed.ok) return setResult({ kind: 'error', code: parsed.code, message: parsed.message });
      setResult({ kind: 'sending' });
      const outcome = await actions.run('message.send', { draft: parsed.draft });
      if (!outcome.ok) return setResult({ kind: 'error', code: 'ORR403', message: APP_ERRORS.ORR403(outcome.error) });
      if (outcome.send && !outcome.send.ok)
        return setResult({ kind: 'error', code: 'ORR403', message: APP_ERRORS.ORR403(outcome.send.error) });
      const id = outcome.send?.ok ? outcome.send.id : '';
      record(parsed, 'send', id);
      setResult({ kind: 'sent', id });
    },
    [actions, record],
  );

  const sendAndWait = useCallback(async () => {
    const parsed = parseDraft(getText());
    if (!parsed.ok) return setResult({ kind: 'error', code: parsed.code, message: parsed.message });
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
  }, [actions, getText, record, timeoutMs]);

  const send = useCallback(() => sendText(getText()), [getText, sendText]);
  const busy = result.kind === 'sending' || result.kind === 'waiting';
  return { result, setResult, timeoutMs, setTimeoutMs, busy, send, sendText, sendAndWait };
}
