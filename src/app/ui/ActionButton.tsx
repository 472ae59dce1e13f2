import { useActions } from '../actions/ActionsContext';
import type { ActionArgs, ActionId } from '../actions/types';
import { useWorkbench } from '../store/WorkbenchContext';

/** A button generated from the action registry; re-checks its predicate as the target changes. */
export function ActionButton<Id extends ActionId>({
  id,
  args,
  watch,
  danger,
}: {
  id: Id;
  args: ActionArgs[Id];
  watch: string;
  danger?: boolean;
}) {
  const actions = useActions();
  useWorkbench((s) => s.agents[watch] ?? s.links[watch] ?? s.plainNodes[watch]);
  const action = actions.get(id);
  const enabled = actions.canRun(id, args);
  return (
    <button
      type="button"
      className={`btn btn-small-pad${danger ? ' btn-danger' : ''}`}
      disabled={!enabled}
      title={action.shortcut ? `${action.label} (${action.shortcut})` : action.label}
      onClick={() => void actions.run(id, args)}
    >
      {action.label}
    </button>
  );
}
