/**
 * A headless, deterministic workbench for tests that read like a person using the tool:
 * deploy, send, tick the virtual clock, assert on the event log. It is the single-thread
 * shell (createShell) with JS behaviours as agents and no time spent handling: work
 * pending for several agents is taken in an order drawn from the seeded scheduler (each
 * agent's own work stays in order), so a seed picks one interleaving and replays it
 * exactly. No timers: `tick(ms)` moves time.
 */
import type { AclMessage } from '../../protocol/message';
import {
  createSeededRng,
  type AgentSpec,
  type Command,
  type DeadLetter,
  type FaultSpec,
  type HostEvent,
  type Kernel,
  type KernelEvent,
  type KernelInput,
  type KernelOptions,
  type KernelSnapshot,
  type LinkPolicy,
  type ManualClock,
  type SeededRng,
  type StepResult,
  type SupervisorSpec,
} from '../index';
import { createBehaviorAgents, type AgentBehavior, type AgentHandler } from './behaviorAgents';
import { createShell, INSTANT_TIMING, type Shell } from './createShell';
import { sendInput } from './sendResult';

export interface TestWorkbenchOptions {
  seed?: number;
  start?: number;
  kinds?: Record<string, AgentHandler | AgentBehavior>;
  kernel?: Omit<Partial<KernelOptions>, 'clock' | 'rng'>;
}

export interface TestWorkbench {
  readonly kernel: Kernel;
  readonly clock: ManualClock;
  /** The kernel's Rng (seeded with `seed` itself). */
  readonly rng: SeededRng;
  readonly shell: Shell;
  /** The events the kernel's log keeps: the run's log. */
  readonly events: readonly KernelEvent[];
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
   * (restarts, transit, retries, reply deadlines, agent timers) and carrying out the host's
   * own (slow handlers; hung handlers reported `deadline-exceeded` at the agent's deadline).
   */
  tick(ms: number): void;
  /** `chaos.inject` / `chaos.clear` (all when no id). */
  inject(fault: FaultSpec): StepResult;
  clearChaos(id?: string): StepResult;
  /** `group.create`; missing fields take OTP's defaults. */
  group(spec: Partial<SupervisorSpec> & { name: string }): StepResult;
  configureLink(id: string, policy: Partial<LinkPolicy>): StepResult;
  deadLetters(): DeadLetter[];
  /** Performs pending host work due now until there is none (held agents excepted). */
  run(): void;
  /** Messages an agent's handler was called with, or replies to a client / `you`, in order. */
  messagesTo(name: string): AclMessage[];
  eventsOf<T extends KernelEvent['type']>(type: T): Extract<KernelEvent, { type: T }>[];
  snapshot(): KernelSnapshot;
}

export function createTestWorkbench(options: TestWorkbenchOptions = {}): TestWorkbench {
  const seed = options.seed ?? 1;
  const rng = createSeededRng(seed);
  const behaviors = createBehaviorAgents(options.kinds);
  const shell = createShell({
    agents: behaviors.factory,
    seed,
    rng: { kernel: rng },
    timing: INSTANT_TIMING,
    ...(options.kernel ? { kernel: options.kernel } : {}),
    ...(options.start !== undefined ? { start: options.start } : {}),
  });
  const received = new Map<string, AclMessage[]>();
  const record = (name: string, message: AclMessage): void => {
    let list = received.get(name);
    if (!list) received.set(name, (list = []));
    list.push(message);
  };
  shell.onHandle(record);
  shell.onReply('*', (message, client) => record(client, message));

  const run = (): void => shell.runDue(shell.now());
  const input = (value: KernelInput): StepResult => {
    const result = shell.input(value);
    run();
    return result;
  };

  return {
    kernel: shell.kernel,
    clock: shell.clock,
    rng,
    shell,
    get events() {
      return shell.log();
    },
    register: behaviors.register,
    input,
    command: (command) => input(command),
    deploy: (name, kind, spec = {}) => input({ type: 'agent.deploy', spec: { name, kind, ...spec } }),
    topic: (name) => input({ type: 'topic.create', name }),
    client: (name) => input({ type: 'client.create', name }),
    link: (a, b, id) => input(id === undefined ? { type: 'link.add', a, b } : { type: 'link.add', a, b, id }),
    send: (draft, from) => input(sendInput(draft, from)),
    sendAs: (agent, draft) => input({ type: 'agent.sent', agent, instance: shell.live(agent) ?? 0, message: draft }),
    crash: (agent, reason = 'trap', { messageId, bystander } = {}) => {
      const event: HostEvent = { type: 'agent.crashed', agent, instance: shell.live(agent) ?? 0, reason };
      if (messageId !== undefined) event.messageId = messageId;
      if (bystander) event.bystander = true;
      return input(event);
    },
    hold: (agent) => shell.hold(agent),
    release: (agent) => {
      shell.release(agent);
      run();
    },
    tick: (ms) => shell.runDue(shell.now() + ms),
    inject: (fault) => input({ type: 'chaos.inject', fault }),
    clearChaos: (id) => input(id === undefined ? { type: 'chaos.clear' } : { type: 'chaos.clear', id }),
    group: (spec) => input({ type: 'group.create', spec: spec as SupervisorSpec }),
    configureLink: (id, policy) => input({ type: 'link.configure', id, policy }),
    deadLetters: () => shell.kernel.deadLetters(),
    run,
    messagesTo: (name) => [...(received.get(name) ?? [])],
    eventsOf: <T extends KernelEvent['type']>(type: T) =>
      shell.log().filter((e): e is Extract<KernelEvent, { type: T }> => e.type === type),
    snapshot: () => shell.kernel.snapshot(),
  };
}
