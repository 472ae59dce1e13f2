import type { AclMessage } from '../protocol/message';
import type { Command, DeadLetter, Effect, HostEvent, KernelEvent, KernelSnapshot } from '../kernel/types';

/** An agent kind the host can spawn: a built-in or a user's component. */
export interface KindInfo {
  kind: string;
  /** Human label, e.g. "Echo agent": also the palette button's accessible name. */
  label: string;
  description: string;
  /** SHA-256 of the component bytes, hex. */
  hash: string;
  bytes: number;
  builtin: boolean;
  /** Palette grouping: `core` built-ins, `pattern` role agents for the gallery, `custom` uploads. */
  role?: 'core' | 'pattern' | 'custom';
  language?: string;
}

/**
 * Runs agent instances. The kernel never sees one directly: the shell hands it
 * spawn/deliver/kill effects and gets host events back, in batches.
 */
export interface AgentHost {
  /** Validate a component against `workbench:agent`, compile it, make its kind spawnable. */
  registerKind(kind: string, component: Uint8Array, meta?: Partial<KindInfo>): Promise<KindInfo>;
  kinds(): KindInfo[];
  /**
   * Make a kind known (listed by `kinds()`) without compiling it yet: `register` (which
   * must end in `registerKind`) runs once, on the first spawn. Keeps start-up fast when
   * there are many built-ins. Optional.
   */
  declareKind?(info: KindInfo, register: () => Promise<KindInfo>): void;
  /** Carry out spawn, deliver and kill effects (others are the shell's). */
  perform(effects: readonly Effect[]): void;
  onEvents(listener: (events: HostEvent[]) => void): () => void;
  dispose(): Promise<void>;
}

export type { SendResult } from '../kernel/shell/sendResult';
import type { SendResult } from '../kernel/shell/sendResult';

/** What the inspector shows of one agent beyond the snapshot: its kv state and its mailbox. */
export interface AgentInspection {
  kv: Record<string, string>;
  /** In flight, then queued, in delivery order. */
  mailbox: AclMessage[];
}

/** The control API the UI (over comlink), the CLI and tests use. */
export interface WorkbenchApi {
  command(command: Command): Promise<void>;
  /** Send from the console `you` (or `from`, a client node). Returns the validation error if any. */
  send(draft: unknown, from?: string): Promise<SendResult>;
  /** Send and wait for the reply (matched by reply_with), or a `failure` on timeout. */
  request(draft: unknown, timeoutMs: number, from?: string): Promise<AclMessage>;
  kinds(): Promise<KindInfo[]>;
  registerComponent(label: string, component: Uint8Array): Promise<KindInfo>;
  snapshot(): Promise<KernelSnapshot>;
  /** One agent's key-value state and mailbox (empty for an unknown agent). */
  inspect(agent: string): Promise<AgentInspection>;
  /** The kernel's dead-letter queue, oldest first (optional: hosts may not keep one). */
  deadLetters?(): Promise<DeadLetter[]>;
  /** Events are delivered in coalesced batches (at most ~30 per second in the browser). */
  subscribe(listener: (events: KernelEvent[]) => void): Promise<() => void>;
}
