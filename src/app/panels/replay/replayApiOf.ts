/** The kernel worker's replay methods (connectLab's `recording`), found on the live API when it has them. */
import type { ReplayApi } from '../../../browser/replay/types';
import type { WorkbenchStore } from '../../store/createWorkbenchStore';

/** `method` of the live API's replay, or undefined where this workbench has none (the Replay tab then hides that control). */
export function replayApiOf<K extends keyof ReplayApi>(live: WorkbenchStore, method: K): Pick<ReplayApi, K> | undefined {
  const recording = (live.api as { recording?: Partial<ReplayApi> }).recording;
  return recording?.[method] ? (recording as Pick<ReplayApi, K>) : undefined;
}
