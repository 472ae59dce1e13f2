/**
 * A recording's external inputs: the commands on its tape (client and console messages,
 * operator commands, faults), not host events or ticks, which the agents and the clock make.
 * The commands before `startIndex` that shape the system (deploys, nodes, links, groups,
 * settings) rebuild the topology the recording starts from.
 */
import type { Command } from '../../kernel/types';
import type { Recording } from './types';

export interface TimedCommand {
  /** Its index on the tape. */
  index: number;
  t: number;
  command: Command;
  /**
   * Agents or the clock acted since the previous command (their entries sit between the two
   * on the tape): the system ran what was due before this command, even at the same time.
   */
  afterOthers: boolean;
}

const TOPOLOGY: ReadonlySet<Command['type']> = new Set<Command['type']>([
  'agent.deploy',
  'agent.stop',
  'agent.start',
  'agent.suspend',
  'agent.resume',
  'topic.create',
  'client.create',
  'node.remove',
  'link.add',
  'link.remove',
  'link.configure',
  'group.create',
  'agent.configure',
  'group.configure',
]);

const HOST_AND_CLOCK: ReadonlySet<string> = new Set([
  'tick',
  'agent.ready',
  'agent.init-failed',
  'agent.sent',
  'agent.handled',
  'agent.crashed',
  'kv.set',
  'agent.log',
  'agent.timer',
]);

export function isCommand(input: { type: string }): input is Command {
  return !HOST_AND_CLOCK.has(input.type);
}

/** Commands from `startIndex` on, with their recorded times. */
export function externalInputs(recording: Recording): TimedCommand[] {
  const out: TimedCommand[] = [];
  const { tape, header } = recording;
  let afterOthers = false;
  for (let i = header.startIndex; i < tape.length; i++) {
    const { t, input } = tape[i]!;
    if (!isCommand(input)) afterOthers = true;
    else {
      out.push({ index: i, t, command: input, afterOthers });
      afterOthers = false;
    }
  }
  return out;
}

/** Topology commands before `startIndex` (or before tape index `end`), in order. */
export function setupCommands(recording: Recording, end = recording.header.startIndex): Command[] {
  const out: Command[] = [];
  const { tape } = recording;
  for (let i = 0; i < end; i++) {
    const input = tape[i]!.input;
    if (isCommand(input) && TOPOLOGY.has(input.type)) out.push(input);
  }
  return out;
}

/** Deploys of `agent` take `kind` instead (replaying against another implementation). */
export function withKinds(commands: Command[], kinds: Readonly<Record<string, string>> | undefined): Command[] {
  if (!kinds) return commands;
  return commands.map((c) =>
    c.type === 'agent.deploy' && Object.hasOwn(kinds, c.spec.name) ? { ...c, spec: { ...c.spec, kind: kinds[c.spec.name]! } } : c,
  );
}

/** Timed inputs with `withKinds` applied to each command. */
export function inputsWithKinds(inputs: TimedCommand[], kinds: Readonly<Record<string, string>> | undefined): TimedCommand[] {
  if (!kinds) return inputs;
  return inputs.map((i) => ({ ...i, command: withKinds([i.command], kinds)[0]! }));
}
