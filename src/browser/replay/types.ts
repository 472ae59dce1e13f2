/**
 * The Replay tab's contract with the workers: recording the live workbench (kernel worker)
 * and playing a recording back (its own worker). The page's playback store is an ordinary
 * workbench store over `PlaybackWorkbench`, so the canvas, log, sequence view and inspector
 * show the recorded system without knowing it is a recording.
 */
import type { KernelEvent, KernelSnapshot } from '../../kernel/types';
import type { AclMessage } from '../../protocol/message';
import type { OrreryErrorData } from '../../protocol/errors';
import type { RecordedConversationSummary, Recording, RecordingHeader, SeekTarget, TimelineMarker } from '../../experiments/replay/types';
import type { MessageTally } from '../stream/uiStreamTypes';
import type { KindInfo } from '../../hosts/types';
import type { MatchRules } from '../../experiments/replay/match';
import type { ReplayReport } from '../../experiments/replay/replayRecording';
import type { StandInMode } from '../../experiments/replay/standIn';
import type { Conversation } from '../../experiments/replay/conversations';

/** The live tape's state: it runs from the kernel's birth, within a budget of inputs. */
export interface TapeStatus {
  /** Record was pressed and not yet stopped. */
  recording: boolean;
  /** Tape index where the current recording started (when `recording`). */
  startIndex?: number;
  /** Inputs on the tape so far, and the most it keeps. */
  inputs: number;
  budget: number;
  /** Set when the budget ran out: taping stopped, no new recording can start in this session. */
  cutShort?: { reason: string; atIndex: number };
}

/** What the page adds to a recording it stops (the kernel worker knows the rest). */
export interface RecordingMeta {
  name: string;
  tags: string[];
  /** The workspace file at Record (from the session's captureWorkspace). */
  workspace?: unknown;
}

/** Kernel worker: the live recording controls (flat methods on the lab worker API). */
export interface LiveRecordingApi {
  tapeStatus(): Promise<TapeStatus>;
  startRecording(): Promise<TapeStatus>;
  /** Ends the recording: the tape up to now, from the kernel's birth, playback from Record. */
  stopRecording(meta: RecordingMeta): Promise<Recording>;
}

/** Replay against the agents you have now: where, and how conversations are compared. */
export interface ReplayRequest {
  /** A fresh simulation with the workbench's current kinds, or the running workbench. */
  against: 'simulation' | 'live';
  /** Default DEFAULT_MATCH_RULES (ids and times ignored). */
  rules?: MatchRules;
  /** Agent name → kind to deploy instead of the recorded one (try a changed agent). */
  kinds?: Readonly<Record<string, string>>;
  /** Run this long past the last recorded input (late answers). Default: live 2,000 ms, simulation 0. */
  settleMs?: number;
  /** Simulation only: recorded agents answered by a stand-in made from the recording instead of their kind. */
  standIns?: readonly StandInRequest[];
}

/** One recorded agent replaced by a stand-in (Polly.js's modes). */
export interface StandInRequest {
  agent: string;
  /** replay: only from the recording (unmatched → ORR510, asked too often → ORR511); passthrough / record-if-missing: the real kind answers what the recording cannot. */
  mode: StandInMode;
}

/** What one stand-in did in a replay. */
export interface StandInOutcome {
  agent: string;
  mode: StandInMode;
  /** Messages the recording could not answer, with the coded error (ORR510 closest + fields, ORR511 exhausted). */
  misses: { message: AclMessage; error: OrreryErrorData }[];
  /** Exchanges the real kind answered and the stand-in kept (record-if-missing). */
  added: number;
  /** Recorded exchanges not asked for. */
  unused: number;
}

/** A replay's report, with what its stand-ins did. */
export interface ReplayOutcome extends ReplayReport {
  standIns?: StandInOutcome[];
}

/** Progress of a shrink: candidate runs tried so far, the droppable inputs of the smallest failing one. */
export interface ShrinkProgress {
  tried: number;
  kept: number;
  from: number;
}

/** A shrink's outcome: the minimal recording (not stored yet) and what it still holds. */
export type ShrinkOutcome =
  | {
      shrunk: true;
      recording: Recording;
      from: number;
      to: number;
      tried: number;
      gaveUp: boolean;
      /** The minimal run's external inputs: its client messages and faults, at their times. */
      inputs: { t: number; type: string; text: string }[];
      conversations: Conversation[];
    }
  /** Nothing to shrink: not a chaos run in simulation, or its run passed its checks. */
  | { shrunk: false; reason: string };

/** Fork: a simulation from a moment of a recording, handed back as a new recording. */
export interface ForkRequest {
  /** Go on as the recording did (its remaining external inputs at their times). Default true. */
  continueAsRecorded?: boolean;
  /** Agent name → kind to deploy instead of the recorded one. */
  kinds?: Readonly<Record<string, string>>;
  /** Default: "<name> (fork at event <seq>)". */
  name?: string;
}

