import { useWorkbench } from '../../store/WorkbenchContext';
import './contracts.css';
import { violationsTitle } from './violationsView';

/** A log row's flag: shown when its message broke a contract; the title lists the problems. */
export function ViolationMarker({ messageId }: { messageId: string }) {
  const violations = useWorkbench((s) =>
    Object.hasOwn(s.violations.byMessage, messageId) ? s.violations.byMessage[messageId] : undefined,
  );
  if (!violations) return null;
  return (
    <span className="violation-flag" role="img" aria-label="Contract violation" title={violationsTitle(violations)}>
      ⚠
    </span>
  );
}
