/**
 * The real-time shell around the sans-I/O kernel for a host that runs agents elsewhere
 * (the worker pool): feeds the kernel commands, host events and ticks, performs its
 * effects (host effects in batches, timers, replies), publishes events to subscribers in
 * coalesced batches, and implements WorkbenchApi. The event log is the kernel's own,
 * bounded unless the kernel was told otherwise (`eventLogCapacity`). For one thread and
 * virtual time, see the single-thread shell (src/kernel/shell).
 */
import type { Clock, Effect, KernelEvent, KernelInput, KernelSnapshot, StepResult } from '../kernel/types';
import type { AclMessage } from '../protocol/message';
import type { AgentHost, KindInfo, SendResult, WorkbenchApi } from './types';
import { OrreryError } from '../protocol/errors';
import { prepareRequest, sendInput, sendResult, timeoutFailure, type PreparedRequest } from '../kernel/shell';
import { hashBytes } from '../wasm/hashBytes';
import { createRealSchedule, type Schedule } from './realSchedule';

export type { Schedule } from './realSchedule';

/** What the shell needs of a kernel (see src/kernel). */
export interface RuntimeKernel {
  step(input: KernelInput): StepResult;
  snapshot(): KernelSnapshot;
  /** The events the kernel's bounded log keeps, oldest first. */
  events(): readonly KernelEvent[];
  kv?(agent: string): Record<string, string>;
  mailbox?(agent: string): AclMessage[];
}

export interface RuntimeOptions {
  kernel: RuntimeKernel;
  host: AgentHost;
  clock: Clock;
  schedule?: Schedule;
  /** Minimum gap between event batches to subscribers (browser: 33 ≈ 30/s). Default 0. */
  publishIntervalMs?: number;
  /** Grace after a request's own timeout before the shell gives up on the kernel. */
  requestGraceMs?: number;
}

export interface Runtime extends WorkbenchApi {
  /** Feed one input to the kernel now and perform its effects. */
  input(input: KernelInput): StepResult;
  /** The events the kernel's log keeps (the newest; see the snapshot's `eventsDropped`). */
  log(): readonly KernelEvent[];
  /** Messages the kernel addresses to a client node (or `you`). */
  onReply(client: string, listener: (message: AclMessage) => void): () => void;
  dispose(): Promise<void>;
}

interface Pending {
  resolve(message: AclMessage): void;
  /** Clock time after which the shell stops waiting for the kernel's own timeout. */
  giveUpAt: number;
  request: PreparedRequest;
  timeoutMs: number;
}

/** One sweep timer for all requests instead of a timer each (cheaper per round trip). */
const SWEEP_MS = 250;

