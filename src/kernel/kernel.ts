/**
 * The kernel: a sans-I/O state machine. `step(input)` validates the input, changes state,
 * and returns the events it appended and the effects it wants performed. Nothing throws
 * out of `step` for bad input: commands are refused with `error` (and a `log` event from
 * `kernel`), invalid messages become `message.invalid` events.
 *
 * Its parts: `state/` (all state, plain data), `pipeline/` (a message's one-way path:
 * route → link policy and chaos → limits → mailbox → deliver), `policy/` (link policies'
 * bookkeeping), `supervision/`, `chaos/`, `commands/`, `host/` (host events, agent timers).
 */
import { errorData, type OrreryErrorData } from '../protocol/errors';
import { DEFAULT_MAX_MESSAGE_BYTES, type AclMessage } from '../protocol/message';
import { KERNEL_SENDER } from '../protocol/names';
import { describeValue } from '../protocol/describe';
import { dispatchInput } from './dispatchInput';
import { runDue } from './jobs';
import { sendMessage } from './pipeline/send';
import { snapshot } from './snapshot';
import { DEFAULT_EVENT_LOG_CAPACITY, type EventListener } from './state/eventLog';
import { createKernelState, type KernelState } from './state/kernelState';
import type { AgentLimits, Clock, DeadLetter, Effect, KernelEvent, KernelInput, KernelSnapshot, Rng, StepResult } from './types';

export interface KernelOptions {
  clock: Clock;
  rng: Rng;
  /** Limit for console and client messages, and the default agent limit. Default 1 MiB. */
  maxMessageBytes?: number;
  defaultLimits?: Partial<AgentLimits>;
  /** Deliveries outstanding per agent (handed to the host, not yet handled). Default 32. */
  maxInFlight?: number;
  /**
   * Events kept for `events()`; older ones are dropped and counted (`eventsDropped` in the
   * snapshot). Default DEFAULT_EVENT_LOG_CAPACITY; `Infinity` keeps all (a whole-run hash
   * wants the full stream: subscribe instead, which sees every event either way).
   */
  eventLogCapacity?: number;
  /**
   * Called with every input and the kernel time it is handled at (the clock is read once per
   * step), before the kernel acts on it: the tape of a recording. With the same seed, the
   * same inputs at the same times reproduce the same events (see src/experiments/replay).
   */
  onInput?: (input: KernelInput, now: number) => void;
}

export interface Kernel {
  step(input: KernelInput): StepResult;
  /**
   * `step` for the data path: appends the events and effects to the caller's arrays (a
   * shell's outgoing batch) instead of allocating new ones, and returns the error if any.
   */
  stepInto(input: KernelInput, events: KernelEvent[], effects: Effect[]): OrreryErrorData | undefined;
  snapshot(): KernelSnapshot;
  /** The agent's durable key-value state (a copy); {} for an unknown agent. */
  kv(agent: string): Record<string, string>;
  /** In flight, then queued, in delivery order (for the inspector). */
  mailbox(agent: string): AclMessage[];
  /** The earliest time the kernel wants a tick (reply deadline, restart, transit, retry...). */
  nextTimer(): number | undefined;
  /** The dead-letter queue, oldest first (the newest 10 000; the log has them all). */
  deadLetters(): DeadLetter[];
  /** The events the bounded log still keeps, oldest first (`snapshot().eventsDropped` went before). */
  events(): KernelEvent[];
  /** Every event from now on, as it is appended, kept or not. Returns the disposer. */
  subscribe(listener: EventListener): () => void;
}

export const DEFAULT_LIMITS: Readonly<AgentLimits> = {
  deadlineMs: 5_000,
  mailboxCapacity: 10_000,
  maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES,
};
export const DEFAULT_MAX_IN_FLIGHT = 32;
export { DEFAULT_EVENT_LOG_CAPACITY };

export function createKernel(options: KernelOptions): Kernel {
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const onInput = options.onInput;
  const state = createKernelState({
    clock: options.clock,
    rng: options.rng,
    defaultLimits: { ...DEFAULT_LIMITS, maxMessageBytes, ...options.defaultLimits },
    maxInFlight: Math.max(1, options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT),
    maxMessageBytes,
    eventLogCapacity: options.eventLogCapacity ?? DEFAULT_EVENT_LOG_CAPACITY,
    dispatch: { send: sendMessage },
  });

  function stepInto(input: KernelInput, events: KernelEvent[], effects: Effect[]): OrreryErrorData | undefined {
    state.now = state.clock.now();
    onInput?.(input, state.now);
    state.log.begin(state.now, events);
    state.effects = effects;
    let error: OrreryErrorData | undefined;
    try {
      error = dispatchInput(state, input);
      // Whatever this step scheduled for now (a message held behind an earlier one) lands now.
      if (state.scheduler.size > 0 && state.scheduler.next()! <= state.now) runDue(state);
      if (error !== undefined && !isMessageError(input)) {
        state.log.emit({ type: 'log', agent: KERNEL_SENDER, level: 'error', text: `${error.code}: ${error.message}` });
      }
    } catch (thrown) {
      // A bug, not bad input: keep the kernel usable and put it on the record.
      error = errorData('ORR019', `internal error while handling ${describeInput(input)}: ${(thrown as Error)?.stack ?? String(thrown)}`);
      state.log.emit({ type: 'log', agent: KERNEL_SENDER, level: 'error', text: `${error.code}: ${error.message}` });
    }
    armTimer(state);
    return error;
  }

  function step(input: KernelInput): StepResult {
    const result: StepResult = { events: [], effects: [] };
    const error = stepInto(input, result.events, result.effects);
    if (error !== undefined) result.error = error;
    return result;
  }

  return {
    step,
    stepInto,
    snapshot: () => snapshot(state),
    kv: (name) => {
      const agent = state.registry.agent(name);
      return agent ? Object.fromEntries(agent.kv) : {};
    },
    mailbox: (name) => {
      const agent = state.registry.agent(name);
      return agent ? [...agent.inFlight.toArray(), ...agent.queue.toArray()] : [];
    },
    nextTimer: () => nextDeadline(state),
    deadLetters: () => state.deadLetters.list(),
    events: () => state.log.retained(),
    subscribe: (listener) => state.log.subscribe(listener),
  };
}

/** Refused messages are recorded as `message.invalid`, not as a kernel error log. */
function isMessageError(input: KernelInput): boolean {
  return typeof input === 'object' && input !== null && input.type === 'message.send';
}

function describeInput(input: unknown): string {
  const type = (input as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? `"${type}"` : describeValue(input);
}

/** Ask the shell for a tick at the earliest deadline unless an earlier one is armed. */
function armTimer(state: KernelState): void {
  if (state.armedTimer !== undefined && state.armedTimer <= state.now) state.armedTimer = undefined;
  const next = nextDeadline(state);
  if (next !== undefined && (state.armedTimer === undefined || next < state.armedTimer)) {
    state.effects.push({ type: 'timer', at: next });
    state.armedTimer = next;
  }
}

function nextDeadline(state: KernelState): number | undefined {
  const a = state.correlation.next();
  const b = state.scheduler.next();
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}
