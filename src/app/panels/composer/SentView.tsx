import { useWorkbench } from '../../store/WorkbenchContext';
import { fateOf, rowOf } from './messageFate';

/** After Send: what happened to the message (on its way, delivered, or not and why), not just "sent". */
export function SentView({ id }: { id: string }) {
  // The row object is replaced when its outcome changes, so this re-renders exactly then.
  const fate = fateOf(useWorkbench((s) => rowOf(s, id)));
  const deadLettered = useWorkbench((s) => s.deadLetterRows.some((r) => r.messageId === id));
  const tag = id ? <span className="mono">{id}</span> : null;
  if (fate.state === 'not-delivered') {
    return (
      <div role="status" className="alert alert-error composer-result">
        Not delivered to <span className="mono">{fate.to}</span> ({tag}): {fate.reason}.
        {fate.deadLettered || deadLettered ? ' It is in Dead letters.' : ' The kernel answered you with a failure.'}
      </div>
    );
  }
  return (
    <div role="status" className="alert alert-ok composer-result">
      {fate.state === 'delivered' ? (
        <>
          Delivered to <span className="mono">{fate.to}</span> ({tag}). Replies appear in the Log tab.
        </>
      ) : (
        <>Sent as {tag}, on its way…</>
      )}
    </div>
  );
}
