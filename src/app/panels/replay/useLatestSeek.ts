/** Seeks as a scrubber is dragged: one request at a time, and only the latest value waits (no backlog). */
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useLatestSeek(seek: (seq: number) => Promise<void>): (seq: number) => void {
  const state = useRef<{ busy: boolean; next: number | null }>({ busy: false, next: null });
  const latest = useRef(seek);
  useLayoutEffect(() => {
    latest.current = seek;
  });
  return useCallback((seq: number) => {
    const s = state.current;
    s.next = seq;
    if (s.busy) return;
    s.busy = true;
    void (async () => {
      while (s.next !== null) {
        const target = s.next;
        s.next = null;
        await latest.current(target).catch(() => undefined);
      }
      s.busy = false;
    })();
  }, []);
}
