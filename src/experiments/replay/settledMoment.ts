/**
 * Where a restoring fork can stand: the first event at or after the one asked for at which no
 * agent is midway through a message. An agent's host handles one message at a time, so what it
 * tells the kernel between a message's delivery and its `agent.handled` (keys set, messages
 * sent, logs, timers) is that message's handling. Restoring halfway through would carry the
 * handling's effects (a counter's new count) AND send the message again whole, so it would be
 * handled twice. Standing after its `agent.handled` (or the instance's crash, or a new
 * instance's `agent.ready`) restores it as handled, once.
 */
import type { TapeEntry } from './types';
import type { Player } from './player';

const OUTPUT: ReadonlySet<string> = new Set(['agent.sent', 'kv.set', 'agent.log', 'agent.timer']);
const STEP_OVER: ReadonlySet<string> = new Set(['agent.handled', 'agent.crashed', 'agent.ready', 'agent.init-failed']);

/** The seq to restore at, ≥ `seq` (the player's cursor is left there). */
export function settledMoment(player: Player, tape: readonly TapeEntry[], seq: number): number {
  const started = new Set<string>();
  let scanned = 0;
  const scanTo = (entry: number): void => {
    for (; scanned <= entry; scanned++) {
      const input = tape[scanned]!.input as { type: string; agent?: unknown };
      if (typeof input.agent !== 'string') continue;
      if (OUTPUT.has(input.type)) started.add(input.agent);
      else if (STEP_OVER.has(input.type)) started.delete(input.agent);
    }
  };
  for (let at = seq; ; at++) {
    player.seekSeq(at);
    const entry = player.entryOf(at);
    if (at >= player.last) return at;
    if (player.entryOf(at + 1) === entry) continue;
    scanTo(entry);
    const midway = [...started].some((agent) => player.mailbox(agent).length > 0);
    if (!midway) return at;
  }
}
