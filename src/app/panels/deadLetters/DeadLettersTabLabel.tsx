/** The Dead letters tab's text with its live count, e.g. "Dead letters (3)". */
import { useWorkbench } from '../../store/WorkbenchContext';

export function DeadLettersTabLabel() {
  const count = useWorkbench((s) => s.deadLetters);
  return <>Dead letters ({count})</>;
}
