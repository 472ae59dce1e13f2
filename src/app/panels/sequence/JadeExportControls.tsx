/** "Export conversation as JADE log": the chosen conversation (or every message shown) downloaded in JADE's string form. */
import './sequence.css';
import { useMemo, useState } from 'react';
import { useWorkbenchStore } from '../../store/WorkbenchContext';
import { downloadText } from '../../ui/download';
import { plural } from '../../ui/format';
import { useOpenRecordingHeader } from '../replay/PlaybackContext';
import { conversationIds, jadeExport, kernelEpoch } from './jadeExport';

const ALL = '';

interface Props {
  /** The log's version: the rows change in place. */
  version: number;
  hidden: ReadonlySet<string>;
}

export function JadeExportControls({ version, hidden }: Props) {
  const store = useWorkbenchStore();
  const [chosen, setChosen] = useState(ALL);
  const [status, setStatus] = useState('');
  const header = useOpenRecordingHeader();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- rows change in place: version is their content
  const ids = useMemo(() => conversationIds(store.getState().rows), [version, store]);

  const exportLog = () => {
    const rows = store.getState().rows;
    const timeOrigin = kernelEpoch(header);
    const out = jadeExport(rows, { ...(chosen === ALL ? { hidden } : { conversationId: chosen }), timeOrigin });
    if (out.count === 0) return setStatus('Nothing to export: no messages between the sniffed agents.');
    downloadText(out.fileName, out.text, 'text/plain');
    setStatus(`Exported ${plural(out.count, 'message')} as ${out.fileName}.`);
  };

  return (
    <div className="sequence-export">
      <select
        className="input"
        aria-label="Conversation to export"
        value={ids.includes(chosen) ? chosen : ALL}
        onChange={(e) => setChosen(e.target.value)}
      >
        <option value={ALL}>All shown messages</option>
        {ids.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-small" onClick={exportLog}>
        Export conversation as JADE log
      </button>
      <span role="status" aria-label="Export status" className="muted small">
        {status}
      </span>
    </div>
  );
}