export interface ForkOutcome {
  /** The fork's own recording: playback starts at the fork (`startIndex`); tagged `fork`. */
  recording: Recording;
  /** Where the fork stands: at or just past the event asked for (one step may make several events). */
  at: { seq: number; t: number };
  /** External inputs the forked system refused on the way (a fault for an agent it lacks...). */
  refused: ReplayReport['refused'];
}

/** Kernel worker: replaying recordings (flat methods on the lab worker API, with LiveRecordingApi). */
export interface ReplayApi {
  /**
   * Feeds the recording's client and operator messages and faults, at their recorded times,
   * to the current agents and compares the conversations. Rejects with a coded message
   * (ORR507 a kind is missing...) when it cannot run; one replay at a time.
   */
  replayRecording(recording: Recording, request: ReplayRequest): Promise<ReplayOutcome>;
  /**
   * Forks at event `seq` in a simulation with the workbench's current kinds (kv, mailboxes and
   * requests in flight restored by re-execution) and returns the run as a recording to open.
   * Rejects with ORR512 for an event the recording does not have.
   */
  forkRecording(recording: Recording, seq: number, request?: ForkRequest): Promise<ForkOutcome>;
  /**
   * Shrinks a chaos run recorded in simulation whose hypothesis failed: drops client messages
   * and faults while it still fails (ddmin, each candidate a deterministic re-run).
   */
  shrinkRecording(recording: Recording, onProgress?: (progress: ShrinkProgress) => void): Promise<ShrinkOutcome>;
}

/** A point of interest on the timeline. */
export type PlaybackMarker = TimelineMarker;

export interface PlaybackPosition {
  /** The last event applied (−1: before the first). Events seq ≤ this are in the past. */
  seq: number;
  /** Kernel time at that event. */
  t: number;
  first: number;
  last: number;
  playing: boolean;
  speed: number;
  /** Only this conversation's messages are played back (others still change state). */
  conversation?: string;
}

export type PlaybackSpeed = 0.25 | 0.5 | 1 | 2 | 5 | 10 | 20;
export const PLAYBACK_SPEEDS: readonly PlaybackSpeed[] = [0.25, 0.5, 1, 2, 5, 10, 20];

export type JumpTarget = SeekTarget;

/** One recorded conversation (for "play back only this one"). */
export type ConversationSummary = RecordedConversationSummary;

/** Events for the page as the cursor moves (see `PlaybackApi.subscribe`). */
export interface PlaybackBatch {
  /** The cursor moved back or jumped: drop what was shown, adopt `snapshot`, then apply `events`. */
  reset?: true;
  /** With `reset`: the state just before `events` (its `seq` is the first event's seq). */
  snapshot?: KernelSnapshot;
  events: KernelEvent[];
  /** Message events left out by the conversation filter, added up (as the live stream's tallies). */
  tally?: MessageTally;
}

/** What opening a recording gives the page. */
export type PlaybackOpened =
  | { header: RecordingHeader; markers: PlaybackMarker[]; conversations: ConversationSummary[]; position: PlaybackPosition }
  | { error: OrreryErrorData };

/** The playback worker's API (comlink; listeners are proxied). */
export interface PlaybackApi {
  /** Opens a recording (steps through it once: index, markers, log hash check). */
  /** `onProgress`: tape entries stepped so far, of all (the opening pass yields between slices). */
  open(recording: Recording, onProgress?: (done: number, total: number) => void): Promise<PlaybackOpened>;
  /**
   * Opens a `.orrery-rec` file's bytes, decoded in the worker (a large recording never
   * crosses to the page as objects); a refused file gives its ORR501–ORR505 as `error`.
   */
  openFile(bytes: Uint8Array, onProgress?: (done: number, total: number) => void): Promise<PlaybackOpened>;
  seek(target: JumpTarget): Promise<PlaybackPosition>;
  step(delta: 1 | -1): Promise<PlaybackPosition>;
  play(speed: PlaybackSpeed): Promise<void>;
  pause(): Promise<PlaybackPosition>;
  setConversation(id: string | undefined): Promise<void>;
  onPosition(listener: (position: PlaybackPosition) => void): Promise<() => void>;
  /** State at the cursor, as the live workbench's read API gives it. */
  snapshot(): Promise<KernelSnapshot>;
  /** The recording's agent kinds (its header's modules), as the live workbench lists kinds. */
  kinds(): Promise<KindInfo[]>;
  inspect(agent: string): Promise<{ kv: Record<string, string>; mailbox: AclMessage[] }>;
  /** Events in [fromSeq, toSeq] (for the log and sequence view after a seek). */
  events(fromSeq: number, toSeq: number): Promise<KernelEvent[]>;
  /**
   * Events as the cursor moves forward (play or step); a move back or a long jump sends one
   * `{ reset: true, snapshot, events }` batch: the state before a retained window, then the
   * window up to the new cursor. A new subscriber gets such a batch at once.
   */
  subscribe(listener: (batch: PlaybackBatch) => void): Promise<() => void>;
  close(): Promise<void>;
}
