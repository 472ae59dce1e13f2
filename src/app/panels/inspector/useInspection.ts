import { useEffect, useState } from 'react';
import type { AgentInspection } from '../../../hosts/types';
import type { AgentLimits } from '../../../kernel/types';
import { errorText } from '../../errors';
import { useWorkbenchStore } from '../../store/WorkbenchContext';

/** How often the open inspector refreshes an agent's kv state and mailbox. */
export const INSPECT_INTERVAL_MS = 500;

export interface Inspection extends AgentInspection {
  limits: AgentLimits | null;
  error: string | null;
}

const EMPTY: Inspection = { kv: {}, mailbox: [], limits: null, error: null };

/** Polls `api.inspect(agent)` while the inspector shows the agent (the kernel has no kv events per key for the UI). */
export function useInspection(agent: string): Inspection {
  const store = useWorkbenchStore();
  const [state, setState] = useState<Inspection>(EMPTY);
  useEffect(() => {
    let live = true;
    let limits: AgentLimits | null = null;
    setState(EMPTY);
    const load = async () => {
      try {
        if (!limits) {
          const snapshot = await store.api.snapshot();
          limits = snapshot.agents.find((a) => a.name === agent)?.limits ?? null;
        }
        const inspection = await store.api.inspect(agent);
        if (live) setState({ ...inspection, limits, error: null });
      } catch (error) {
        if (live) setState((s) => ({ ...s, error: errorText(error) }));
      }
    };
    void load();
    const timer = setInterval(() => void load(), INSPECT_INTERVAL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [store, agent]);
  return state;
}
