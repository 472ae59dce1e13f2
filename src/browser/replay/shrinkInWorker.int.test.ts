/**
 * Shrink as the kernel worker runs it (createReplayApi's shrinkRecording), real wasm echo: a
 * chaos run recorded in simulation that breaks its hypothesis under message loss shrinks to a
 * few inputs with progress on the way; a passing run and a run without checks say so.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKindLibrary, loadLibraryKinds } from '../../hosts/inProcess';
import type { Runtime } from '../../hosts/createRuntime';
import { nodeAgentAssets } from '../../hosts/node/nodeAgentAssets';
import { requireBuiltAgents } from '../../hosts/node/requireBuiltAgents';
import type { Experiment } from '../../experiments/chaos/types';
import { recordSimulation } from '../../experiments/replay/recordSimulation';
import type { CompiledKindLibrary } from '../createCompiledKindLibrary';
import { createReplayApi, type ReplayParts } from './createReplayApi';
import { sampleRecording } from './fixtures';
import { INPUTS_DO_NOT_FAIL, NOTHING_TO_SHRINK } from './shrinkInWorker';
import type { ShrinkProgress } from './types';

requireBuiltAgents();
const library = createKindLibrary();
beforeAll(async () => {
  await loadLibraryKinds(library, nodeAgentAssets(), ['echo']);
});

function replayApi() {
  // Shrinking runs simulations only: the live runtime, kernel and clock are not touched.
  const unused = {} as unknown as Runtime;
  const compiled: CompiledKindLibrary = { ...library, prepare: async () => undefined };
  return createReplayApi({
    runtime: unused,
    kernel: unused,
    clock: unused,
    library: compiled,
    kinds: () => library.kinds(),
  } as unknown as ReplayParts);
}

function lossy(probability: number, min: number): Experiment {
  return {
    schema: 'orrery.experiment/1',
    name: 'lossy link',
    seed: 3,
    topology: { clients: ['load'], agents: [{ name: 'echo', kind: 'echo' }], links: [{ id: 'load--echo', a: 'load', b: 'echo' }] },
    workload: { clients: [{ client: 'load', targets: ['echo'], ratePerSecond: 20, timeoutMs: 200 }] },
    hypothesis: [{ probe: 'success-rate', min }],
    schedule: {
      warmupMs: 100,
      steadyMs: 100,
      phases: [{ name: 'loss', durationMs: 600, faults: [{ target: { links: ['load--echo'] }, probability, effect: { kind: 'drop' } }] }],
      settleMs: 300,
      recoveryMs: 100,
    },
  };
}

describe('shrink in the kernel worker (real wasm)', () => {
  it('a failing chaos run shrinks to its fault and a lost request, reporting each candidate run', async () => {
    const { result, recording } = await recordSimulation(lossy(0.5, 1), { library });
    expect(result.pass).toBe(false);
    const progress: ShrinkProgress[] = [];
    const outcome = await replayApi().shrinkRecording(recording, (p) => progress.push(p));
    if (!outcome.shrunk) throw new Error(outcome.reason);
    expect(outcome.from).toBeGreaterThan(15);
    expect(outcome.to).toBeLessThanOrEqual(3);
    expect(outcome.inputs.map((i) => i.type)).toContain('chaos.inject');
    expect(outcome.inputs.find((i) => i.type === 'chaos.inject')?.text).toMatch(/^fault .*: drop on load--echo \(p 0\.5\)$/);
    expect(outcome.inputs.find((i) => i.type === 'message.send')?.text).toMatch(/^load → echo: request /);
    expect(outcome.recording.header.name).toBe('lossy link (shrunk)');
    expect(progress).toHaveLength(outcome.tried);
    expect(progress.at(-1)).toMatchObject({ from: outcome.from, kept: outcome.to });
  }, 60_000);

  it('a run that passed its checks: nothing to shrink; a recording without a chaos experiment: no checks to fail', async () => {
    const { result, recording } = await recordSimulation(lossy(0, 1), { library });
    expect(result.pass).toBe(true);
    await expect(replayApi().shrinkRecording(recording)).resolves.toEqual({ shrunk: false, reason: NOTHING_TO_SHRINK });
    const plain = await replayApi().shrinkRecording(await sampleRecording(2));
    expect(plain).toMatchObject({ shrunk: false, reason: expect.stringMatching(/not driven by a chaos experiment/) });
  }, 60_000);

  it("an experiment that fails while the recording's own inputs do not: nothing to shrink, as an outcome", async () => {
    // Recorded without loss, then labelled with the lossy experiment: run again it fails, its tape (no faults) does not.
    const { result, recording } = await recordSimulation(lossy(0, 1), { library });
    expect(result.pass).toBe(true);
    const relabelled = { ...recording, header: { ...recording.header, chaos: lossy(0.5, 1) } };
    await expect(replayApi().shrinkRecording(relabelled)).resolves.toEqual({ shrunk: false, reason: INPUTS_DO_NOT_FAIL });
  }, 60_000);
});
