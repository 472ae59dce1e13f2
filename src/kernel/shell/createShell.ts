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
  type Kernel,
  type KernelEvent,
  type KernelInput,
  type KernelOptions,
  type KernelSnapshot,
  type ManualClock,
  type SeededRng,
  type StepResult,
} from '../index';
import { createAgendaRunner } from './agendaRunner';
import { createAgentLanes } from './agentLanes';
import { createFaultBook } from './faultBook';
import type { InProcessAgentsFactory } from './inProcessAgents';
import { runRequest, type RequestDeps } from './request';
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

/**
 * A latency model for simulated time (a load experiment's): the caller draws from streams of
 * its own, so the shell's other draws stay as they are. Left out, handling takes `timing.handleMs`
 * and messages reach agents without transit time.
 */
export interface ShellLatencyModel {
  /** Time `agent` spends handling one message (replaces `timing.handleMs`). */
  handleMs?(agent: string): number;
  /** Transit time of `message` to `agent` before it joins the agent's queue (0: none). */
  transitMs?(message: AclMessage, agent: string): number;
}

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
  latency?: ShellLatencyModel;
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
  /** Runs everything due by `time` and moves the clock there; with `wake`, stops early once it holds (checked between items). */
  advanceTo(time: number, wake?: () => boolean): Promise<void>;
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

export function createShell(options: ShellOptions): Shell {
  const { seed, clock, kernel, runner, replies, handles, agents, lanes, feed } = createEngine(options);
  const send = (draft: unknown, from?: string): SendResult => sendResult(feed(sendInput(draft, from)));
  const onReply = (client: string, listener: (message: AclMessage, client: string) => void) => replies.on(client, listener);
  let requestSeq = 0;
  const requests: RequestDeps = { now: () => clock.now(), send, onReply, advance: runner.advance, moveTo: runner.moveTo };

  return {
    mode: 'simulation',
    seed,
    kernel,
    clock,
    now: () => clock.now(),
    input: feed,
    command: (command) => {
      const { error } = feed(command);
      return error === undefined ? {} : { error };
    },
    send,
    log: () => kernel.events(),
    eventsDropped: () => kernel.snapshot().eventsDropped ?? 0,
    subscribe: (listener) => kernel.subscribe(listener),
    onReply,
    onHandle: (listener) => handles.on(ANY_CLIENT, listener),
    snapshot: () => kernel.snapshot(),
    runDue(time) {
      if (runner.runItems(time) !== undefined)
        throw new Error('an in-process agent instantiated asynchronously: use advanceTo / runUntilIdle, which await it');
      runner.moveTo(time);
    },
    advanceTo: (time, wake) =>
      runner.advance(time, wake).then(() => {
        if (!wake?.()) runner.moveTo(time);
      }),
    runUntilIdle: (limit = Infinity) => runner.advance(limit),
    async runUntil(done, limit) {
      await runner.advance(limit, done);
      if (!done()) runner.moveTo(limit);
      return done();
    },
    request: (draft, timeoutMs, from) => runRequest(requests, draft, timeoutMs, ++requestSeq, from),
    pending: () => runner.size(),
    live: (agent) => lanes.live(agent),
    hold: (agent) => lanes.hold(agent),
    release: (agent) => lanes.release(agent),
    dispose() {
      runner.stop();
      agents.dispose?.();
    },
  };
}

/** The shell's moving parts: kernel, clock, agenda, lanes, and `feed`, which performs effects. */
function createEngine(options: ShellOptions) {
  const seed = (options.seed ?? 1) >>> 0;
  const stream = (s: number) => createSeededRng(deriveSeed(seed, s));
  const timing: SimTiming = { ...DEFAULT_TIMING, ...options.timing };
  const clock = createManualClock(options.start ?? 0);
  const capacity = options.eventLogCapacity === undefined ? {} : { eventLogCapacity: options.eventLogCapacity };
  const kernel = createKernel({ ...options.kernel, ...capacity, clock, rng: options.rng?.kernel ?? stream(STREAM.kernel) });
  const durations = options.rng?.durations ?? stream(STREAM.durations);
  const runner = createAgendaRunner({
    clock,
    order: options.rng?.order ?? stream(STREAM.order),
    maxSteps: options.maxSteps ?? 10_000_000,
    seed,
  });
  const replies = new Listeners<[AclMessage, string]>();
  const handles = new Listeners<[string, AclMessage]>();
  const faults = createFaultBook();
  const agents = options.agents({ now: (agent) => clock.now() + faults.skewMs(agent) });
  const draw = (range: Range): number => Math.round((range.min + durations.next() * Math.max(0, range.max - range.min)) * 1000) / 1000;
  const lanes = createAgentLanes({
    agents,
    faults,
    schedule: runner.schedule,
    spawnMs: () => draw(timing.spawnMs),
    handleMs: options.latency?.handleMs ?? (() => draw(timing.handleMs)),
    feedHost: (events) => {
      for (const event of events) {
        lanes.observe(event);
        feed(event);
      }
    },
    handled: (agent, message) => handles.emit(agent, message),
  });
  const transitMs = options.latency?.transitMs;
  const deliver = (effect: Extract<Effect, { type: 'deliver' }>): void => {
    const transit = transitMs ? transitMs(effect.message, effect.agent) : 0;
    if (transit > 0) runner.schedule(transit, () => void lanes.deliver(effect));
    else lanes.deliver(effect);
  };
  const timers = new Set<number>();
  const perform = (effect: Effect): void => {
    if (effect.type === 'spawn') lanes.spawn(effect);
    else if (effect.type === 'deliver') deliver(effect);
    else if (effect.type === 'kill') lanes.kill(effect.agent, effect.instance);
    else if (effect.type === 'fault') faults.apply(effect);
    else if (effect.type === 'reply') replies.emitTo([effect.client, ANY_CLIENT], effect.message, effect.client);
    else armTimer(effect.at);
  };
  function armTimer(requested: number): void {
    const at = Math.max(requested, clock.now());
    if (timers.has(at)) return;
    timers.add(at);
    runner.schedule(at - clock.now(), () => {
      timers.delete(at);
      feed({ type: 'tick' });
    });
  }
  function feed(input: KernelInput): StepResult {
    const result = kernel.step(input);
    for (const effect of result.effects) perform(effect);
    return result;
  }
  return { seed, clock, kernel, runner, replies, handles, agents, lanes, feed };
}

/** Listeners by key (a client name, or `*` for all). */
class Listeners<A extends unknown[]> {
  private readonly byKey = new Map<string, Set<(...args: A) => void>>();

  on(key: string, listener: (...args: A) => void): () => void {
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit(...args: A): void {
    this.emitTo([ANY_CLIENT], ...args);
  }

  emitTo(keys: readonly string[], ...args: A): void {
    for (const key of keys) for (const l of [...(this.byKey.get(key) ?? [])]) l(...args);
  }
}
