/**
 * "Continue from here": a simulation forked at the cursor (kv state and queues restored), kept
 * in the library as a recording of its own and opened at once.
 */
import { useState } from 'react';
import { errorText } from '../../errors';
import { CheckField } from '../../ui/fields';
import { useReplay } from './PlaybackContext';
import type { PlaybackView } from './playbackSession';
import { replayApiOf } from './replayApiOf';

export function ForkButton({ view }: { view: PlaybackView }) {
  const { live, services, session } = useReplay();
  const fork = replayApiOf(live, 'forkRecording');
  const [asRecorded, setAsRecorded] = useState(true);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  if (!fork) return null;
  const seq = Math.max(view.position.seq, view.position.first);

  const run = async () => {
    setBusy(true);
    setStatus(`Forking at event ${seq}…`);
    try {
      const outcome = await fork.forkRecording(view.recording, seq, { continueAsRecorded: asRecorded });
      await (await services.openLibrary()).put(outcome.recording);
      const refused = outcome.refused.length > 0 ? ` (${outcome.refused.length} input(s) refused)` : '';
      setStatus(`Forked at event ${outcome.at.seq}${refused}: opening “${outcome.recording.header.name}”.`);
      await session.open(outcome.recording);
    } catch (error) {
      setStatus(`Could not fork: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="replay-fork" role="group" aria-label="Fork">
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run()}>
        Continue from here
      </button>
      <CheckField label="Go on as recorded" checked={asRecorded} onChange={setAsRecorded} />
      <span role="status" aria-label="Fork status" className="small muted">
        {status}
      </span>
    </div>
  );
}
