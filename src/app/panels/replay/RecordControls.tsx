/** Record / Stop on the live workbench, the tape's status, and the new recording's name and tags. */
import { useState } from 'react';
import type { Recording } from '../../../experiments/replay/types';
import { useWorkspaceSession } from '../../session/WorkspaceContext';
import { TextField } from '../../ui/fields';
import { parseTags } from './recordingFile';
import { tapeText, tapeUsedPercent } from './tapeText';
import type { TapeControls } from './useTape';

const defaultName = () => `Recording ${new Date().toLocaleString()}`;

/** The workspace file at Stop (names, layout and kinds for whoever opens the recording). */
function useCaptureWorkspace(): () => Promise<unknown> {
  const session = useWorkspaceSession();
  return async () => {
    if (!session) return undefined;
    try {
      return JSON.parse((await session.exportCurrent()).text) as unknown;
    } catch {
      return undefined;
    }
  };
}

function TapeStatusLine({ tape }: { tape: TapeControls }) {
  if (!tape.status) return <p className="small muted">Reading the tape…</p>;
  return (
    <div className="replay-tape">
      <meter
        className="replay-meter"
        aria-label="Tape budget used"
        min={0}
        max={100}
        value={tapeUsedPercent(tape.status)}
        high={90}
        optimum={0}
      />
      <p role="status" aria-label="Tape status" className={`small${tape.status.cutShort ? ' lab-errors' : ''}`}>
        {tapeText(tape.status)}
      </p>
    </div>
  );
}

export function RecordControls({ tape, onRecorded }: { tape: TapeControls; onRecorded(recording: Recording): void }) {
  const [name, setName] = useState('');
  const [tags, setTags] = useState('');
  const capture = useCaptureWorkspace();
  const recording = tape.status?.recording ?? false;

  const stop = async () => {
    const workspace = await capture();
    const done = await tape.stop({ name: name.trim() || defaultName(), tags: parseTags(tags), ...(workspace ? { workspace } : {}) });
    if (!done) return;
    setName('');
    setTags('');
    onRecorded(done);
  };

  if (!tape.available) return <p className="muted small">This workbench cannot record (no kernel worker).</p>;
  return (
    <section className="replay-section" aria-label="Record">
      <h3 className="lab-h">Record the live workbench</h3>
      <div className="lab-row">
        <TextField label="Recording name" value={name} onChange={setName} placeholder="named at Stop" />
        <TextField label="Tags" value={tags} onChange={setTags} placeholder="comma separated" />
      </div>
      <div className="lab-toolbar">
        <button
          type="button"
          className="btn btn-primary"
          disabled={recording || tape.busy || !!tape.status?.cutShort}
          onClick={() => void tape.start()}
        >
          Record
        </button>
        <button type="button" className="btn" disabled={!recording || tape.busy} onClick={() => void stop()}>
          Stop
        </button>
      </div>
      <TapeStatusLine tape={tape} />
      {tape.problem && (
        <p role="alert" className="lab-errors">
          {tape.problem}
        </p>
      )}
    </section>
  );
}
