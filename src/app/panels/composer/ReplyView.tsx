import type { ErrorCode } from '../../../protocol/errors';
import type { AclMessage } from '../../../protocol/message';
import { prettyFipa, type DraftFormat } from './draftFormat';
import { SentView } from './SentView';

export type ComposerResult =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'waiting'; timeoutMs: number }
  | { kind: 'sent'; id: string }
  | { kind: 'reply'; message: AclMessage; ms: number }
  /** `code`: the registry code shown with the message (a form field's own check has none). */
  | { kind: 'error'; code?: ErrorCode; message: string };

function failureReason(message: AclMessage): string | null {
  if (message.performative !== 'failure') return null;
  const c = message.content;
  if (c && typeof c === 'object' && !Array.isArray(c) && typeof c.reason === 'string') return c.reason;
  return 'failure';
}

/** The composer's result area: what happened to the last send, or the reply that came back (its content, or in FIPA-ACL the whole message). */
export function ReplyView({ result, format = 'json' }: { result: ComposerResult; format?: DraftFormat }) {
  if (result.kind === 'idle') return <div role="status" className="composer-result composer-result-idle" />;
  if (result.kind === 'sent') return <SentView id={result.id} />;
  if (result.kind === 'error') {
    return (
      <div role="alert" className="alert alert-error composer-result">
        {result.code && <span className="notice-code mono">{result.code}</span>} {result.message}
      </div>
    );
  }
  let body;
  let tone = 'alert-ok';
  switch (result.kind) {
    case 'sending':
      body = 'Sending…';
      break;
    case 'waiting':
      body = `Waiting up to ${result.timeoutMs.toLocaleString()} ms for the reply…`;
      break;
    case 'reply': {
      const m = result.message;
      const reason = failureReason(m);
      if (reason) tone = 'alert-error';
      body = (
        <>
          <div>
            {reason ? (reason === 'timeout' ? 'No reply: timed out' : `Failed: ${reason}`) : 'Reply'}:{' '}
            <span className="mono">{m.performative}</span> from <span className="mono">{m.sender}</span>
            <span className="muted"> · {result.ms} ms</span>
          </div>
          <pre className="composer-reply mono">{format === 'fipa' ? prettyFipa(m) : JSON.stringify(m.content, null, 2)}</pre>
        </>
      );
      break;
    }
  }
  return (
    <div role="status" className={`alert ${tone} composer-result`}>
      {body}
    </div>
  );
}
