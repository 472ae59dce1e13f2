/**
 * Recordings: the contract between the recorder (kernel `onInput` tap), the file format
 * (src/workspace/recording), the player, replay, stand-ins, fork and shrink, the CLI and
 * the Replay tab.
 *
 * A recording is a **tape**: every input the kernel handled (commands, host events, ticks)
 * with the kernel time it was handled at, plus the kernel's seed. The kernel is a pure
 * state machine, so stepping a bare kernel (no agents: their host events are on the tape)
 * through the tape reproduces every event and every state — kv, mailboxes, statuses — at
 * any moment. Events are not stored: they are regenerated, and `logHash` proves it.
 */
import type { KernelInput } from '../../kernel/types';

export const RECORDING_SCHEMA = 'orrery.recording/1';
export const RECORDING_VERSION = 1;

export interface TapeEntry {
  /** Kernel time (ms) the input was handled at. */
  t: number;
  input: KernelInput;
}

/** An agent kind the recorded system used; custom kinds carry their component's bytes. */
export interface RecordingModule {
  kind: string;
  /** SHA-256 of the component (hex). */
  hash: string;
  label: string;
  builtin: boolean;
  /** The component's bytes (custom kinds; builtins are found by kind and hash). */
  bytes?: Uint8Array;
}

export interface RecordingHeader {
  schema: typeof RECORDING_SCHEMA;
  id: string;
  name: string;
  tags: string[];
  /** ISO 8601. */
  createdAt: string;
  clockMode: 'simulation' | 'live';
  /** The kernel's own Rng seed (chaos draws): the player needs it to reproduce the events. */
  kernelSeed: number;
  /** Simulation only: the run's seed; external inputs replayed with it reproduce the run. */
  simulationSeed?: number;
  /** Kernel options the recorded kernel ran with (the player uses the same). */
  kernel: { maxMessageBytes?: number; maxInFlight?: number };
  /** The workspace file (JSON) at the start, for names, layout and kinds; absent for a bare run. */
  workspace?: unknown;
  modules: RecordingModule[];
  /** The chaos experiment and load files a run was driven by, when it was. */
  chaos?: unknown;
  load?: unknown;
  /**
   * Playback starts at this tape index (Record pressed mid-session: the entries before it
   * bring the kernel to that moment and are stepped through silently).
   */
  startIndex: number;
  /** Tape entries, events they produce, and the time span from `startIndex` to the end. */
  counts: { inputs: number; events: number; durationMs: number };
  /** SHA-256 of the canonical event log the tape produces (see simulation/logHash.ts). */
  logHash: string;
  /** Set when recording stopped early (size budget): why, and at which tape index. */
  cutShort?: { reason: string; atIndex: number };
}

export interface Recording {
  header: RecordingHeader;
  tape: TapeEntry[];
}

/**
 * A point of interest on the timeline (structurally the Replay tab's PlaybackMarker:
 * src/browser/replay/types.ts, which experiments may not import).
 */
export interface TimelineMarker {
  seq: number;
  t: number;
  kind: 'crash' | 'restart' | 'fault' | 'fault-cleared' | 'failure' | 'dead-letter' | 'escalation';
  /** Agent, link or fault it concerns. */
  subject: string;
  label: string;
}

/** One recorded conversation (structurally the Replay tab's ConversationSummary). */
export interface RecordedConversationSummary {
  id: string;
  messages: number;
  participants: string[];
  firstSeq: number;
  lastSeq: number;
}

/** Where to move the player's cursor (structurally the Replay tab's JumpTarget). */
export type SeekTarget =
  | { to: 'seq'; seq: number }
  | { to: 'time'; t: number }
  | { to: 'message'; messageId: string }
  | { to: 'next-failure' }
  | { to: 'previous-failure' }
  | { to: 'next-marker' }
  | { to: 'previous-marker' };
