/**
 * Fork: a running simulation at a moment of a recording, which then goes on. For a simulated
 * recording the route is deterministic re-execution: a fresh simulation with the recording's
 * seed is fed its external inputs at their times until the kernel has handled the tape entry
 * that made the chosen event. Same seed, same inputs, same kinds: the same state — agents'
 * key-value state, mailboxes, requests in flight, timers — without copying any of it. A live
 * recording has no simulation seed to re-execute with: its fork restores the state instead
 * (restoreAt.ts). `route` chooses explicitly.
 */
import { errorData, OrreryError } from '../../protocol/errors';
import { externalInputs, inputsWithKinds } from './externalInputs';
import type { Fork } from './forkTypes';
import { restoreAt } from './restoreAt';
import { feed, type ReplayReport } from './replayRecording';
import { scanTape } from './scanTape';
import { simulationFor, type SimulationForOptions } from './simulationFor';
import type { Recording } from './types';

export type { Fork } from './forkTypes';

export async function forkAt(
  recording: Recording,
  seq: number,
  options: SimulationForOptions & { route?: 're-execute' | 'restore' },
): Promise<Fork> {
  const route = options.route ?? (recording.header.simulationSeed === undefined ? 'restore' : 're-execute');
  return route === 'restore' ? restoreAt(recording, seq, options) : reExecuteTo(recording, seq, options);
}

async function reExecuteTo(recording: Recording, seq: number, options: SimulationForOptions): Promise<Fork> {
  const entryIndex = entryOfEvent(recording, seq);
  let handled = 0;
  let events = 0;
  const sim = simulationFor(recording, {
    ...options,
    onInput: (input, now) => {
      handled++;
      options.onInput?.(input, now);
    },
  });
  const unsubscribe = sim.subscribe(() => void events++);
  const reached = (): boolean => handled > entryIndex;
  const inputs = inputsWithKinds(externalInputs({ ...recording, header: { ...recording.header, startIndex: 0 } }), options.kinds);
  const refused: ReplayReport['refused'] = [];
  const t = recording.tape[entryIndex]!.t;
  let next = 0;
  for (; next < inputs.length && !reached(); next++) {
    const input = inputs[next]!;
    if (input.t > sim.now() || input.afterOthers) await sim.advanceTo(Math.max(sim.now(), input.t), reached);
    if (reached()) break;
    await feed(sim, [{ ...input, afterOthers: false }], 0, refused);
  }
  if (!reached()) await sim.advanceTo(t, reached);
  unsubscribe();
  const rest = inputs.slice(next);
  return {
    sim,
    at: { seq: events - 1, entryIndex: handled - 1, t: sim.now() },
    rest,
    async continueAsRecorded() {
      const more: ReplayReport['refused'] = [];
      await feed(sim, rest, 0, more);
      await sim.advanceTo(Math.max(sim.now(), recording.tape.at(-1)?.t ?? 0));
      return more;
    },
  };
}

/** The tape entry whose step made event `seq` (ORR512 when the recording has no such event). */
function entryOfEvent(recording: Recording, seq: number): number {
  let found = -1;
  const scan = scanTape(recording.header, recording.tape, 0, (event, entry) => {
    if (event.seq === seq) found = entry;
  });
  if (found < 0) {
    throw new OrreryError(
      errorData('ORR512', `no event ${seq} in recording "${recording.header.name}"`, {
        expected: `0..${scan.total - 1}`,
        received: String(seq),
      }),
    );
  }
  return found;
}
