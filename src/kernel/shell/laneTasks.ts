/** Starting one task of an agent's lane: a spawn or a delivery, shaped by its faults, on the agenda. */
import type { AclMessage } from '../../protocol/message';
import type { HostEvent } from '../index';
import type { Agendum } from './agenda';
import type { FaultBook } from './faultBook';
import type { DeliverEffect, InProcessAgents, SpawnEffect } from './inProcessAgents';

export interface LaneDeps {
  agents: InProcessAgents;
  faults: FaultBook;
  /** Puts `run` on the agenda `delayMs` from now. */
  schedule(delayMs: number, run: Agendum['run']): Agendum;
  spawnMs(): number;
  /** Time `agent` spends handling one message. */
  handleMs(agent: string): number;
  feedHost(events: readonly HostEvent[]): void;
  /** A handler was called with `message` (for tests that read what an agent got). */
  handled(agent: string, message: AclMessage): void;
}

export function startSpawn(deps: LaneDeps, effect: SpawnEffect, finish: (item: Agendum) => void): Agendum {
  const item: Agendum = deps.schedule(deps.spawnMs(), () => {
    const out = deps.agents.spawn(effect);
    if (!Array.isArray(out)) {
      return (out as Promise<HostEvent[]>).then((events) => {
        deps.feedHost(events);
        finish(item);
      });
    }
    deps.feedHost(out);
    finish(item);
    return undefined;
  });
  return item;
}

export function startDelivery(deps: LaneDeps, effect: DeliverEffect, finish: (item: Agendum) => void): Agendum {
  const { agent, instance, message } = effect;
  const plan = deps.faults.plan(agent, instance);
  if (plan.mode === 'hang') {
    deps.handled(agent, message); // the handler was called and never returns
    const item: Agendum = deps.schedule(plan.extraMs, () => {
      crash(deps, effect, 'deadline-exceeded');
      finish(item);
    });
    return item;
  }
  const item: Agendum = deps.schedule(deps.handleMs(agent) + plan.extraMs, () => {
    deps.handled(agent, message);
    if (plan.mode === 'crash') crash(deps, effect, 'trap: unreachable (injected crash)');
    else deps.feedHost(deps.agents.deliver(effect));
    finish(item);
  });
  return item;
}

function crash(deps: LaneDeps, { agent, instance, message }: DeliverEffect, reason: string): void {
  deps.agents.kill(agent, instance);
  deps.feedHost([{ type: 'agent.crashed', agent, instance, reason, messageId: message.id }]);
}
