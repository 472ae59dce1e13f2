/**
 * Replay against the agents you have now: a recording's external inputs fed to a system (any
 * ExperimentShell: a fresh simulation, the live workbench) at their recorded times relative
 * to the start, and the conversations that result compared with the recorded ones.
 */
import type { Command } from '../../kernel/types';
import type { ExperimentShell } from '../ExperimentShell';
import { createLogHasher } from '../simulation/logHash';
import { createConversationCollector, type Conversation } from './conversations';
import { diffConversations, type Divergence } from './diff';
import { externalInputs, inputsWithKinds, setupCommands, withKinds, type TimedCommand } from './externalInputs';
import { DEFAULT_MATCH_RULES, type MatchRules } from './match';
import { scanTape } from './scanTape';
import type { Recording } from './types';
import { simulationFor, type SimulationForOptions } from './simulationFor';

export interface ReplayReport {
  divergences: Divergence[];
  first?: Divergence;
  recorded: Conversation[];
  replayed: Conversation[];
  /** The replay produced the recorded log exactly (same log hash) and nothing diverged. */
  exact: boolean;
  logHash: string;
  /** Commands the replayed system refused (a fault for an agent it does not have...). */
  refused: { t: number; command: Command['type']; error: string }[];
}

export interface ReplayOptions {
  rules?: MatchRules;
  /**
   * Run this long past the recording's last input (time for late answers). Default: 0 for a
   * simulated recording (its log hash covers exactly that span), LIVE_RECORDING_SETTLE_MS for
   * a live one (its last answer may have come sooner than the replaying system gives it).
   */
  settleMs?: number;
  /** Deploy these agents with another kind (agent name → kind). */
  kinds?: Readonly<Record<string, string>>;
  /** Longest wait for the agents deployed before `startIndex` to run. Default 10 000 ms. */
  setupTimeoutMs?: number;
}

const POLL_MS = 5;

/**
 * A live recording can end a fraction of a millisecond after its last answer (a quick worker),
 * sooner than a simulated agent's handling time: replaying it to exactly that moment lost the
 * answer now and then (createReplayApi.int.test.ts).
 */
export const LIVE_RECORDING_SETTLE_MS = 1_000;

export async function replayRecording(recording: Recording, shell: ExperimentShell, options: ReplayOptions = {}): Promise<ReplayReport> {
  const rules = options.rules ?? DEFAULT_MATCH_RULES;
  const collector = createConversationCollector();
  const hasher = createLogHasher();
  const unsubscribe = shell.subscribe((event) => {
    hasher.add(event);
    collector.add(event);
  });
  const refused: ReplayReport['refused'] = [];
  try {
    await setUp(shell, withKinds(setupCommands(recording), options.kinds), options.setupTimeoutMs ?? 10_000, refused);
    const start = recording.tape[recording.header.startIndex]?.t ?? 0;
    const offset = shell.now() - start;
    const inputs = inputsWithKinds(externalInputs(recording), options.kinds);
    await feed(shell, inputs, offset, refused);
    const settleMs = options.settleMs ?? (recording.header.clockMode === 'live' ? LIVE_RECORDING_SETTLE_MS : 0);
    const end = (recording.tape.at(-1)?.t ?? start) + offset + settleMs;
    await shell.advanceTo(Math.max(shell.now(), end));
  } finally {
    unsubscribe();
  }
  const logHash = hasher.hex();
  const recorded = recordedConversations(recording);
  const replayed = collector.conversations();
  const divergences = diffConversations(recorded, replayed, rules);
  const first = divergences.find((d) => d.first);
  const report: ReplayReport = {
    divergences,
    recorded,
    replayed,
    exact: divergences.length === 0 && logHash === recording.header.logHash,
    logHash,
    refused,
  };
  if (first) report.first = first;
  return report;
}

/** The recorded conversations, from playback's start (regenerated from the tape). */
export function recordedConversations(recording: Recording): Conversation[] {
  const collector = createConversationCollector();
  scanTape(recording.header, recording.tape, recording.header.startIndex, (event) => collector.add(event));
  return collector.conversations();
}

/** Feeds each input at its time (moved by `offset`); a message goes through `send`, so clients stay clients. */
export async function feed(
  shell: ExperimentShell,
  inputs: readonly TimedCommand[],
  offset: number,
  refused: ReplayReport['refused'],
): Promise<void> {
  for (const { t, command, afterOthers } of inputs) {
    if (afterOthers || t + offset > shell.now()) await shell.advanceTo(Math.max(shell.now(), t + offset));
    const error = apply(shell, command);
    if (error !== undefined) refused.push({ t: shell.now(), command: command.type, error });
  }
}

function apply(shell: ExperimentShell, command: Command): string | undefined {
  if (command.type === 'message.send') {
    const sent = shell.send(command.message, command.from);
    return sent.ok ? undefined : sent.error;
  }
  const { error } = shell.command(command);
  return error ? `${error.code}: ${error.message}` : undefined;
}

/**
 * Applies topology commands and lets deployed agents come up (or fail) within `timeoutMs`
 * (`wait`: wait even with no commands, e.g. after restarts).
 */
export async function setUp(
  shell: ExperimentShell,
  commands: Command[],
  timeoutMs: number,
  refused: ReplayReport['refused'],
  wait = commands.length > 0,
): Promise<void> {
  if (!wait) return;
  for (const command of commands) {
    const error = apply(shell, command);
    if (error !== undefined) refused.push({ t: shell.now(), command: command.type, error });
  }
  const deadline = shell.now() + timeoutMs;
  const settled = () => shell.snapshot().agents.every((a) => a.status !== 'loading' && a.status !== 'restarting');
  while (!settled() && shell.now() < deadline) await shell.advanceTo(shell.now() + POLL_MS);
}

/** Replays in a fresh simulation set up as the recording's run was (same seed: exact for an unchanged system). */
export async function replayInSimulation(recording: Recording, options: SimulationForOptions & ReplayOptions): Promise<ReplayReport> {
  const sim = simulationFor(recording, options);
  try {
    return await replayRecording(recording, sim, options);
  } finally {
    sim.dispose();
  }
}