export function createRuntime(options: RuntimeOptions): Runtime {
  const { kernel, host, clock } = options;
  const schedule = options.schedule ?? createRealSchedule();
  const publishInterval = options.publishIntervalMs ?? 0;
  const grace = options.requestGraceMs ?? 1000;

  let unpublished: KernelEvent[] = [];
  let publishTimer: unknown;
  let lastPublish = -Infinity;
  const subscribers = new Set<(events: KernelEvent[]) => void>();
  const replyListeners = new Map<string, Set<(m: AclMessage) => void>>();
  const pending = new Map<string, Pending>();
  const timerTimes: number[] = [];
  let timerHandle: unknown;
  let timerAt: number | undefined;
  let hostOutbox: Effect[] = [];
  let depth = 0;
  let requestSeq = 0;
  let sweepTimer: unknown;
  let disposed = false;

  const offHost = host.onEvents((events) => {
    if (disposed) return;
    batch(() => {
      for (const e of events) absorb(kernel.step(e));
    });
  });

  /** Runs `fn`, then hands every host effect it produced to the host in one batch. */
  function batch<T>(fn: () => T): T {
    depth++;
    try {
      return fn();
    } finally {
      depth--;
      if (depth === 0 && hostOutbox.length > 0) {
        const effects = hostOutbox;
        hostOutbox = [];
        host.perform(effects);
      }
    }
  }

  function absorb(result: StepResult): StepResult {
    const { events, effects } = result;
    if (events.length > 0 && subscribers.size > 0) {
      for (const e of events) unpublished.push(e);
      schedulePublish();
    }
    for (const effect of effects) {
      switch (effect.type) {
        case 'spawn':
        case 'deliver':
        case 'kill':
        case 'fault':
          hostOutbox.push(effect);
          break;
        case 'timer':
          addTimer(effect.at);
          break;
        case 'reply':
          reply(effect.client, effect.message);
          break;
      }
    }
    return result;
  }

  function feed(input: KernelInput): StepResult {
    return batch(() => absorb(kernel.step(input)));
  }

  // ─── Timers ────────────────────────────────────────────────────────────────

  function addTimer(at: number): void {
    if (!timerTimes.includes(at)) {
      timerTimes.push(at);
      timerTimes.sort((a, b) => a - b);
    }
    armTimer();
  }

  function armTimer(): void {
    if (disposed) return;
    const next = timerTimes[0];
    if (next === undefined || next === timerAt) return;
    if (timerHandle !== undefined) schedule.clearTimeout(timerHandle);
    timerAt = next;
    timerHandle = schedule.setTimeout(fireTimer, Math.max(0, next - clock.now()));
  }

  function fireTimer(): void {
    timerHandle = undefined;
    timerAt = undefined;
    const now = clock.now();
    if ((timerTimes[0] ?? Infinity) <= now) {
      while ((timerTimes[0] ?? Infinity) <= now) timerTimes.shift();
      feed({ type: 'tick' });
    }
    armTimer();
  }

  // ─── Replies and requests ─────────────────────────────────────────────────

  function reply(client: string, message: AclMessage): void {
    if (message.in_reply_to !== undefined) {
      const key = pendingKey(client, message.in_reply_to);
      const p = pending.get(key);
      if (p) {
        pending.delete(key);
        p.resolve(message);
      }
    }
    const listeners = replyListeners.get(client);
    if (listeners) for (const l of listeners) l(message);
  }

  function send(draft: unknown, from?: string): SendResult {
    return sendResult(feed(sendInput(draft, from)));
  }

  function request(draft: unknown, timeoutMs: number, from?: string): Promise<AclMessage> {
    const prepared = prepareRequest(draft, { now: clock.now(), timeoutMs, seq: ++requestSeq, from });
    if (!prepared) {
      const result = send(draft, from);
      return Promise.reject(new Error(result.ok ? 'a request must be a message object' : result.error));
    }
    const key = pendingKey(prepared.client, prepared.replyWith);
    return new Promise<AclMessage>((resolve, reject) => {
      pending.set(key, { resolve, giveUpAt: clock.now() + timeoutMs + grace, request: prepared, timeoutMs });
      armSweep();
      const result = send(prepared.draft, from);
      if (!result.ok) {
        pending.delete(key);
        reject(new Error(result.error));
      }
    });
  }

  /** Safety net only: the kernel answers an expired request with `failure` (timeout) itself. */
  function armSweep(): void {
    if (sweepTimer !== undefined || disposed || pending.size === 0) return;
    sweepTimer = schedule.setTimeout(() => {
      sweepTimer = undefined;
      const now = clock.now();
      for (const [key, p] of pending) {
        if (p.giveUpAt > now) continue;
        pending.delete(key);
        p.resolve(timeoutFailure(p.request, p.timeoutMs, now));
      }
      armSweep();
    }, SWEEP_MS);
  }

  // ─── Publishing ───────────────────────────────────────────────────────────

  function schedulePublish(): void {
    if (publishTimer !== undefined || disposed) return;
    const wait = Math.max(0, lastPublish + publishInterval - clock.now());
    publishTimer = schedule.setTimeout(publish, wait);
  }

  function publish(): void {
    publishTimer = undefined;
    lastPublish = clock.now();
    if (unpublished.length === 0) return;
    const events = unpublished;
    unpublished = [];
    for (const s of subscribers) {
      try {
        s(events);
      } catch {
        /* a subscriber's bug must not stop the others */
      }
    }
  }

  return {
    input: feed,
    log: () => kernel.events(),

    onReply(client, listener) {
      let set = replyListeners.get(client);
      if (!set) replyListeners.set(client, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },

    async command(command) {
      const { error } = feed(command);
      if (error) throw new OrreryError(error);
    },
    async send(draft, from) {
      return send(draft, from);
    },
    request,
    async kinds(): Promise<KindInfo[]> {
      return host.kinds();
    },
    async registerComponent(label, component) {
      const hash = await hashBytes(component);
      return host.registerKind(`custom:${hash}`, component, { label, builtin: false });
    },
    async snapshot() {
      return kernel.snapshot();
    },
    async inspect(agent) {
      return { kv: kernel.kv?.(agent) ?? {}, mailbox: kernel.mailbox?.(agent) ?? [] };
    },
    async subscribe(listener) {
      subscribers.add(listener);
      return () => {
        subscribers.delete(listener);
      };
    },

    async dispose() {
      if (disposed) return;
      publish();
      disposed = true;
      offHost();
      if (timerHandle !== undefined) schedule.clearTimeout(timerHandle);
      if (publishTimer !== undefined) schedule.clearTimeout(publishTimer);
      if (sweepTimer !== undefined) schedule.clearTimeout(sweepTimer);
      pending.clear();
      subscribers.clear();
      await host.dispose();
    },
  };
}

function pendingKey(client: string, replyWith: string): string {
  return `${client}\u0000${replyWith}`;
}
