/** Replay the open recording against the agents you have now, under matching rules. */
import { useState } from 'react';
import { DEFAULT_MATCH_RULES } from '../../../experiments/replay/match';
import { CheckField, SelectField, TextField } from '../../ui/fields';
import { usePlayback, useReplay } from './PlaybackContext';
import { replayRequest } from './replayRequest';
import { ReplayResults } from './ReplayResults';
import { StandInPicker, useRecordedAgents } from './StandInPicker';
import { standInRequests, type StandInChoices } from './standInView';
import { useReplayAgainst, type ReplayTarget } from './useReplayAgainst';

const TARGETS: { value: ReplayTarget; label: string }[] = [
  { value: 'live', label: 'the live workbench' },
  { value: 'simulation', label: 'a fresh simulation' },
];

export function ReplayAgainst() {
  const { live, session } = useReplay();
  const recording = usePlayback((s) => s.view?.recording);
  const replay = useReplayAgainst(live);
  const [against, setAgainst] = useState<ReplayTarget>('live');
  const [ignore, setIgnore] = useState(DEFAULT_MATCH_RULES.ignore.join(', '));
  const [orderSensitive, setOrderSensitive] = useState(DEFAULT_MATCH_RULES.orderSensitive);
  const [swaps, setSwaps] = useState('');
  const [choices, setChoices] = useState<StandInChoices>({});
  const agents = useRecordedAgents(recording);
  const standIns = standInRequests(agents, choices);
  const request = replayRequest({ against, ignore, orderSensitive, swaps, standIns });
  if (!replay.available) return null;
  return (
    <section className="replay-section" aria-label="Replay against the agents you have now">
      <h3 className="lab-h">Replay against the agents you have now</h3>
      {!recording && <p className="small muted">Open a recording from the library to replay its client and operator messages.</p>}
      <div className="lab-row">
        <SelectField<ReplayTarget> label="Replay against" value={against} options={TARGETS} onChange={setAgainst} />
        <CheckField label="Order-sensitive" checked={orderSensitive} onChange={setOrderSensitive} />
      </div>
      <TextField label="Fields to ignore" value={ignore} onChange={setIgnore} wide />
      <TextField label="Deploy instead" value={swaps} onChange={setSwaps} placeholder="agent=kind, e.g. counter-1=echo" wide />
      <StandInPicker agents={agents} choices={choices} onChange={setChoices} />
      {!request.ok && <p className="lab-errors small">{request.problem}</p>}
      <div className="lab-toolbar">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!recording || replay.running || !request.ok}
          onClick={() => recording && request.ok && void replay.run(recording, request.value)}
        >
          Replay
        </button>
      </div>
      <p role="status" aria-label="Replay status" className="small">
        {replay.status}
      </p>
      {replay.report && <ReplayResults report={replay.report} onJump={(seq) => void session.controls.seek({ to: 'seq', seq })} />}
    </section>
  );
}
