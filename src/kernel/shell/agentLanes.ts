/**
 * Each agent is a serial server on the shell's agenda: its spawns and deliveries run one
 * at a time, in order; a task starts when the agent is free and completes after a
 * simulated duration (seeded), when the in-process instance really runs and its host
 * events are fed back. Faults shape a delivery (slow adds time, crash traps, hang holds
 * the agent for its deadline and is then reported `deadline-exceeded`, as the worker
 * watchdog would). Work for an instance that is gone is dropped without taking time.
 */
import type { AclMessage } from '../../protocol/message';
import type { HostEvent } from '../index';
import type { Agendum } from './agenda';
import type { FaultBook } from './faultBook';
import type { DeliverEffect, InProcessAgents, SpawnEffect } from './inProcessAgents';

type Task = { type: 'spawn'; effect: SpawnEffect } | { type: 'deliver'; effect: DeliverEffect };

interface Lane {
  queue: Task[];
  /** The task under way, until it completes. */
  busy: { item: Agendum; instance: number } | undefined;
  held: boolean;
}

export interface LaneDeps {
  agents: InProcessAgents;
  faults: FaultBook;
  /** Puts `run` on the agenda `delayMs` from now. */
  schedule(delayMs: number, run: Agendum['run']): Agendum;
  spawnMs(): number;
  handleMs(): number;
  feedHost(events: readonly HostEvent[]): void;
  /** A handler was called with `message` (for tests that read what an agent got). */
  handled(agent: string, message: AclMessage): void;
}

export interface AgentLanes {
  spawn(effect: SpawnEffect): void;
  deliver(effect: DeliverEffect): void;
  kill(agent: string, instance: number): void;
  /** The live instance the kernel expects, if any. */
  live(agent: string): number | undefined;
  /** A host event about an instance: one that crashed or failed to start is gone. */
  observe(event: HostEvent): void;
  hold(agent: string): void;
  release(agent: string): void;
}

export function createAgentLanes(deps: LaneDeps): AgentLanes {
  const { agents, faults } = deps;
  const lanes = new Map<string, Lane>();
  const liveInstances = new Map<string, number>();

  const lane = (name: string): Lane => {
    let l = lanes.get(name);
    if (!l) lanes.set(name, (l = { queue: [], busy: undefined, held: false }));
    return l;
  };

  function enqueue(name: string, task: Task): void {
    lane(name).queue.push(task);
    startNext(name);
  }

  function startNext(name: string): void {
    const l = lane(name);
    while (!l.busy && !l.held && l.queue.length > 0) {
      const task = l.queue.shift()!;
      if (liveInstances.get(name) !== task.effect.instance) continue; // gone: takes no time
      const item = task.type === 'spawn' ? startSpawn(task.effect) : startDelivery(task.effect);
      l.busy = { item, instance: task.effect.instance };
    }
  }

  function finish(name: string, item: Agendum): void {
    const l = lane(name);
    if (l.busy?.item !== item) return;
    l.busy = undefined;
    startNext(name);
  }

  function startSpawn(effect: SpawnEffect): Agendum {
    const item: Agendum = deps.schedule(deps.spawnMs(), () => {
      const out = agents.spawn(effect);
      if (!Array.isArray(out)) {
        return (out as Promise<HostEvent[]>).then((events) => {
          deps.feedHost(events);
          finish(effect.agent, item);
        });
      }
      deps.feedHost(out);
      finish(effect.agent, item);
      return undefined;
    });
    return item;
  }

  function startDelivery(effect: DeliverEffect): Agendum {
    const { agent, instance, message } = effect;
    const plan = faults.plan(agent, instance);
    if (plan.mode === 'hang') {
      deps.handled(agent, message); // the handler was called and never returns
      const item: Agendum = deps.schedule(plan.extraMs, () => {
        crash(agent, instance, 'deadline-exceeded', message.id);
        finish(agent, item);
      });
      return item;
    }
    const item: Agendum = deps.schedule(deps.handleMs() + plan.extraMs, () => {
      deps.handled(agent, message);
      if (plan.mode === 'crash') crash(agent, instance, 'trap: unreachable (injected crash)', message.id);
      else deps.feedHost(agents.deliver(effect));
      finish(agent, item);
    });
    return item;
  }

  function crash(agent: string, instance: number, reason: string, messageId: string): void {
    agents.kill(agent, instance);
    deps.feedHost([{ type: 'agent.crashed', agent, instance, reason, messageId }]);
  }

  /** The instance is gone: its queued work goes, and so does the task under way. */
  function forget(agent: string, instance: number): void {
    if (liveInstances.get(agent) === instance) liveInstances.delete(agent);
    const l = lanes.get(agent);
    if (!l) return;
    l.queue = l.queue.filter((t) => t.effect.instance !== instance);
    if (l.busy?.instance === instance) {
      l.busy.item.cancelled = true;
      l.busy = undefined;
      startNext(agent);
    }
  }

  return {
    spawn(effect) {
      liveInstances.set(effect.agent, effect.instance);
      faults.spawned(effect.agent, effect.instance, effect.limits.deadlineMs);
      enqueue(effect.agent, { type: 'spawn', effect });
    },
    deliver(effect) {
      if (liveInstances.get(effect.agent) === effect.instance) enqueue(effect.agent, { type: 'deliver', effect });
    },
    kill(agent, instance) {
      agents.kill(agent, instance);
      forget(agent, instance);
    },
    live: (agent) => liveInstances.get(agent),
    observe(event) {
      if (event.type !== 'agent.crashed' && event.type !== 'agent.init-failed') return;
      if (liveInstances.get(event.agent) !== event.instance) return;
      agents.kill(event.agent, event.instance);
      forget(event.agent, event.instance);
    },
    hold(agent) {
      lane(agent).held = true;
    },
    release(agent) {
      lane(agent).held = false;
      startNext(agent);
    },
  };
}
