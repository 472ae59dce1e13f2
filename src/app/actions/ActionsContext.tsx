import { createContext, useContext, type ReactNode } from 'react';
import type { ActionManager } from './createActionManager';

const ActionsContext = createContext<ActionManager | null>(null);

export function ActionsProvider({ actions, children }: { actions: ActionManager; children: ReactNode }) {
  return <ActionsContext.Provider value={actions}>{children}</ActionsContext.Provider>;
}

export function useActions(): ActionManager {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useActions: no <ActionsProvider> above this component');
  return actions;
}
