/**
 * A headless, deterministic workbench: the kernel, a virtual clock, and an inline host
 * running JS "agents" (plain functions) synchronously. Work pending for several agents is
 * taken in an order drawn from the seeded Rng (each agent's own work stays in order), so
 * a seed picks one interleaving and replays it exactly. No timers: `tick(ms)` moves time.
 */
import type { AclMessage } from '../../protocol/message';
import { createManualClock } from '../clock';
import { createKernel } from '../kernel';
import { createSeededRng } from '../rng';
import type { SupervisorSpec } from '../resilienceTypes';
import type { AgentSpec, Effect, HostEvent, KernelEvent, KernelInput, StepResult } from '../types';
import { applyFault, contextFor, HostTimers, newInstance, type Instance } from './testInstance';
import type { AgentBehavior, AgentHandler, TestWorkbench, TestWorkbenchOptions } from './types';

type Task = { type: 'spawn'; effect: Extract<Effect, { type: 'spawn' }> } | { type: 'deliver'; instance: number; message: AclMessage; slept?: boolean };

export function createTestWorkbench(options: TestWorkbenchOptions = {}): TestWorkbench {
  const clock = createManualClock(options.start ?? 0);
  const rng = createSeededRng(options.seed ?? 1);
  const kernel = createKernel({ ...options.kernel, clock, rng });
  const kinds = new Map<string, AgentBehavior>();
  const instances = new Map<string, Instance>();
  const tasks = new Map<string, Task[]>();
  const received = new Map<string, AclMessage[]>();
  const held = new Set<string>();
  /** Agents with work to do and not held; picked from with the Rng. */
  const ready: string[] = [];
  const events: KernelEvent[] = [];
  const later = new HostTimers(clock);
  const hangs = new Set<string>();
  let running = false;

  /** Instances spawned but not started yet (faults may arrive for them first). */
  const prepared = new Map<string, Instance>();

  function crashNow(inst: Instance, reason: string, messageId: string | undefined): void {
    inst.alive = false;
    tasks.set(inst.name, []); // the instance is gone; the kernel requeues what it held
    unready(inst.name);
    const event: HostEvent = { type: 'agent.crashed', agent: inst.name, instance: inst.instance, reason };
    if (messageId !== undefined) event.messageId = messageId;
    feed(event);
  }

  function hold(agent: string): void {
    held.add(agent);
    unready(agent);
  }

  function release(agent: string): void {
    held.delete(agent);
    if ((tasks.get(agent)?.length ?? 0) > 0 && !ready.includes(agent)) ready.push(agent);
    run();
  }



  for (const [kind, behavior] of Object.entries(options.kinds ?? {})) register(kind, behavior);

  function register(kind: string, behavior: AgentHandler | AgentBehavior): void {
    kinds.set(kind, typeof behavior === 'function' ? { handle: behavior } : behavior);
  }

  function record(name: string, message: AclMessage): void {
    let list = received.get(name);
    if (!list) received.set(name, (list = []));
    list.push(message);
  }

  function feed(input: KernelInput): StepResult {
    const result = kernel.step(input);
    for (const event of result.events) events.push(event);
    for (const effect of result.effects) perform(effect);
    return result;
  }

  function perform(effect: Effect): void {
    switch (effect.type) {
      case 'spawn':
        prepared.set(effect.agent, newInstance(effect.agent, effect, kinds.get(effect.kind)));
        enqueueTask(effect.agent, { type: 'spawn', effect });
        return;
      case 'deliver':
        enqueueTask(effect.agent, { type: 'deliver', instance: effect.instance, message: effect.message });
        return;
      case 'kill':
        killInstance(effect.agent, effect.instance);
        return;
      case 'reply':
        record(effect.client, effect.message);
        return;
      case 'timer':
        return; // tick() asks the kernel for its next deadline instead
      case 'fault': {
        const next = prepared.get(effect.agent);
        const inst = next?.instance === effect.instance ? next : instances.get(effect.agent);
        if (inst && inst.instance === effect.instance) applyFault(inst, effect); // standing faults come again with each spawn
        return;
      }
    }
  }

  function enqueueTask(agent: string, task: Task): void {
    let list = tasks.get(agent);
    if (!list) tasks.set(agent, (list = []));
    list.push(task);
    if (list.length === 1 && !held.has(agent)) ready.push(agent);
  }

  function killInstance(agent: string, instance: number): void {
    const live = instances.get(agent);
    if (live && live.instance === instance) {
      live.alive = false;
      if (hangs.delete(agent)) held.delete(agent); // the stuck handler dies with its instance
    }
    if (prepared.get(agent)?.instance === instance) prepared.delete(agent);
    const list = tasks.get(agent);
    if (list) {
      const kept = list.filter((t) => (t.type === 'spawn' ? t.effect.instance : t.instance) !== instance);
      tasks.set(agent, kept);
      if (kept.length === 0) unready(agent);
    }
  }

  function unready(agent: string): void {
    const i = ready.indexOf(agent);
    if (i >= 0) ready.splice(i, 1);
  }

  function runTask(agent: string, task: Task): void {
    const out: HostEvent[] = [];
    if (task.type === 'spawn') {
      const { effect } = task;
      const behavior = kinds.get(effect.kind);
      const pendingFaults = prepared.get(agent);
      prepared.delete(agent);
      const inst: Instance = pendingFaults && pendingFaults.instance === effect.instance
        ? pendingFaults
        : newInstance(agent, effect, behavior);
      instances.set(agent, inst);
      const base = { agent, instance: inst.instance };
      if (!behavior) return void feedAll([{ type: 'agent.init-failed', ...base, error: `unknown kind "${effect.kind}"` }]);
      let error: string | undefined;
      try {
        const result = behavior.init?.(contextFor(inst, out, clock));
        if (typeof result === 'string') error = result;
      } catch (thrown) {
        // A throw is a trap during init (a crash, supervised); a returned string is init's error.
        inst.alive = false;
        out.push({ type: 'agent.crashed', ...base, reason: `trap during init: ${String((thrown as Error)?.message ?? thrown)}` });
        return void feedAll(out);
      }
      out.push(error === undefined ? { type: 'agent.ready', ...base } : { type: 'agent.init-failed', ...base, error });
      return void feedAll(out);
    }
    const inst = instances.get(agent);
    if (!inst || !inst.alive || inst.instance !== task.instance) return;
    if (inst.slowMs > 0 && !task.slept) {
      // Slow: the handler starts `slowMs` later; the agent's later work waits behind it.
      task.slept = true;
      (tasks.get(agent) ?? (tasks.set(agent, []), tasks.get(agent)!)).unshift(task);
      hold(agent);
      later.after(inst.slowMs, () => release(agent));
      return;
    }
    record(agent, task.message);
    const base = { agent, instance: inst.instance, messageId: task.message.id };
    if (inst.crashNext) {
      inst.crashNext = false;
      return void crashNow(inst, 'trap: unreachable (injected crash)', task.message.id);
    }
    if (inst.hangNext) {
      // Hang: the handler never returns; the watchdog reports it at the deadline.
      inst.hangNext = false;
      hold(agent);
      hangs.add(agent);
      later.after(inst.deadlineMs, () => {
        if (!hangs.delete(agent)) return;
        held.delete(agent);
        if (inst.alive && instances.get(agent) === inst) crashNow(inst, 'deadline-exceeded', task.message.id);
        else if ((tasks.get(agent)?.length ?? 0) > 0 && !ready.includes(agent)) ready.push(agent);
      });
      return;
    }
    try {
      const result = inst.behavior.handle(task.message, contextFor(inst, out, clock));
      out.push(typeof result === 'string' ? { type: 'agent.handled', ...base, error: result } : { type: 'agent.handled', ...base });
    } catch (thrown) {
      inst.alive = false;
      tasks.set(agent, []); // the instance is gone; the kernel requeues what it held
      unready(agent);
      out.push({ type: 'agent.crashed', agent, instance: inst.instance, reason: String((thrown as Error)?.message ?? thrown), messageId: task.message.id });
    }
    feedAll(out);
  }

  function feedAll(inputs: HostEvent[]): void {
    for (const input of inputs) feed(input);
  }

  function run(): void {
    if (running) return; // re-entered from a handler's step: the outer loop carries on
    running = true;
    try {
      while (ready.length > 0) {
        const pick = ready.length === 1 ? 0 : rng.int(ready.length);
        const agent = ready[pick]!;
        const list = tasks.get(agent)!;
        const task = list.shift()!;
        if (list.length === 0) ready.splice(pick, 1);
        runTask(agent, task);
      }
    } finally {
      running = false;
    }
  }

  function input(value: KernelInput): StepResult {
    const result = feed(value);
    run();
    return result;
  }

  const wb: TestWorkbench = {
    kernel,
    clock,
    rng,
    events,
    register,
    input,
    command: (command) => input(command),
    deploy: (name, kind, spec = {}) => {
      const full: AgentSpec = { name, kind, ...spec };
      return input({ type: 'agent.deploy', spec: full });
    },
    topic: (name) => input({ type: 'topic.create', name }),
    client: (name) => input({ type: 'client.create', name }),
    link: (a, b, id) => input(id === undefined ? { type: 'link.add', a, b } : { type: 'link.add', a, b, id }),
    send: (draft, from) => input(from === undefined ? { type: 'message.send', message: draft } : { type: 'message.send', message: draft, from }),
    sendAs: (agent, draft) => {
      const inst = instances.get(agent);
      return input({ type: 'agent.sent', agent, instance: inst?.instance ?? 0, message: draft });
    },
    crash: (agent, reason = 'trap', { messageId, bystander } = {}) => {
      const inst = instances.get(agent);
      const instance = inst?.instance ?? 0;
      if (inst) inst.alive = false;
      tasks.set(agent, []);
      unready(agent);
      const event: HostEvent = { type: 'agent.crashed', agent, instance, reason };
      if (messageId !== undefined) event.messageId = messageId;
      if (bystander) event.bystander = true;
      return input(event);
    },
    hold,
    release,
    tick: (ms) => {
      const target = clock.now() + ms;
      for (;;) {
        const kernelNext = kernel.nextTimer();
        const hostNext = later.next();
        const next = kernelNext === undefined ? hostNext : hostNext === undefined ? kernelNext : Math.min(kernelNext, hostNext);
        if (next === undefined || next > target) break;
        if (next > clock.now()) clock.set(next);
        if (hostNext !== undefined && hostNext <= clock.now()) {
          later.fire();
          run();
        } else {
          input({ type: 'tick' });
        }
      }
      clock.set(target);
    },
    inject: (fault) => input({ type: 'chaos.inject', fault }),
    clearChaos: (id) => input(id === undefined ? { type: 'chaos.clear' } : { type: 'chaos.clear', id }),
    group: (spec) => input({ type: 'group.create', spec: spec as SupervisorSpec }),
    configureLink: (id, policy) => input({ type: 'link.configure', id, policy }),
    deadLetters: () => kernel.deadLetters(),
    run,
    messagesTo: (name) => [...(received.get(name) ?? [])],
    eventsOf: <T extends KernelEvent['type']>(type: T) => events.filter((e): e is Extract<KernelEvent, { type: T }> => e.type === type),
    snapshot: () => kernel.snapshot(),
  };
  return wb;
}

