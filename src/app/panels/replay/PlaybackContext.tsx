/** The playback session and the live store, given to the Replay tab and the playback bar. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { RecordingHeader } from '../../../experiments/replay/types';
import type { WorkbenchStore } from '../../store/createWorkbenchStore';
import type { PlaybackSession, PlaybackSessionState } from './playbackSession';
import type { ReplayServices } from './replayServices';

export interface ReplayContextValue {
  session: PlaybackSession;
  /** The live workbench (recording, replay against the agents you have now). */
  live: WorkbenchStore;
  services: ReplayServices;
}

const ReplayContext = createContext<ReplayContextValue | null>(null);

export function ReplayProvider({ value, children }: { value: ReplayContextValue; children: ReactNode }) {
  return <ReplayContext.Provider value={value}>{children}</ReplayContext.Provider>;
}

export function useReplay(): ReplayContextValue {
  const value = useContext(ReplayContext);
  if (!value) throw new Error('useReplay: no <ReplayProvider> above this component');
  return value;
}

/** A narrow read of the playback session (re-renders only when it changes). */
export function usePlayback<T>(selector: (s: PlaybackSessionState) => T): T {
  return useStore(useReplay().session, selector);
}

const NOTHING_OPEN = createStore<PlaybackSessionState>()(() => ({ phase: 'live', view: null, shown: null, error: null, progress: null }));

/** The header of the recording in playback; undefined while live (or where no Replay tab is wired). */
export function useOpenRecordingHeader(): RecordingHeader | undefined {
  const value = useContext(ReplayContext);
  return useStore(value?.session ?? NOTHING_OPEN, (s) => s.view?.header);
}
