/**
 * `agent.configured` and `group.configured` onto the canvas data: an agent moved to another
 * group (or to the top level) changes `membership`; a reconfigured group its settings.
 * Runs after the canvas projection on the same batch (see `createWorkbenchStore`).
 */
import type { KernelEvent } from '../../kernel/types';
import type { CanvasData } from '../panels/canvas/canvasSlice';

type Input = Pick<CanvasData, 'groups' | 'membership'>;

export function reduceConfigureEvents(state: Input, events: readonly KernelEvent[], afterSeq: number): Partial<Input> | undefined {
  let membership: Input['membership'] | undefined;
  let groups: Input['groups'] | undefined;
  for (const e of events) {
    if (e.seq <= afterSeq) continue;
    if (e.type === 'agent.configured') {
      const now = (membership ?? state.membership)[e.agent];
      if (now === e.group) continue;
      membership ??= { ...state.membership };
      if (e.group === undefined) delete membership[e.agent];
      else membership[e.agent] = e.group;
    } else if (e.type === 'group.configured') {
      const g = (groups ?? state.groups)[e.spec.name];
      if (!g) continue;
      groups ??= { ...state.groups };
      groups[e.spec.name] = { ...g, strategy: e.spec.strategy, intensity: e.spec.intensity, periodMs: e.spec.periodMs };
    }
  }
  if (!membership && !groups) return undefined;
  return { ...(membership ? { membership } : {}), ...(groups ? { groups } : {}) };
}
