/**
 * Each agent is a serial server on the shell's agenda: its spawns and deliveries run one
 * at a time, in order; a task starts when the agent is free and completes after a
 * simulated duration (seeded), when the in-process instance really runs and its host
 * events are fed back. Faults shape a delivery (slow adds time, crash traps, hang holds
 * the agent for its deadline and is then reported `deadline-exceeded`, as the worker
 * watchdog would). Work for an instance that is gone is dropped without taking time.
 */
import type { HostEvent } from '../index';
import type { Agendum } from './agenda';
import type { DeliverEffect, SpawnEffect } from './inProcessAgents';
import { startDelivery, startSpawn, type LaneDeps } from './laneTasks';

type Task = { type: 'spawn'; effect: SpawnEffect } | { type: 'deliver'; effect: DeliverEffect };

interface Lane {
  queue: Task[];
  /** The task under way, until it completes. */
  busy: { item: Agendum; instance: number } | undefined;
  held: boolean;
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

export type { LaneDeps };

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
      const done = (item: Agendum) => finish(name, item);
      const item = task.type === 'spawn' ? startSpawn(deps, task.effect, done) : startDelivery(deps, task.effect, done);
      l.busy = { item, instance: task.effect.instance };
    }
  }

  function finish(name: string, item: Agendum): void {
    const l = lane(name);
    if (l.busy?.item !== item) return;
    l.busy = undefined;
    startNext(name);
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
