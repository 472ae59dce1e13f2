/**
 * The Replay tab: record the live workbench, keep recordings in a library (rename, tag,
 * delete, export, import), open one to play it back on the canvas, and replay it against
 * the agents you have now.
 */
import { usePanelActive } from '../../shell/usePanelActive';
import { usePlayback, useReplay } from './PlaybackContext';
import { RecordControls } from './RecordControls';
import { JadeImport } from './JadeImport';
import { RecordingLibrary } from './RecordingLibrary';
import { ReplayAgainst } from './ReplayAgainst';
import { ShrinkSection } from './ShrinkSection';
import type { LibraryEntry } from './replayServices';
import { useRecordingLibrary } from './useRecordingLibrary';
import { useTape } from './useTape';
import '../chaos/chaos.css';
import './replay.css';

function OpenStatus() {
  const phase = usePlayback((s) => s.phase);
  const error = usePlayback((s) => s.error);
  const name = usePlayback((s) => s.view?.header.name);
  const progress = usePlayback((s) => s.progress);
  const opening =
    progress && progress.total > 0
      ? `Opening the recording… ${Math.floor((progress.done / progress.total) * 100)} %`
      : 'Opening the recording…';
  return (
    <div>
      <p role="status" aria-label="Playback status" className="small">
        {phase === 'opening' ? opening : phase === 'playback' ? `Playing back “${name}”.` : 'Live workbench.'}
      </p>
      {error && phase !== 'playback' && (
        <p role="alert" className="lab-errors">
          {error}
        </p>
      )}
    </div>
  );
}

export default function ReplayPanel() {
  const { session, live, services } = useReplay();
  const active = usePanelActive();
  const tape = useTape(live, active);
  const library = useRecordingLibrary(services);

  const open = async (entry: LibraryEntry) => {
    const recording = await library.get(entry);
    if (recording) await session.open(recording);
  };

  return (
    <div className="lab replay">
      <div className="lab-editor">
        <RecordControls tape={tape} onRecorded={(recording) => void library.save(recording)} />
        <ReplayAgainst />
        <ShrinkSection />
      </div>
      <div className="lab-results">
        <OpenStatus />
        <RecordingLibrary library={library} onOpen={(entry) => void open(entry)} />
        <JadeImport />
      </div>
    </div>
  );
}
