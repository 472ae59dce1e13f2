/**
 * The inspector's "Resilience" section for whatever is selected: an agent (restart,
 * redelivery, group, limits), a group (supervisor settings) or a link (delivery, retry,
 * breaker). Mounted by Inspector.tsx.
 */
import { useWorkbench } from '../../store/WorkbenchContext';
import '../chaos/chaos.css';
import { AgentResilience } from './AgentResilience';
import { GroupSettings, NewGroupForm } from './GroupSettings';
import { LinkPolicyForm } from './LinkPolicyForm';

export function ResilienceSection() {
  const link = useWorkbench((s) => (s.selectedLink && !s.selected ? s.selectedLink : null));
  const agent = useWorkbench((s) => (s.selected && s.agents[s.selected] ? s.selected : null));
  const group = useWorkbench((s) => (s.selected ? (s.groups[s.selected] ?? null) : null));
  if (!link && !agent && !group) return null;
  return (
    <details className="res-section" aria-label="Resilience">
      <summary className="panel-heading res-summary">Resilience</summary>
      {link && <LinkPolicyForm key={link} id={link} />}
      {agent && (
        <>
          <AgentResilience key={agent} name={agent} />
          <details>
            <summary className="small">New supervision group</summary>
            <NewGroupForm />
          </details>
        </>
      )}
      {group && !agent && <GroupSettings group={group} />}
    </details>
  );
}
