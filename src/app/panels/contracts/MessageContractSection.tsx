import { useWorkbench } from '../../store/WorkbenchContext';
import { Section, type SectionProps } from '../inspector/Section';
import { ViolationList } from './ViolationList';
import { violationsOf } from './violationsView';

/**
 * The message's "Contract" section (the message inspector, the log's message details): each
 * violation of the message, or that none was seen. `idPrefix` keeps heading ids unique when both show.
 */
export function MessageContractSection({ messageId, idPrefix, level }: { messageId: string } & Pick<SectionProps, 'idPrefix' | 'level'>) {
  const inUse = useWorkbench((s) => s.contracts !== null);
  const violations = useWorkbench((s) => violationsOf(s.violations.byMessage, messageId));
  if (!inUse && !violations) return null;
  return (
    <Section title="Contract" count={violations?.length ?? 0} {...(idPrefix ? { idPrefix } : {})} {...(level ? { level } : {})}>
      {violations ? (
        <ViolationList violations={violations} label="Contract violations of this message" />
      ) : (
        <p className="muted small">No contract violation seen for this message.</p>
      )}
    </Section>
  );
}
