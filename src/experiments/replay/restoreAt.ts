/**
 * Fork by restoring state (for recordings re-execution cannot reproduce: live ones, or with
 * other kinds): a fresh simulation gets the topology the tape had built by that moment, each
 * agent's key-value state (set on the kernel, then a restart hands it to a new instance), the
 * faults in force, and every message in a mailbox sent again to it, in order, by its sender
 * (a client, the console, or an agent). Agent timers and requests awaiting answers are not
 * carried over, and restored messages get new ids. A moment halfway through an agent's
 * handling of a message is moved on to its end (settledMoment.ts): `at` says where it stands.
 */
import type { AclMessage } from '../../protocol/message';
import { CONSOLE } from '../../protocol/names';
import type { KernelSnapshot } from '../../kernel/types';
import type { Simulation } from '../../hosts/inProcess';
import { externalInputs, inputsWithKinds, setupCommands, withKinds } from './externalInputs';
import type { Fork } from './forkTypes';
import { createPlayer } from './player';
import { feed, setUp, type ReplayReport } from './replayRecording';
import { settledMoment } from './settledMoment';
import { simulationFor, type SimulationForOptions } from './simulationFor';
import type { Recording } from './types';

export interface RestoredFork extends Fork {
  /** Mailbox messages that could not be sent again (from the kernel itself, or a sender gone). */
  notRestored: AclMessage[];
  /** Commands the simulation refused while restoring. */
  refused: ReplayReport['refused'];
}

export async function restoreAt(
  recording: Recording,
  seq: number,
  options: SimulationForOptions & { setupTimeoutMs?: number },
): Promise<RestoredFork> {
  const player = createPlayer(recording);
  player.seekSeq(seq);
  const at = settledMoment(player, recording.tape, seq);
  const entryIndex = player.entryOf(at);
  const state = player.snapshot();
  const sim = simulationFor(recording, options);
  const refused: ReplayReport['refused'] = [];
  const timeout = options.setupTimeoutMs ?? 10_000;
  await setUp(sim, withKinds(setupCommands(recording, entryIndex + 1), options.kinds), timeout, refused);
  await restoreKv(sim, state, (agent) => player.kv(agent), timeout, refused);
  for (const fault of state.faults ?? []) {
    const { error } = sim.command({ type: 'chaos.inject', fault });
    if (error) refused.push({ t: sim.now(), command: 'chaos.inject', error: `${error.code}: ${error.message}` });
  }
  const t = player.timeOf(at);
  const offset = sim.now() - t;
  const notRestored: AclMessage[] = [];
  for (const agent of state.agents) {
    for (const m of player.mailbox(agent.name)) if (!resend(sim, state, m, agent.name, offset)) notRestored.push(m);
  }
  const rest = inputsWithKinds(
    externalInputs({ ...recording, header: { ...recording.header, startIndex: entryIndex + 1 } }),
    options.kinds,
  );
  return {
    sim,
    at: { seq: at, entryIndex, t },
    rest,
    notRestored,
    refused,
    async continueAsRecorded() {
      const more: ReplayReport['refused'] = [];
      await feed(sim, rest, offset, more);
      await sim.advanceTo(Math.max(sim.now(), (recording.tape.at(-1)?.t ?? 0) + offset));
      return more;
    },
  };
}

/** Sets each running agent's keys on the kernel, then restarts it so a new instance starts with them. */
async function restoreKv(
  sim: Simulation,
  state: KernelSnapshot,
  kvOf: (agent: string) => Record<string, string>,
  timeoutMs: number,
  refused: ReplayReport['refused'],
): Promise<void> {
  const restarted: string[] = [];
  for (const agent of state.agents) {
    const kv = Object.entries(kvOf(agent.name));
    const instance = sim.live(agent.name);
    if (kv.length === 0 || instance === undefined) continue;
    for (const [key, value] of kv) sim.input({ type: 'kv.set', agent: agent.name, instance, key, value });
    const { error } = sim.command({ type: 'agent.restart', name: agent.name });
    if (error) refused.push({ t: sim.now(), command: 'agent.restart', error: `${error.code}: ${error.message}` });
    else restarted.push(agent.name);
  }
  if (restarted.length > 0) await setUp(sim, [], timeoutMs, refused, true);
}

/** The message sent again to `to` alone, by the same sender; false when no one can send it. */
function resend(sim: Simulation, state: KernelSnapshot, m: AclMessage, to: string, offset: number): boolean {
  const { id: _id, sent_at: _sentAt, sender, ...rest } = m;
  const draft = { ...rest, receiver: to, ...(m.reply_by !== undefined ? { reply_by: m.reply_by + offset } : {}) };
  if (sender === CONSOLE) return sim.send(draft).ok;
  if (state.clients.includes(sender)) return sim.send({ ...draft, sender }, sender).ok;
  const instance = sim.live(sender);
  if (instance === undefined) return false;
  sim.input({ type: 'agent.sent', agent: sender, instance, message: draft });
  return true;
}
