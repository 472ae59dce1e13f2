import type { KindInfo } from '../../hosts/types';
import type { AgentLimits, AgentStatus, Counters, LinkSpec } from '../../kernel/types';
import type { RedeliveryPolicy, RestartType } from '../../kernel/resilienceTypes';
import type { ErrorCode } from '../../protocol/errors';
import type { AclMessage, JsonValue } from '../../protocol/message';

export interface XY {
  x: number;
  y: number;
}

/** What the canvas and the inspector know about one agent (a projection of the event log). */
export interface AgentState {
  name: string;
  kind: string;
  status: AgentStatus;
  /** Why the status changed, when the kernel said (e.g. a crash reason). */
  reason?: string;
  instance: number;
  restarts: number;
  mailboxDepth: number;
  counters: Counters;
  config: JsonValue;
  /** What a re-deploy (undo of a removal, clone) needs to bring the agent back as it was. */
  settings?: AgentSettings;
}

export interface AgentSettings {
  limits: AgentLimits;
  restart: RestartType;
  redelivery: RedeliveryPolicy;
  isolated: boolean;
}

export interface LinkState extends LinkSpec {
  /** Bumped whenever a message crosses the link; the edge re-runs its flash animation. */
  pulse: number;
  messages: number;
}

export type LogOutcome = 'sent' | 'delivered' | 'failed' | 'dead-lettered' | 'invalid';

/** One row of the message log: a `message.sent` (or `message.invalid`) event and its fate. */
export interface LogRow {
  /** Stable key: the message id, or `invalid-<seq>`. */
  key: string;
  seq: number;
  t: number;
  performative: string;
  sender: string;
  receiver: string;
  /** Compact JSON, truncated for display. */
  content: string;
  outcome: LogOutcome;
  /** Failure reason and detail, when the message failed or was invalid. */
  reason?: string;
  /** The full envelope as routed (absent for invalid input); shared, never copied. */
  message?: AclMessage;
}

export type Theme = 'dark' | 'light';
/** A dock panel id: `log`, `sequence`, `composer`, or one a later panel registers. */
export type DockTab = string;

export type ConnectionState = { state: 'connecting' } | { state: 'ready' } | { state: 'error'; message: string };

/** A user-facing problem with a stable code (see `errors.ts`). */
export interface Notice {
  id: number;
  /** Shown with the message, so people can look it up in docs/errors.md. */
  code: ErrorCode;
  message: string;
}

export interface GraphSlice {
  agents: Record<string, AgentState>;
  /** Deployment order: the canvas and "first agent" follow it. */
  agentOrder: string[];
  links: Record<string, LinkState>;
  positions: Record<string, XY>;
  /** Names handed to `agent.deploy` whose `agent.deployed` has not arrived yet. */
  pending: Record<string, XY | null>;
}

export interface LogSlice {
  /**
   * Append-only, one array mutated in place by the reducer (never replaced, like
   * `rowById`): subscribe to `logVersion`, which changes whenever the rows do.
   */
  rows: LogRow[];
  /** Bumped on every change to `rows` (appended, patched or trimmed). */
  logVersion: number;
  /** Rows dropped from the front to keep memory bounded. */
  droppedRows: number;
  /**
   * Message id → absolute row number (array index + droppedRows). One Map mutated in place
   * by the reducer (never replaced): check `rows[n - droppedRows].key` before trusting it.
   */
  rowById: Map<string, number>;
  /** `message.dead-lettered` events seen (the resilience view lists them). */
  deadLetters: number;
  /**
   * Messages sent while a message panel was open: how many reached the log whole (`shown`)
   * and how many there were (`total`). Under load the kernel worker samples (see
   * browser/stream): then shown < total and the log says so.
   */
  messageSample: { shown: number; total: number };
}

export interface UiSlice {
  kinds: KindInfo[];
  selected: string | null;
  theme: Theme;
  dockTab: DockTab;
  connection: ConnectionState;
  notices: Notice[];
  /** Last applied event seq (-1 before any). */
  lastSeq: number;
}

export type WorkbenchData = GraphSlice & LogSlice & UiSlice;
