import { useMemo } from 'react';
import { shallow } from 'zustand/shallow';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import { useWorkbenchWith } from '../../store/WorkbenchContext';
import type { NetworkView } from './checkAddressing';

const plain = (kind: 'topic' | 'client') => (s: WorkbenchState) => s.plainOrder.filter((n) => s.plainNodes[n]?.kind === kind);
/** `name\tkind` per agent: a new array only when an agent comes, goes or changes kind. */
const agentKinds = (s: WorkbenchState) => s.agentOrder.map((n) => `${n}\t${s.agents[n]?.kind ?? ''}`);

/** Live agents (with their kinds), topics and clients, for checking a draft's addressing. */
export function useNetworkView(): NetworkView {
  const agents = useWorkbenchWith(agentKinds, shallow);
  const topics = useWorkbenchWith(plain('topic'), shallow);
  const clients = useWorkbenchWith(plain('client'), shallow);
  return useMemo(
    () => ({ agents: Object.fromEntries(agents.map((pair) => pair.split('\t') as [string, string])), topics, clients }),
    [agents, topics, clients],
  );
}
