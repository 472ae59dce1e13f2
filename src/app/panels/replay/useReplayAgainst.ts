/** Replaying a recording against the agents you have now (a fresh simulation, or the live workbench). */
import { useCallback, useState } from 'react';
import type { ReplayOutcome, ReplayRequest } from '../../../browser/replay/types';
import type { Recording } from '../../../experiments/replay/types';
import { errorText } from '../../errors';
import type { WorkbenchStore } from '../../store/createWorkbenchStore';
import { replayApiOf } from './replayApiOf';

export type ReplayTarget = ReplayRequest['against'];

export interface ReplayRun {
  available: boolean;
  running: boolean;
  status: string;
  report: ReplayOutcome | null;
  run(recording: Recording, request: ReplayRequest): Promise<void>;
}

const TARGET_TEXT: Record<ReplayTarget, string> = { simulation: 'a fresh simulation', live: 'the live workbench' };

export function useReplayAgainst(live: WorkbenchStore): ReplayRun {
  const api = replayApiOf(live, 'replayRecording');
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState('');
  const [report, setReport] = useState<ReplayOutcome | null>(null);

  const run = useCallback(
    async (recording: Recording, request: ReplayRequest) => {
      const { against } = request;
      if (!api) return;
      setRunning(true);
      setReport(null);
      setStatus(`Replaying “${recording.header.name}” against ${TARGET_TEXT[against]}…`);
      try {
        const result = await api.replayRecording(recording, request);
        setReport(result);
        setStatus(`Replayed “${recording.header.name}” against ${TARGET_TEXT[against]}.`);
      } catch (error) {
        setStatus(`Could not replay: ${errorText(error)}`);
      } finally {
        setRunning(false);
      }
    },
    [api],
  );

  return { available: !!api, running, status, report, run };
}
