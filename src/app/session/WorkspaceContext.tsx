import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SessionState, WorkspaceSession } from './sessionTypes';

const WorkspaceContext = createContext<WorkspaceSession | null>(null);

export function WorkspaceProvider({ session, children }: { session: WorkspaceSession | undefined; children: ReactNode }) {
  return <WorkspaceContext.Provider value={session ?? null}>{children}</WorkspaceContext.Provider>;
}

/** The session, or null when the app runs without workspaces (some tests). */
export function useWorkspaceSession(): WorkspaceSession | null {
  return useContext(WorkspaceContext);
}

const NONE: SessionState = {
  phase: 'error',
  current: null,
  list: [],
  save: 'idle',
  saveProblem: null,
  startingAgents: false,
  refusal: null,
  scenario: null,
  run: { status: 'idle' },
};
const noSession = { getState: () => NONE, subscribe: () => () => undefined } as unknown as WorkspaceSession;

export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(useContext(WorkspaceContext) ?? noSession, selector);
}
