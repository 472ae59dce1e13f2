import { useWorkbench } from '../../store/WorkbenchContext';
import './contracts.css';
import { violationsOf, violationsTitle } from './violationsView';

/** A log row's flag: shown when its message broke a contract; the title lists the problems. */
export function ViolationMarker({ messageId }: { messageId: string }) {
  const violations = useWorkbench((s) => violationsOf(s.violations.byMessage, messageId));
  if (!violations) return null;
  return (
    <span className="violation-flag" role="img" aria-label="Contract violation" title={violationsTitle(violations)}>
      ⚠
    </span>
  );
}
