import { useMemo, useState, type ReactNode } from 'react';
import { useWorkbench, useWorkbenchStore, useWorkbenchWhile } from '../../store/WorkbenchContext';
import { usePanelActive } from '../../shell/usePanelActive';
import { LogRowView, ROW_HEIGHT } from './LogRowView';
import { LogToolbar } from './LogToolbar';
import { createRowModel, isFilterEmpty, rowAt } from './rowModel';
import { useLogWindow } from './useLogWindow';
import { useMessageInterest } from '../../store/useMessageInterest';

/**
 * The message log: a window of fixed-height rows over the store's append-only rows. Work
 * per publish is the new rows (filtered once each) and the rows in view; hidden (another
 * dock tab shown), it reads nothing from the store and catches up when shown.
 */
export function MessageLog() {
  const active = usePanelActive();
  const store = useWorkbenchStore();
  useMessageInterest(active);
  // The rows change in place; their version is what re-renders the log, and only while shown.
  useWorkbenchWhile(active, (s) => s.logVersion);
  const { rows, droppedRows: liveDropped } = store.getState();
  const filter = useWorkbench((s) => s.logFilter);
  const detailKey = useWorkbench((s) => s.detailKey);
  const showMessage = useWorkbench((s) => s.showMessage);
  const model = useMemo(() => createRowModel(), []);

  // Paused: the view ends where it was; new rows wait (the store keeps them).
  const [frozenAt, setFrozenAt] = useState<number | null>(null);
  const total = liveDropped + rows.length;
  const buffered = frozenAt === null ? 0 : total - frozenAt;
  const view = model.view(rows, liveDropped, filter, frozenAt ?? undefined);
  const dropped = liveDropped;

  const { scroller, onScroll, first, last } = useLogWindow(active, view.length);

  const padTop = first * ROW_HEIGHT;
  const padBottom = (view.length - last) * ROW_HEIGHT;
  // Keyed by place in the window, not by message: while the log follows a busy stream
  // every row in view is new at each publish, and rows keyed by message were all torn down
  // and built again (~30 rows of elements, each restyled, a few times a second). By place,
  // the same row elements take the new rows' text.
  const shown: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    const row = rowAt(view, index);
    if (!row) continue;
    shown.push(<LogRowView key={index - first} row={row} rowIndex={index + 2} open={row.key === detailKey} onOpen={showMessage} />);
  }

  return (
    <div className="log">
      <LogToolbar paused={frozenAt !== null} buffered={buffered} onTogglePause={() => setFrozenAt((f) => (f === null ? total : null))} />
      <div className="log-scroll" ref={scroller} onScroll={onScroll}>
        <LogTable length={view.length} padTop={padTop} padBottom={padBottom}>
          {shown}
        </LogTable>
        {view.length === 0 && (
          <p className="muted pad">
            {total === 0 ? 'No messages yet. Send one from the Composer tab.' : 'No message matches the filters.'}
          </p>
        )}
      </div>
      <div className="log-footer muted">
        {isFilterEmpty(filter)
          ? `${view.length.toLocaleString()} messages shown`
          : `${view.length.toLocaleString()} of ${(Math.min(frozenAt ?? total, total) - dropped).toLocaleString()} messages match`}
        {dropped > 0 && ` · ${dropped.toLocaleString()} older rows dropped from view`}
        {frozenAt !== null && ` · paused at ${frozenAt.toLocaleString()} of ${total.toLocaleString()}`}
      </div>
      <SampledNote />
    </div>
  );
}

/** Under load the kernel worker sends only a sample of the messages: say so, with the numbers. */
function SampledNote() {
  const shown = useWorkbench((s) => s.messageSample.shown);
  const total = useWorkbench((s) => s.messageSample.total);
  if (shown >= total) return null;
  const text = `Showing ${shown.toLocaleString()} of ${total.toLocaleString()} messages (sampled)`;
  return (
    // A note, not a live region: its numbers change several times a second under load.
    <p role="note" aria-label={text} className="log-sampled muted">
      {text}: under load the log shows a sample; counts and rates on the canvas include every message.
    </p>
  );
}

/** The table's frame: columns, header, and spacers standing for the rows out of view. */
function LogTable({ length, padTop, padBottom, children }: { length: number; padTop: number; padBottom: number; children: ReactNode }) {
  return (
    <table className="log-table" aria-label="Message log" aria-rowcount={length + 1}>
      <colgroup>
        <col className="col-time" />
        <col className="col-perf" />
        <col className="col-party" />
        <col className="col-party" />
        <col className="col-conv" />
        <col className="col-content" />
        <col className="col-outcome" />
      </colgroup>
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col">Time</th>
          <th scope="col">Performative</th>
          <th scope="col">Sender</th>
          <th scope="col">Receiver</th>
          <th scope="col">Conversation</th>
          <th scope="col">Content</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {padTop > 0 && (
          <tr className="log-spacer" aria-hidden="true" style={{ height: padTop }}>
            <td colSpan={7} />
          </tr>
        )}
        {children}
        {padBottom > 0 && (
          <tr className="log-spacer" aria-hidden="true" style={{ height: padBottom }}>
            <td colSpan={7} />
          </tr>
        )}
      </tbody>
    </table>
  );
}
