import { useRef } from 'react';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import { formatRate } from '../../store/rates';
import { useWorkbenchTransient } from '../../store/WorkbenchContext';
import { writeSoon } from './frameWrites';

/**
 * A live "N msg/s" text: returns the ref for the element that shows it. The element's text
 * and its `data-active` attribute (traffic > 0) follow the store without a re-render.
 */
export function useLiveRate<E extends Element>(selector: (state: WorkbenchState) => number) {
  const ref = useRef<E>(null);
  // The shown text, not the raw rate: the DOM is touched only when what it shows changes.
  useWorkbenchTransient(
    (s) => formatRate(selector(s)),
    (text) =>
      writeSoon(ref, () => {
        const el = ref.current;
        if (!el) return;
        el.textContent = `${text} msg/s`;
        el.toggleAttribute('data-active', text !== formatRate(0));
      }),
  );
  return ref;
}
