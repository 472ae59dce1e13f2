/** The live tape through the kernel worker: its status (polled while shown), Record and Stop. */
import { useCallback, useEffect, useState } from 'react';
import type { LiveRecordingApi, RecordingMeta, TapeStatus } from '../../../browser/replay/types';
import type { Recording } from '../../../experiments/replay/types';
import { errorText } from '../../errors';
import type { WorkbenchStore } from '../../store/createWorkbenchStore';

export const TAPE_POLL_MS = 1000;

export interface TapeControls {
  available: boolean;
  status: TapeStatus | null;
  /** Why the last Record or Stop failed. */
  problem: string | null;
  busy: boolean;
  start(): Promise<void>;
  stop(meta: RecordingMeta): Promise<Recording | undefined>;
}

export function useTape(live: WorkbenchStore, active: boolean): TapeControls {
  const api = (live.api as { recording?: LiveRecordingApi }).recording;
  const [status, setStatus] = useState<TapeStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!api || !active) return;
    let on = true;
    const poll = () =>
      void api.tapeStatus().then(
        (s) => on && setStatus(s),
        () => undefined,
      );
    poll();
    const timer = setInterval(poll, TAPE_POLL_MS);
    return () => {
      on = false;
      clearInterval(timer);
    };
  }, [api, active]);

  const guard = useCallback(async <T>(run: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setProblem(null);
    try {
      return await run();
    } catch (error) {
      setProblem(errorText(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  const start = useCallback(async () => {
    const next = await guard(() => api!.startRecording());
    if (next) setStatus(next);
  }, [api, guard]);

  const stop = useCallback(
    async (meta: RecordingMeta) => {
      const recording = await guard(() => api!.stopRecording(meta));
      await api?.tapeStatus().then(setStatus, () => undefined);
      return recording;
    },
    [api, guard],
  );

  return { available: !!api, status, problem, busy, start, stop };
}
