/** Shrinking the open recording on the kernel worker, with its progress; keeping the result. */
import { useCallback, useState } from 'react';
import type { ShrinkOutcome } from '../../../browser/replay/types';
import type { Recording } from '../../../experiments/replay/types';
import { errorText } from '../../errors';
import type { WorkbenchStore } from '../../store/createWorkbenchStore';
import { replayApiOf } from './replayApiOf';
import { shrinkProgressText } from './shrinkView';

export interface ShrinkRun {
  available: boolean;
  running: boolean;
  status: string;
  outcome: ShrinkOutcome | null;
  run(recording: Recording): Promise<void>;
}

export function useShrink(live: WorkbenchStore): ShrinkRun {
  const api = replayApiOf(live, 'shrinkRecording');
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState('');
  const [outcome, setOutcome] = useState<ShrinkOutcome | null>(null);

  const run = useCallback(
    async (recording: Recording) => {
      if (!api) return;
      setRunning(true);
      setOutcome(null);
      setStatus(`Shrinking “${recording.header.name}”: running it again…`);
      // Progress calls cross the worker boundary on their own: the last may land after the result.
      let done = false;
      try {
        const result = await api.shrinkRecording(recording, (progress) => done || setStatus(shrinkProgressText(progress)));
        done = true;
        setOutcome(result);
        setStatus(result.shrunk ? `Shrunk “${recording.header.name}”.` : `Nothing to shrink in “${recording.header.name}”.`);
      } catch (error) {
        done = true;
        setStatus(`Could not shrink: ${errorText(error)}`);
      } finally {
        setRunning(false);
      }
    },
    [api],
  );

  return { available: !!api, running, status, outcome, run };
}
