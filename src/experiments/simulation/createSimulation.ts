/**
 * The deterministic simulation shell: the kernel and every agent on one thread, a virtual
 * clock, and a seeded scheduler. Each agent is a serial server: a delivery starts when the
 * agent is free and completes after a simulated handling time drawn from the seeded Rng,
 * at which point the real instance (wasm or JS) handles it and its host events are fed
 * back. Completions, spawns and kernel timers due at the same instant are taken in an order
 * drawn from the Rng. Nothing sleeps: time jumps to the next due item. So a run is a pure
 * function of (topology, inputs, seed) and the same seed gives the same log byte for byte.
 *
 * The instances are the inline host's (createInlineAgents), with the worker runtime's
 * semantics: a trap in `init` is a crash (supervised), an error `init` returns is
 * `init-failed`; crash/hang faults are one-shot, slow (added to the handling time) and
 * clock-skew (added to now-ms) stand until cleared and across respawns. Hang faults are
 * modelled, not spun: the agent is held for its deadline (virtual time) and then reported
 * crashed with `deadline-exceeded`, as the worker watchdog would; so is a slow fault
 * longer than the deadline. No `worker-terminated` bystanders (there are no workers).
 * Memory caps are real (the wasm memory maximum traps the guest).
 */
import { createManualClock, type ManualClock } from '../../kernel/clock';
import { createKernel, type Kernel, type KernelOptions } from '../../kernel/kernel';
import { createSeededRng, type SeededRng } from '../../kernel/rng';
import type { Command, Effect, HostEvent, KernelEvent, KernelInput, StepResult } from '../../kernel/types';
import { createInlineAgents, type DeliverEffect, type InlineAgents, type SpawnEffect } from '../../hosts/inline/createInlineAgents';
import type { KindLibrary } from '../../hosts/inline/createKindLibrary';
import type { SendResult } from '../../hosts/types';
import type { ExperimentShell } from '../ExperimentShell';
import { EventQueue } from './eventQueue';
import { logHash } from './logHash';
import { deriveSeed, STREAM } from '../seeds';

export interface Range {
  min: number;
  max: number;
}

/** Simulated durations (virtual ms), drawn uniformly and rounded to whole microseconds. */
export interface SimTiming {
  /** Time an agent spends handling one message. */
  handleMs: Range;
  /** Time to instantiate and initialise an instance. */
  spawnMs: Range;
}

export const DEFAULT_TIMING: SimTiming = {
  handleMs: { min: 0.05, max: 0.5 },
  spawnMs: { min: 1, max: 6 },
};

export interface SimulationOptions {
  seed: number;
  library: KindLibrary;
  kernel?: Omit<KernelOptions, 'clock' | 'rng'>;
  timing?: Partial<SimTiming>;
  /** Virtual start time (ms). Default 0. */
  start?: number;
  /** Fails the run (throws) after this many agenda items: a runaway guard. Default 10M. */
  maxSteps?: number;
}

export interface Simulation extends ExperimentShell {
  readonly mode: 'simulation';
  readonly seed: number;
  readonly kernel: Kernel;
  readonly clock: ManualClock;
  /** Feeds one input now and performs its effects (scheduling whatever they start). */
  input(input: KernelInput): StepResult;
  /** Runs until nothing is scheduled, or until `limit` (absolute virtual ms). */
  runUntilIdle(limit?: number): Promise<void>;
  /** Items waiting on the agenda. */
  pending(): number;
  /** SHA-256 of the canonical log so far. */
  hash(): string;
  dispose(): void;
}

type Task = { type: 'spawn'; effect: SpawnEffect } | { type: 'deliver'; effect: DeliverEffect };

interface Lane {
  queue: Task[];
  busy: boolean;
}

