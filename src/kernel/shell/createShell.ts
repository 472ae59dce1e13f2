/**
 * The single-thread shell: the kernel and every agent on one thread, a virtual clock and
 * a seeded scheduler. One shell serves deterministic simulation (experiments, swarms, the
 * CLI), the kernel's unit tests (createTestWorkbench) and host conformance. Agents are
 * pluggable in-process agents (JS behaviours, or wasm components through src/hosts); the
 * shell carries out every effect: spawns and deliveries on per-agent serial lanes
 * (agentLanes), faults, kernel timers and replies, all on one agenda ordered by virtual
 * time and a seeded tie-break. Nothing sleeps: time jumps to the next due item, so a run
 * is a pure function of (inputs, agents, seed) and the same seed gives the same log.
 *
 * The log is the kernel's, bounded (the newest `eventLogCapacity` events,
 * DEFAULT_EVENT_LOG_CAPACITY unless told); subscribers see every event as it is appended,
 * kept or not (a log hash, a recording).
 * Spawns are the only step that may be asynchronous (wasm instantiation): `advanceTo`,
 * `runUntilIdle`, `runUntil` and `request` await them in agenda order, so promise timing
 * never leaks into the result; `runDue` is the synchronous form for synchronous agents.
 */
import type { AclMessage } from '../../protocol/message';
import {
  createKernel,
  createManualClock,
  createSeededRng,
  type Command,
  type Effect,
  type HostEvent,
  type Kernel,
  type KernelEvent,
  type KernelInput,
  type KernelOptions,
  type KernelSnapshot,
  type ManualClock,
  type SeededRng,
  type StepResult,
} from '../index';
import { Agenda, type Agendum } from './agenda';
import { createAgentLanes } from './agentLanes';
import { createFaultBook } from './faultBook';
import type { InProcessAgentsFactory } from './inProcessAgents';
import { prepareRequest, timeoutFailure } from './request';
import { deriveSeed, STREAM } from './seedStreams';
import { sendInput, sendResult, type SendResult } from './sendResult';

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

export const DEFAULT_TIMING: SimTiming = { handleMs: { min: 0.05, max: 0.5 }, spawnMs: { min: 1, max: 6 } };
/** No time passes while agents work: unit tests, where only the kernel's timers move time. */
export const INSTANT_TIMING: SimTiming = { handleMs: { min: 0, max: 0 }, spawnMs: { min: 0, max: 0 } };

export interface ShellOptions {
  agents: InProcessAgentsFactory;
  /** Default 1. Kernel, scheduler and durations each get a stream of their own. */
  seed?: number;
  /** Replace a derived stream (e.g. a kernel Rng seeded directly with `seed`). */
  rng?: { kernel?: SeededRng; order?: SeededRng; durations?: SeededRng };
  kernel?: Omit<Partial<KernelOptions>, 'clock' | 'rng'>;
  timing?: Partial<SimTiming>;
  /** Virtual start time (ms). Default 0. */
  start?: number;
  /** Fails the run (throws) after this many agenda items: a runaway guard. Default 10M. */
  maxSteps?: number;
  /** Events kept for `log()` (the newest). Default DEFAULT_EVENT_LOG_CAPACITY; Infinity keeps all. */
  eventLogCapacity?: number;
}

