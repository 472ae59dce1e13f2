import { createContext, useContext, useLayoutEffect, useRef, type ReactNode } from 'react';
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
export function useWorkbenchWith<T>(selector: (state: WorkbenchState) => T, equal: (a: T, b: T) => boolean): T {
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

/**
 * Transient updates (zustand's term, for state that changes often): calls `apply` with the
 * selected value now and whenever it changes (`equal`, default Object.is), without
 * re-rendering the component. For live numbers written straight into the DOM (a node's
 * msgs/s, a link's flow): under load they change for hundreds of nodes several times a
 * second, and a React render of each, through React Flow's node wrappers, cost more than
 * the frames it should be drawing. `selector` and `apply` may be new functions on each
 * render; the latest ones are used.
 */
export function useWorkbenchTransient<T>(
  selector: (state: WorkbenchState) => T,
  apply: (value: T) => void,
  equal: (a: T, b: T) => boolean = Object.is,
): void {
  const store = useWorkbenchStore();
  const latest = useRef({ selector, apply, equal, applied: false, last: undefined as T | undefined });
  const run = useRef((state: WorkbenchState) => {
    const l = latest.current;
    const value = l.selector(state);
    if (l.applied && l.equal(value, l.last as T)) return;
    l.applied = true;
    l.last = value;
    l.apply(value);
  });
  // After every render: the props the selector reads may have changed.
  useLayoutEffect(() => {
    Object.assign(latest.current, { selector, apply, equal });
    run.current(store.getState());
  });
  useLayoutEffect(() => store.subscribe(run.current), [store]);
}
