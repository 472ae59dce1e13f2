/**
 * The dead-letter queue: every message that could not be delivered, with its receiver,
 * reason and time (projected from `message.dead-lettered` events; the kernel's own queue
 * fills in what happened before this page connected).
 */
import { useEffect, useState } from 'react';
import type { DeadLetter } from '../../../kernel/types';
import { useWorkbench, useWorkbenchStore } from '../../store/WorkbenchContext';
import { formatTime } from '../../ui/format';
import '../chaos/chaos.css';

const SHOWN = 300;

export default function DeadLettersPanel() {
  const store = useWorkbenchStore();
  const rows = useWorkbench((s) => s.deadLetterRows);
  const total = useWorkbench((s) => s.deadLetters);
  const [earlier, setEarlier] = useState<DeadLetter[]>([]);
  useEffect(() => {
    let live = true;
    store.api.deadLetters?.().then(
      (list) => live && setEarlier(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [store]);
  const seen = new Set(rows.map((r) => `${r.messageId}>${r.to}`));
  const before = earlier
    .filter((d) => !seen.has(`${d.message.id}>${d.to}`))
    .map((d) => ({
      key: `k-${d.message.id}>${d.to}`,
      t: d.t,
      id: d.message.id,
      performative: d.message.performative,
      sender: d.message.sender,
      to: d.to,
      reason: d.reason,
      detail: d.detail,
    }));
  const after = rows.map((r) => ({
    key: `e-${r.seq}`,
    t: r.t,
    id: r.messageId,
    performative: r.performative,
    sender: r.sender,
    to: r.to,
    reason: r.reason,
    detail: r.detail,
  }));
  const all = [...before, ...after].reverse().slice(0, SHOWN);
  return (
    <div className="lab-dlq">
      <p className="small muted pad">
        {total === 0
          ? 'No dead letters: every message was delivered or answered with a failure.'
          : `${total} message${total === 1 ? '' : 's'} could not be delivered; newest first.`}
      </p>
      {all.length > 0 && (
        <table className="lab-table lab-dlq-table" aria-label="Dead letters">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Message</th>
              <th scope="col">Sender</th>
              <th scope="col">Receiver</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {all.map((d) => (
              <tr key={d.key}>
                <td className="mono">{formatTime(d.t)}</td>
                <td className="mono">
                  {d.id} {d.performative}
                </td>
                <td className="mono">{d.sender}</td>
                <td className="mono">{d.to}</td>
                <td>
                  <span className="lab-reason">{d.reason}</span>
                  {d.detail && <span className="muted small"> {d.detail}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