export interface Shell {
  readonly mode: 'simulation';
  readonly seed: number;
  readonly kernel: Kernel;
  readonly clock: ManualClock;
  now(): number;
  /** Feeds one input now and performs its effects (scheduling whatever they start). */
  input(input: KernelInput): StepResult;
  command(command: Command): { error?: StepResult['error'] };
  /** Sends from the console (no `from`) or a client node. */
  send(draft: unknown, from?: string): SendResult;
  /** The retained events, oldest first. */
  log(): readonly KernelEvent[];
  /** Events dropped from `log()` to stay within its capacity. */
  eventsDropped(): number;
  /** Every event, as it is appended (kept or not). Returns the disposer. */
  subscribe(listener: (event: KernelEvent) => void): () => void;
  /** Messages the kernel addresses to a client node (or `you`); `*`: to any of them. */
  onReply(client: string, listener: (message: AclMessage, client: string) => void): () => void;
  /** A handler was called with a message (or hung on it). */
  onHandle(listener: (agent: string, message: AclMessage) => void): () => void;
  snapshot(): KernelSnapshot;
  /** Runs everything due by `time` and moves the clock there; agents must be synchronous. */
  runDue(time: number): void;
  /** Runs everything due by `time` and moves the clock there. */
  advanceTo(time: number): Promise<void>;
  /** Runs until nothing is scheduled, or until `limit` (absolute virtual ms). */
  runUntilIdle(limit?: number): Promise<void>;
  /** Runs until `done()` holds (checked between items) or past `limit`; returns `done()`. */
  runUntil(done: () => boolean, limit: number): Promise<boolean>;
  /** Sends and runs until the reply (matched by reply_with) or the kernel's timeout failure. */
  request(draft: unknown, timeoutMs: number, from?: string): Promise<AclMessage>;
  /** Items waiting on the agenda. */
  pending(): number;
  /** The live instance of an agent, as the kernel expects it. */
  live(agent: string): number | undefined;
  /** Stops starting `agent`'s work (deliveries pile up in flight), and lets it go again. */
  hold(agent: string): void;
  release(agent: string): void;
  dispose(): void;
}

const ANY_CLIENT = '*';

/** Grace after a request's own timeout before the shell gives up on the kernel. */
const REQUEST_GRACE_MS = 1000;

