/**
 * "Shrink": a failing chaos run recorded in simulation, made as small as it can be while its
 * hypothesis still fails (on the kernel worker); the minimal inputs and conversation, and the
 * shrunk recording kept in the library and opened.
 */
import { useMemo, useState } from 'react';
import type { Recording } from '../../../experiments/replay/types';
import { errorText } from '../../errors';
import { usePlayback, useReplay } from './PlaybackContext';
import { shrinkView } from './shrinkView';
import { useShrink } from './useShrink';

function Lines({ label, lines }: { label: string; lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <div>
      <h4 className="lab-h">{label}</h4>
      <ol aria-label={label} className="small mono">
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </div>
  );
}

/** One shrink per open recording: opening another (or the shrunk one) starts afresh. */
export function ShrinkSection() {
  const recording = usePlayback((s) => s.view?.recording);
  return recording ? <ShrinkRecording key={recording.header.id} recording={recording} /> : null;
}

function ShrinkRecording({ recording }: { recording: Recording }) {
  const { live, services, session } = useReplay();
  const shrink = useShrink(live);
  const view = useMemo(() => (shrink.outcome ? shrinkView(shrink.outcome) : null), [shrink.outcome]);
  const [kept, setKept] = useState('');
  if (!shrink.available) return null;
  const outcome = shrink.outcome;

  const keep = async () => {
    if (!outcome?.shrunk) return;
    try {
      await (await services.openLibrary()).put(outcome.recording);
      setKept(`Kept “${outcome.recording.header.name}” in the library: opening it.`);
      await session.open(outcome.recording);
    } catch (error) {
      setKept(`Could not keep the shrunk recording: ${errorText(error)}`);
    }
  };

  return (
    <section className="replay-section" aria-label="Shrink">
      <h3 className="lab-h">Shrink a failing run</h3>
      <p className="small muted">
        Drops client messages and faults while the chaos hypothesis still fails (each candidate re-run in simulation).
      </p>
      <div className="lab-toolbar">
        <button type="button" className="btn" disabled={shrink.running} onClick={() => void shrink.run(recording)}>
          Shrink
        </button>
      </div>
      <p role="status" aria-label="Shrink status" className="small">
        {shrink.status}
      </p>
      {view && (
        <p role="status" aria-label="Shrink verdict" className={outcome?.shrunk ? 'lab-fail-text' : 'lab-pass-text'}>
          {view.verdict}
        </p>
      )}
      {view && <Lines label="Minimal inputs" lines={view.inputs} />}
      {view && <Lines label="Minimal conversation" lines={view.messages} />}
      {outcome?.shrunk && (
        <div className="lab-toolbar">
          <button type="button" className="btn btn-primary" onClick={() => void keep()}>
            Keep and open the shrunk recording
          </button>
          <span role="status" aria-label="Keep status" className="small muted">
            {kept}
          </span>
        </div>
      )}
    </section>
  );
}
