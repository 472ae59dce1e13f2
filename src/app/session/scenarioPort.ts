/**
 * A pattern run's way to the kernel: events from the API, messages through the action
 * registry tagged `pattern` (so recording sees them and undo leaves them alone).
 */
import type { ScenarioPort } from '../../workspace/session/runScenario';
import type { ActionManager } from '../actions/createActionManager';
import type { WorkbenchStore } from '../store/createWorkbenchStore';

export function scenarioPort(store: WorkbenchStore, actions: ActionManager): ScenarioPort {
  return {
    subscribe: (listener) => store.api.subscribe(listener),
    async send(draft, from) {
      const outcome = await actions.run('message.send', from === undefined ? { draft } : { draft, from }, 'pattern');
      if (!outcome.ok) return { ok: false, error: outcome.error };
      return outcome.send ?? { ok: false, error: 'the message was not sent' };
    },
  };
}