export function createShell(options: ShellOptions): Shell {
  const seed = (options.seed ?? 1) >>> 0;
  const stream = (s: number) => createSeededRng(deriveSeed(seed, s));
  const timing: SimTiming = { ...DEFAULT_TIMING, ...options.timing };
  const clock = createManualClock(options.start ?? 0);
  const kernel = createKernel({
    ...options.kernel,
    ...(options.eventLogCapacity !== undefined ? { eventLogCapacity: options.eventLogCapacity } : {}),
    clock,
    rng: options.rng?.kernel ?? stream(STREAM.kernel),
  });
  const order = options.rng?.order ?? stream(STREAM.order);
  const durations = options.rng?.durations ?? stream(STREAM.durations);
  const replyListeners = new Map<string, Set<(m: AclMessage, client: string) => void>>();
  const handleListeners = new Set<(agent: string, message: AclMessage) => void>();
  const faults = createFaultBook();
  const agents = options.agents({ now: (agent) => clock.now() + faults.skewMs(agent) });
  const agenda = new Agenda();
  const timers = new Set<number>();
  const maxSteps = options.maxSteps ?? 10_000_000;
  let seq = 0;
  let steps = 0;
  let requestSeq = 0;
  let disposed = false;

  const draw = (range: Range): number => {
    const span = Math.max(0, range.max - range.min);
    return Math.round((range.min + durations.next() * span) * 1000) / 1000;
  };
  const schedule = (delayMs: number, run: Agendum['run']): Agendum => {
    const item: Agendum = { at: clock.now() + delayMs, tie: order.next(), seq: seq++, run };
    agenda.push(item);
    return item;
  };

  const lanes = createAgentLanes({
    agents,
    faults,
    schedule,
    spawnMs: () => draw(timing.spawnMs),
    handleMs: () => draw(timing.handleMs),
    feedHost: (events) => {
      for (const event of events) {
        lanes.observe(event);
        feed(event);
      }
    },
    handled: (agent, message) => {
      for (const l of handleListeners) l(agent, message);
    },
  });

  function feed(input: KernelInput | HostEvent): StepResult {
    const result = kernel.step(input);
    for (const effect of result.effects) perform(effect);
    return result;
  }

  function perform(effect: Effect): void {
    switch (effect.type) {
      case 'spawn':
        return lanes.spawn(effect);
      case 'deliver':
        return lanes.deliver(effect);
      case 'kill':
        return lanes.kill(effect.agent, effect.instance);
      case 'fault':
        return faults.apply(effect);
      case 'timer':
        return armTimer(effect.at);
      case 'reply':
        for (const key of [effect.client, ANY_CLIENT]) for (const l of [...(replyListeners.get(key) ?? [])]) l(effect.message, effect.client);
        return;
    }
  }

  function armTimer(requested: number): void {
    const at = Math.max(requested, clock.now());
    if (timers.has(at)) return;
    timers.add(at);
    schedule(at - clock.now(), () => {
      timers.delete(at);
      feed({ type: 'tick' });
    });
  }

  /** Runs due items in order; returns the promise of an asynchronous one, to be awaited. */
  function runItems(limit: number, stop?: () => boolean): Promise<void> | undefined {
    for (;;) {
      if (disposed || stop?.()) return undefined;
      const next = agenda.peek();
      if (next === undefined || next.at > limit) return undefined;
      agenda.pop();
      if (next.cancelled) continue;
      if (++steps > maxSteps) throw new Error(`shell (seed ${seed}) exceeded ${maxSteps} steps at t=${clock.now()}: a message loop?`);
      if (next.at > clock.now()) clock.set(next.at);
      const pending = next.run();
      if (pending !== undefined) return pending;
    }
  }

  async function advance(limit: number, stop?: () => boolean): Promise<void> {
    for (let pending = runItems(limit, stop); pending !== undefined; pending = runItems(limit, stop)) await pending;
  }

  const moveTo = (time: number): void => {
    if (Number.isFinite(time) && time > clock.now()) clock.set(time);
  };

  function send(draft: unknown, from?: string): SendResult {
    return sendResult(feed(sendInput(draft, from)));
  }

  function onReply(client: string, listener: (message: AclMessage, client: string) => void): () => void {
    let set = replyListeners.get(client);
    if (!set) replyListeners.set(client, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  async function request(draft: unknown, timeoutMs: number, from?: string): Promise<AclMessage> {
    const prepared = prepareRequest(draft, { now: clock.now(), timeoutMs, seq: ++requestSeq, from });
    if (!prepared) {
      const refused = send(draft, from);
      throw new Error(refused.ok ? 'a request must be a message object' : refused.error);
    }
    let answer: AclMessage | undefined;
    const off = onReply(prepared.client, (m) => {
      if (m.in_reply_to === prepared.replyWith) answer ??= m;
    });
    try {
      const sent = send(prepared.draft, from);
      if (!sent.ok) throw new Error(sent.error);
      const giveUpAt = clock.now() + timeoutMs + REQUEST_GRACE_MS;
      await advance(giveUpAt, () => answer !== undefined);
      if (answer === undefined) moveTo(giveUpAt);
      return answer ?? timeoutFailure(prepared, timeoutMs, clock.now());
    } finally {
      off();
    }
  }

  return {
    mode: 'simulation',
    seed,
    kernel,
    clock,
    now: () => clock.now(),
    input: feed,
    command(command) {
      const { error } = feed(command);
      return error === undefined ? {} : { error };
    },
    send,
    log: () => kernel.events(),
    eventsDropped: () => kernel.snapshot().eventsDropped ?? 0,
    subscribe: (listener) => kernel.subscribe(listener),
    onReply,
    onHandle(listener) {
      handleListeners.add(listener);
      return () => handleListeners.delete(listener);
    },
    snapshot: () => kernel.snapshot(),
    runDue(time) {
      if (runItems(time) !== undefined) throw new Error('an in-process agent instantiated asynchronously: use advanceTo / runUntilIdle, which await it');
      moveTo(time);
    },
    async advanceTo(time) {
      await advance(time);
      moveTo(time);
    },
    runUntilIdle: (limit = Infinity) => advance(limit),
    async runUntil(done, limit) {
      await advance(limit, done);
      if (!done()) moveTo(limit);
      return done();
    },
    request,
    pending: () => agenda.size,
    live: (agent) => lanes.live(agent),
    hold: (agent) => lanes.hold(agent),
    release: (agent) => lanes.release(agent),
    dispose() {
      disposed = true;
      agents.dispose?.();
    },
  };
}
