import { useActions } from '../actions/ActionsContext';
import type { ActionId } from '../actions/types';
import type { WorkbenchState } from '../store/createWorkbenchStore';
import { useWorkbench } from '../store/WorkbenchContext';
import { StatusBadge } from './StatusBadge';

const selectedAgent = (s: WorkbenchState) => (s.selected ? (s.agents[s.selected] ?? null) : null);

type LifecycleId = Extract<ActionId, 'agent.restart' | 'agent.stop' | 'agent.start' | 'agent.remove'>;

const LIFECYCLE: readonly LifecycleId[] = [
  'agent.restart',
  'agent.stop',
  'agent.start',
  'agent.remove',
];

function LifecycleButton({ id, name }: { id: LifecycleId; name: string }) {
  const actions = useActions();
  // Re-evaluate the predicate whenever this agent changes.
  useWorkbench((s) => s.agents[name]);
  const action = actions.get(id);
  const enabled = actions.canRun(id, { name });
  return (
    <button
      type="button"
      className={`btn${id === 'agent.remove' ? ' btn-danger' : ''}`}
      disabled={!enabled}
      title={action.shortcut ? `${action.label} (${action.shortcut})` : action.label}
      onClick={() => void actions.run(id, { name })}
    >
      {action.label}
    </button>
  );
}

export function Inspector() {
  const agent = useWorkbench(selectedAgent);
  const kindLabel = useWorkbench((s) =>
    agent ? (s.kinds.find((k) => k.kind === agent.kind)?.label ?? agent.kind) : '',
  );

  return (
    <aside className="inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="panel-heading">
        Inspector
      </h2>
      {!agent ? (
        <p className="muted pad">Select an agent on the canvas to see its state and controls.</p>
      ) : (
        <div className="inspector-body" aria-label={`Inspector for ${agent.name}`} role="region">
          <div className="inspector-title">
            <span className="inspector-name">{agent.name}</span>
            <StatusBadge status={agent.status} />
          </div>
          {agent.reason && agent.status !== 'running' && (
            <p className="inspector-reason">{agent.reason}</p>
          )}
          <dl className="props">
            <dt>Kind</dt>
            <dd>
              {kindLabel} <span className="muted mono">({agent.kind})</span>
            </dd>
            <dt>Status</dt>
            <dd>{agent.status}</dd>
            <dt>Instance</dt>
            <dd className="mono">{agent.instance}</dd>
            <dt>Restarts</dt>
            <dd className="mono">{agent.restarts}</dd>
            <dt>Mailbox</dt>
            <dd className="mono">{agent.mailboxDepth}</dd>
            <dt>Sent</dt>
            <dd className="mono">{agent.counters.sent}</dd>
            <dt>Delivered</dt>
            <dd className="mono">{agent.counters.delivered}</dd>
            <dt>Failed</dt>
            <dd className="mono">{agent.counters.failed}</dd>
          </dl>
          <h3 className="sub-heading">Config</h3>
          <pre className="config mono">{JSON.stringify(agent.config ?? null, null, 2)}</pre>
          <div className="button-row" role="group" aria-label="Agent controls">
            {LIFECYCLE.map((id) => (
              <LifecycleButton key={id} id={id} name={agent.name} />
            ))}
          </div>
        </div>
      )}
    </aside>
  );
}
