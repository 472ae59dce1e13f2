import { useWorkbench } from '../../store/WorkbenchContext';
import { Section } from '../inspector/Section';
import { ViolationList } from './ViolationList';

/** The message inspector's "Contract" section: each violation of the message, or that none was seen. */
export function MessageContractSection({ messageId }: { messageId: string }) {
  const inUse = useWorkbench((s) => s.contracts !== null);
  const violations = useWorkbench((s) =>
    Object.hasOwn(s.violations.byMessage, messageId) ? s.violations.byMessage[messageId] : undefined,
  );
  if (!inUse && !violations) return null;
  return (
    <Section title="Contract" count={violations?.length ?? 0}>
      {violations ? (
        <ViolationList violations={violations} label="Contract violations of this message" />
      ) : (
        <p className="muted small">No contract violation seen for this message.</p>
      )}
    </Section>
  );
}
