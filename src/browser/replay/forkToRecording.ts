/**
 * Fork, as something the page can open: a simulation started at a moment of a recording
 * (A's `forkAt`, exact for a simulated recording), taped from its birth, optionally going on
 * as the recording did, and finished as a new recording whose playback starts at the fork.
 */
import type { KindLibrary } from '../../hosts/inProcess';
import { deriveSeed, STREAM } from '../../kernel/shell/seedStreams';
import { finishRecording } from '../../experiments/replay/finishRecording';
import { forkAt } from '../../experiments/replay/fork';
import { createTapeRecorder } from '../../experiments/replay/recorder';
import { recordingModules } from '../../experiments/replay/recordingModules';
import type { Recording, RecordingModule } from '../../experiments/replay/types';
import type { ForkOutcome, ForkRequest } from './types';

/** The fork's modules: the recording's own (custom kinds keep their bytes), else the library's. */
function modulesOf(recording: Recording, tape: Recording['tape'], library: KindLibrary): RecordingModule[] {
  const recorded = new Map(recording.header.modules.map((m) => [m.kind, m]));
  return recordingModules(tape, library).map((m) => recorded.get(m.kind) ?? m);
}

export async function forkToRecording(
  recording: Recording,
  seq: number,
  request: ForkRequest & { library: KindLibrary },
): Promise<ForkOutcome> {
  const { header } = recording;
  const seed = (header.simulationSeed ?? 1) >>> 0;
  const tape = createTapeRecorder({ budget: Infinity });
  const fork = await forkAt(recording, seq, {
    library: request.library,
    seed,
    onInput: tape.onInput,
    ...(request.kinds ? { kinds: request.kinds } : {}),
  });
  try {
    const startIndex = tape.size;
    const refused = request.continueAsRecorded === false ? [] : await fork.continueAsRecorded();
    const entries = tape.tape().slice();
    const forked = finishRecording({
      tape: entries,
      kernelSeed: deriveSeed(seed, STREAM.kernel),
      simulationSeed: seed,
      clockMode: 'simulation',
      startIndex,
      name: request.name ?? `${header.name} (fork at event ${seq})`,
      tags: [...new Set([...header.tags, 'fork'])],
      kernel: header.kernel,
      modules: modulesOf(recording, entries, request.library),
      ...(header.workspace !== undefined ? { workspace: header.workspace } : {}),
      ...(header.chaos !== undefined ? { chaos: header.chaos } : {}),
      ...(header.load !== undefined ? { load: header.load } : {}),
    });
    return { recording: forked, at: { seq: fork.at.seq, t: fork.at.t }, refused };
  } finally {
    fork.sim.dispose();
  }
}
