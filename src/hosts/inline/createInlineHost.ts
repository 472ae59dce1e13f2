/**
 * An AgentHost that runs real agent instances (wasm via src/wasm, or JS kinds) on the
 * calling thread, in real time: perform() queues the work and a drain runs it on the next
 * microtask, each agent's work strictly in order, and reports host events in one batch per
 * drain. For deterministic runs use the simulation shell (src/experiments/simulation),
 * which puts a virtual clock and a seeded scheduler on the same instances.
 *
 * Same contract as the worker-pool host (the kernel cannot tell them apart; see
 * createInlineAgents and src/hosts/hostConformance.int.test.ts): a trap in `init` is a
 * crash, an error `init` returns is `init-failed`; crash/hang faults are one-shot, slow and
 * clock-skew stand until cleared, also across respawns. Deliberate differences, because
 * the thread is shared: a hang (or a slow wait past the deadline) is modelled — the agent
 * is held for its deadline on the injected timer, then reported `deadline-exceeded` —
 * with no `worker-terminated` bystanders; a slow or hanging agent does not hold up other
 * agents; `init` is not watched, and a guest that truly spins blocks the thread.
 */
import type { Clock, Effect, HostEvent } from '../../kernel/types';
import type { Schedule } from '../createRuntime';
import type { AgentHost, KindInfo } from '../types';
import { createInlineAgents, type DeliverEffect, type InlineAgents, type SpawnEffect } from './createInlineAgents';
import { createKindLibrary, type KindLibrary } from './createKindLibrary';
import { createRealSchedule } from '../realSchedule';

export interface InlineHostOptions {
  clock: Clock;
  /** Shared compiled kinds (default: a library of its own). */
  library?: KindLibrary;
  schedule?: Schedule;
  /** Tasks run per drain before yielding to the event loop (timers, I/O). Default 1024. */
  sliceTasks?: number;
}

export interface InlineHost extends AgentHost {
  readonly library: KindLibrary;
  readonly agents: InlineAgents;
}

type Task = { type: 'spawn'; effect: SpawnEffect } | { type: 'deliver'; effect: DeliverEffect };

interface Lane {
  queue: Task[];
  busy: boolean;
}


export function createInlineHost(options: InlineHostOptions): InlineHost {
  const library = options.library ?? createKindLibrary();
  const schedule = options.schedule ?? createRealSchedule();
  const slice = Math.max(1, options.sliceTasks ?? 1024);
  const agents = createInlineAgents({ library, now: () => options.clock.now() });
  const lanes = new Map<string, Lane>();
  const ready: string[] = [];
  const listeners = new Set<(events: HostEvent[]) => void>();
  const timers = new Set<unknown>();
  let outbox: HostEvent[] = [];
  let scheduled = false;
  let disposed = false;

  const lane = (name: string): Lane => {
    let l = lanes.get(name);
    if (!l) lanes.set(name, (l = { queue: [], busy: false }));
    return l;
  };

  function markReady(name: string): void {
    const l = lane(name);
    if (!l.busy && l.queue.length > 0 && !ready.includes(name)) ready.push(name);
  }

  function kick(): void {
    if (scheduled || disposed) return;
    scheduled = true;
    void Promise.resolve().then(drain);
  }

  function emit(events: HostEvent[]): void {
    for (const e of events) outbox.push(e);
  }

  function flush(): void {
    if (outbox.length === 0 || disposed) return;
    const events = outbox;
    outbox = [];
    for (const l of listeners) l(events);
  }

  function later(ms: number, fn: () => void): void {
    const handle = schedule.setTimeout(() => {
      timers.delete(handle);
      if (!disposed) fn();
    }, ms);
    timers.add(handle);
  }

  function drain(): void {
    scheduled = false;
    let budget = slice;
    while (ready.length > 0 && budget-- > 0 && !disposed) {
      const name = ready.shift()!;
      const l = lane(name);
      const task = l.queue.shift();
      if (!task) continue;
      if (task.type === 'spawn') {
        l.busy = true;
        void agents.spawn(task.effect).then(
          (events) => finish(name, events),
          (e: unknown) => finish(name, [{ type: 'agent.init-failed', agent: name, instance: task.effect.instance, error: e instanceof Error ? e.message : String(e) }]),
        );
        continue;
      }
      const plan = agents.plan(name, task.effect.instance);
      if (plan.extraMs > 0) {
        l.busy = true;
        later(plan.extraMs, () => finish(name, agents.deliver(task.effect, plan)));
        continue;
      }
      emit(agents.deliver(task.effect, plan));
      markReady(name);
    }
    flush();
    if (ready.length > 0 && !disposed) {
      // Yield to the event loop so timers and I/O are not starved by a busy system.
      scheduled = true;
      later(0, drain);
    }
  }

  function finish(name: string, events: HostEvent[]): void {
    lane(name).busy = false;
    emit(events);
    markReady(name);
    flush();
    kick();
  }

  return {
    library,
    agents,
    registerKind: (kind, component, meta) => library.registerKind(kind, component, meta),
    kinds: (): KindInfo[] => library.kinds(),
    perform(effects: readonly Effect[]) {
      for (const effect of effects) {
        switch (effect.type) {
          case 'spawn':
            lane(effect.agent).queue.push({ type: 'spawn', effect });
            markReady(effect.agent);
            break;
          case 'deliver':
            lane(effect.agent).queue.push({ type: 'deliver', effect });
            markReady(effect.agent);
            break;
          case 'kill': {
            agents.kill(effect.agent, effect.instance);
            const l = lane(effect.agent);
            l.queue = l.queue.filter((t) => t.effect.instance !== effect.instance);
            break;
          }
          case 'fault':
            agents.fault(effect);
            break;
          default:
            break;
        }
      }
      kick();
    },
    onEvents(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      disposed = true;
      for (const t of timers) schedule.clearTimeout(t);
      timers.clear();
      agents.dispose();
      listeners.clear();
    },
  };
}
