import { useMemo } from 'react';
import { shallow } from 'zustand/shallow';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import { useWorkbenchWith } from '../../store/WorkbenchContext';
import type { NetworkNames } from './messageSchema';

const plain = (kind: 'topic' | 'client') => (s: WorkbenchState) =>
  s.plainOrder.filter((n) => s.plainNodes[n]?.kind === kind);

/** Live agent, topic and client names; a new array only when a name comes or goes. */
export function useNetworkNames(): NetworkNames {
  const agents = useWorkbenchWith((s) => s.agentOrder, shallow);
  const topics = useWorkbenchWith(plain('topic'), shallow);
  const clients = useWorkbenchWith(plain('client'), shallow);
  return useMemo(() => ({ agents, topics, clients }), [agents, topics, clients]);
}
