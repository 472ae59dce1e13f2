import { useEffect } from 'react';
import { useWorkbenchStore } from './WorkbenchContext';

/**
 * A panel that shows whole messages calls this: while `shown`, the kernel worker sends
 * them (sampled under load); when no such panel is shown, only their counts.
 */
export function useMessageInterest(shown: boolean): void {
  const store = useWorkbenchStore();
  useEffect(() => (shown ? store.interest.hold() : undefined), [store, shown]);
}