export function createSimulation(options: SimulationOptions): Simulation {
  const seed = options.seed >>> 0;
  const timing: SimTiming = { ...DEFAULT_TIMING, ...options.timing };
  const clock = createManualClock(options.start ?? 0);
  const kernel = createKernel({ ...options.kernel, clock, rng: createSeededRng(deriveSeed(seed, STREAM.kernel)) });
  const order: SeededRng = createSeededRng(deriveSeed(seed, STREAM.order));
  const durations: SeededRng = createSeededRng(deriveSeed(seed, STREAM.durations));
  const agents: InlineAgents = createInlineAgents({ library: options.library, now: () => clock.now() });
  const agenda = new EventQueue();
  const lanes = new Map<string, Lane>();
  const timers = new Set<number>();
  const events: KernelEvent[] = [];
  const maxSteps = options.maxSteps ?? 10_000_000;
  let seq = 0;
  let steps = 0;
  let disposed = false;

  function draw(range: Range): number {
    const span = Math.max(0, range.max - range.min);
    return Math.round((range.min + durations.next() * span) * 1000) / 1000;
  }

  function schedule(at: number, run: Agendum['run']): void {
    agenda.push({ at, tie: order.next(), seq: seq++, run });
  }

  function lane(name: string): Lane {
    let l = lanes.get(name);
    if (!l) lanes.set(name, (l = { queue: [], busy: false }));
    return l;
  }

  function feed(input: KernelInput): StepResult {
    const result = kernel.step(input);
    for (const e of result.events) events.push(e);
    for (const effect of result.effects) perform(effect);
    return result;
  }

  function feedAll(inputs: HostEvent[]): void {
    for (const input of inputs) feed(input);
  }

  function perform(effect: Effect): void {
    switch (effect.type) {
      case 'spawn':
      case 'deliver': {
        const l = lane(effect.agent);
        l.queue.push(effect.type === 'spawn' ? { type: 'spawn', effect } : { type: 'deliver', effect });
        if (!l.busy) startNext(effect.agent);
        return;
      }
      case 'kill': {
        agents.kill(effect.agent, effect.instance);
        const l = lanes.get(effect.agent);
        if (l) l.queue = l.queue.filter((t) => t.effect.instance !== effect.instance);
        return;
      }
      case 'fault':
        agents.fault(effect);
        return;
      case 'timer': {
        const at = Math.max(effect.at, clock.now());
        if (timers.has(at)) return;
        timers.add(at);
        schedule(at, () => {
          timers.delete(at);
          feed({ type: 'tick' });
        });
        return;
      }
      case 'reply':
        return; // replies to clients are in the log (message.delivered); probes read it there
    }
  }

  /** The agent takes its next task: busy until the simulated completion. */
  function startNext(name: string): void {
    const l = lane(name);
    const task = l.queue.shift();
    if (!task) return;
    l.busy = true;
    const done = (): void => {
      l.busy = false;
      if (l.queue.length > 0) startNext(name);
    };
    if (task.type === 'spawn') {
      schedule(clock.now() + draw(timing.spawnMs), async () => {
        const out = await agents.spawn(task.effect);
        feedAll(out);
        done();
      });
      return;
    }
    const plan = agents.plan(name, task.effect.instance);
    const duration = plan.mode === 'hang' ? plan.extraMs : draw(timing.handleMs) + plan.extraMs;
    schedule(clock.now() + duration, () => {
      feedAll(agents.deliver(task.effect, plan));
      done();
    });
  }

  async function advance(limit: number, stopWhenIdle: boolean): Promise<void> {
    for (;;) {
      const next = agenda.peek();
      if (next === undefined || next.at > limit || disposed) break;
      agenda.pop();
      if (++steps > maxSteps) throw new Error(`simulation (seed ${seed}) exceeded ${maxSteps} steps at t=${clock.now()}: a message loop?`);
      if (next.at > clock.now()) clock.set(next.at);
      const r = next.run();
      if (r !== undefined) await r;
    }
    if (!stopWhenIdle && limit > clock.now() && Number.isFinite(limit)) clock.set(limit);
  }

  function send(draft: unknown, from?: string): SendResult {
    const { events: out, error } = feed(from === undefined ? { type: 'message.send', message: draft } : { type: 'message.send', message: draft, from });
    for (const e of out) {
      if (e.type === 'message.invalid') return { ok: false, error: e.error };
      if (e.type === 'message.sent') return { ok: true, id: e.message.id };
    }
    return { ok: false, error: error ? `${error.code}: ${error.message}` : 'the kernel neither accepted nor refused the message' };
  }

  return {
    mode: 'simulation',
    seed,
    kernel,
    clock,
    now: () => clock.now(),
    input: feed,
    command(command: Command) {
      const { error } = feed(command);
      return error === undefined ? {} : { error };
    },
    send,
    log: () => events,
    snapshot: () => kernel.snapshot(),
    advanceTo: (time) => advance(time, false),
    runUntilIdle: (limit = Infinity) => advance(limit, true),
    pending: () => agenda.size,
    hash: () => logHash(events),
    dispose() {
      disposed = true;
      agents.dispose();
    },
  };
}

type Agendum = Parameters<EventQueue['push']>[0];
