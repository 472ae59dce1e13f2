/**
 * The real-time shell around the sans-I/O kernel for a host that runs agents elsewhere
 * (the worker pool): feeds the kernel commands, host events and ticks, performs its
 * effects (host effects in batches, timers, replies), publishes events to subscribers in
 * coalesced batches, and implements WorkbenchApi. The event log is the kernel's own,
 * bounded unless the kernel was told otherwise (`eventLogCapacity`). For one thread and
 * virtual time, see the single-thread shell (src/kernel/shell).
 */
import type { Clock, KernelEvent, KernelInput, KernelSnapshot, StepResult } from '../kernel/types';
import type { AclMessage } from '../protocol/message';
import type { AgentHost, KindInfo, SendResult, WorkbenchApi } from './types';
import { OrreryError } from '../protocol/errors';
import { prepareRequest, sendInput, sendResult } from '../kernel/shell';
import { createEventPublisher } from './runtime/eventPublisher';
import { HostOutbox } from './runtime/hostOutbox';
import { createPendingRequests } from './runtime/pendingRequests';
import { createTickTimer } from './runtime/tickTimer';
import { hashBytes } from '../wasm/hashBytes';
import { createRealSchedule, type Schedule } from './realSchedule';

export type { Schedule } from './realSchedule';

/**
 * Events a live runtime's kernel keeps for reading back (subscribers and experiments see
 * every event as it is appended; see createRuntimeShell). Far fewer than the kernel's
 * default: a retained event lives long enough to reach the old generation, and collecting
 * them under load puts pauses into request latency (open loop at 25k requests/s, Node:
 * steady-state mark-compact pauses of 8–17 ms with 100,000 kept, 2.6–4.5 ms with 1,000).
 */
export const LIVE_EVENT_LOG_CAPACITY = 1_000;

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

export function createRuntime(options: RuntimeOptions): Runtime {
  const { kernel, host, clock } = options;
  const schedule = options.schedule ?? createRealSchedule();
  const publisher = createEventPublisher({ clock, schedule, intervalMs: options.publishIntervalMs ?? 0 });
  const requests = createPendingRequests({ clock, schedule, graceMs: options.requestGraceMs ?? 1000 });
  const ticks = createTickTimer({ clock, schedule, onTick: () => feed({ type: 'tick' }) });
  const replyListeners = new Map<string, Set<(m: AclMessage) => void>>();
  const onReply = (client: string, listener: (m: AclMessage) => void) => {
    let set = replyListeners.get(client);
    if (!set) replyListeners.set(client, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  };
  const outbox = new HostOutbox((effects) => host.perform(effects));
  let requestSeq = 0;
  let disposed = false;

  const offHost = host.onEvents((events) => {
    if (disposed) return;
    outbox.batch(() => {
      for (const e of events) absorb(kernel.step(e));
    });
  });

  function absorb(result: StepResult): StepResult {
    publisher.push(result.events);
    for (const effect of result.effects) {
      if (effect.type === 'timer') ticks.add(effect.at);
      else if (effect.type === 'reply') reply(effect.client, effect.message);
      else outbox.push(effect);
    }
    return result;
  }

  const feed = (input: KernelInput): StepResult => outbox.batch(() => absorb(kernel.step(input)));

  function reply(client: string, message: AclMessage): void {
    requests.answer(client, message);
    const listeners = replyListeners.get(client);
    if (listeners) for (const l of listeners) l(message);
  }

  const send = (draft: unknown, from?: string): SendResult => sendResult(feed(sendInput(draft, from)));

  function request(draft: unknown, timeoutMs: number, from?: string): Promise<AclMessage> {
    const prepared = prepareRequest(draft, { now: clock.now(), timeoutMs, seq: ++requestSeq, from });
    if (!prepared) {
      const result = send(draft, from);
      return Promise.reject(new Error(result.ok ? 'a request must be a message object' : result.error));
    }
    return requests.send(prepared, timeoutMs, () => send(prepared.draft, from));
  }

  return {
    input: feed,
    log: () => kernel.events(),
    onReply,
    command: async (command) => {
      const { error } = feed(command);
      if (error) throw new OrreryError(error);
    },
    send: async (draft, from) => send(draft, from),
    request,
    ...readApi(kernel, host),
    subscribe: async (listener) => publisher.subscribe(listener),
    async dispose() {
      if (disposed) return;
      publisher.flush();
      disposed = true;
      offHost();
      ticks.dispose();
      publisher.dispose();
      requests.dispose();
      await host.dispose();
    },
  };
}

/** The parts of WorkbenchApi that only read the kernel or ask the host. */
function readApi(kernel: RuntimeKernel, host: AgentHost): Pick<WorkbenchApi, 'kinds' | 'registerComponent' | 'snapshot' | 'inspect'> {
  return {
    kinds: async (): Promise<KindInfo[]> => host.kinds(),
    async registerComponent(label, component) {
      const hash = await hashBytes(component);
      return host.registerKind(`custom:${hash}`, component, { label, builtin: false });
    },
    snapshot: async () => kernel.snapshot(),
    inspect: async (agent) => ({ kv: kernel.kv?.(agent) ?? {}, mailbox: kernel.mailbox?.(agent) ?? [] }),
  };
}
