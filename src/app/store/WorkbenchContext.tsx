import { createContext, useContext, useRef, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useStoreWithEqualityFn } from 'zustand/traditional';
import type { WorkbenchState, WorkbenchStore } from './createWorkbenchStore';

const WorkbenchContext = createContext<WorkbenchStore | null>(null);

export function WorkbenchProvider({ store, children }: { store: WorkbenchStore; children: ReactNode }) {
  return <WorkbenchContext.Provider value={store}>{children}</WorkbenchContext.Provider>;
}

export function useWorkbenchStore(): WorkbenchStore {
  const store = useContext(WorkbenchContext);
  if (!store) throw new Error('useWorkbenchStore: no <WorkbenchProvider> above this component');
  return store;
}

/** Read a narrow slice; re-renders only when the selected value changes (Object.is). */
export function useWorkbench<T>(selector: (state: WorkbenchState) => T): T {
  return useStore(useWorkbenchStore(), selector);
}

/** Same, with a custom equality (e.g. `shallow` for derived arrays and objects). */
export function useWorkbenchWith<T>(
  selector: (state: WorkbenchState) => T,
  equal: (a: T, b: T) => boolean,
): T {
  return useStoreWithEqualityFn(useWorkbenchStore(), selector, equal);
}

/**
 * Like `useWorkbench` while `live`; while not, the value stays what it last was and store
 * updates do not re-render (a hidden panel reads the store again when shown).
 */
export function useWorkbenchWhile<T>(live: boolean, selector: (state: WorkbenchState) => T): T {
  const held = useRef<{ value: T } | null>(null);
  return useStore(useWorkbenchStore(), (s) => {
    if (live || !held.current) held.current = { value: selector(s) };
    return held.current.value;
  });
}
