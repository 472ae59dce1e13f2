import { createContext, useContext } from 'react';

/**
 * Whether the dock panel around a component is the one shown. Hidden panels stay mounted
 * (they keep their state) but must do no work: they read the store only when shown.
 * Outside a dock a component counts as shown.
 */
export const PanelActiveContext = createContext(true);

export function usePanelActive(): boolean {
  return useContext(PanelActiveContext);
}
