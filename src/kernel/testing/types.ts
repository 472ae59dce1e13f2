/** The public shape of the headless test workbench (see createTestWorkbench). */
import type { AclMessage, JsonValue } from '../../protocol/message';
import type { ManualClock } from '../clock';
import type { Kernel, KernelOptions } from '../kernel';
import type { SeededRng } from '../rng';
import type { FaultSpec, LinkPolicy, SupervisorSpec } from '../resilienceTypes';
import type { AgentSpec, Command, DeadLetter, KernelEvent, KernelInput, KernelSnapshot, LogLevel, StepResult } from '../types';

export interface AgentContext {
  readonly name: string;
  readonly instance: number;
  readonly config: JsonValue;
  /** Like the guest's `send` import: an untrusted draft (object or JSON text). */
  send(draft: unknown): void;
  /** Sends to `message.sender`, answering its reply_with in the same conversation. */
  reply(message: AclMessage, draft: { performative: string; content?: JsonValue; [field: string]: unknown }): void;
  readonly kv: { get(key: string): string | undefined; set(key: string, value: string): void };
  log(level: LogLevel, text: string): void;
  now(): number;
}

/** Return a string to report a handling error (→ `not-understood`); throw to crash. */
export type AgentHandler = (message: AclMessage, ctx: AgentContext) => void | string;

export interface AgentBehavior {
  /** Return a string (or throw) to fail initialisation. */
  init?: (ctx: AgentContext) => void | string;
  handle: AgentHandler;
}

export interface TestWorkbenchOptions {
  seed?: number;
  start?: number;
  kinds?: Record<string, AgentHandler | AgentBehavior>;
  kernel?: Omit<Partial<KernelOptions>, 'clock' | 'rng'>;
}

export interface TestWorkbench {
  readonly kernel: Kernel;
  readonly clock: ManualClock;
  readonly rng: SeededRng;
  /** Every event appended so far: the run's log. */
  readonly events: KernelEvent[];
  register(kind: string, behavior: AgentHandler | AgentBehavior): void;
  /** Feeds one input, performs its effects and runs until idle. */
  input(input: KernelInput): StepResult;
  command(command: Command): StepResult;
  deploy(name: string, kind: string, spec?: Omit<AgentSpec, 'name' | 'kind'>): StepResult;
  topic(name: string): StepResult;
  client(name: string): StepResult;
  link(a: string, b: string, id?: string): StepResult;
  send(draft: unknown, from?: string): StepResult;
  /** The agent's live instance sends `draft` on its own (not while handling a message). */
  sendAs(agent: string, draft: unknown): StepResult;
  /**
   * The live instance crashes (the host drops whatever it still held for it): blaming
   * `messageId`, or nothing when it is a `bystander` of a terminated worker.
   */
  crash(agent: string, reason?: string, options?: { messageId?: string; bystander?: boolean }): StepResult;
  /** Stop running `agent`'s work (deliveries pile up in flight), and let it go again. */
  hold(agent: string): void;
  release(agent: string): void;
  /**
   * Advances the virtual clock by `ms`, ticking the kernel at every deadline on the way
   * (restarts, transit, retries, reply deadlines) and firing the host's own timers (slow
   * handlers, hung handlers reported `deadline-exceeded` at the agent's deadline).
   */
  tick(ms: number): void;
  /** `chaos.inject` / `chaos.clear` (all when no id). */
  inject(fault: FaultSpec): StepResult;
  clearChaos(id?: string): StepResult;
  /** `group.create`; missing fields take OTP's defaults. */
  group(spec: Partial<SupervisorSpec> & { name: string }): StepResult;
  configureLink(id: string, policy: Partial<LinkPolicy>): StepResult;
  deadLetters(): DeadLetter[];
  /** Performs pending host work until there is none (held agents excepted). */
  run(): void;
  /** Messages an agent's handler was called with, or replies to a client / `you`, in order. */
  messagesTo(name: string): AclMessage[];
  eventsOf<T extends KernelEvent['type']>(type: T): Extract<KernelEvent, { type: T }>[];
  snapshot(): KernelSnapshot;
}
