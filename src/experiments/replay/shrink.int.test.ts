/**
 * Shrinking a failing chaos run recorded in simulation, with real wasm agents: the hypothesis
 * (success rate) breaks under message loss; the minimal recording keeps the fault and a
 * request it loses, and still breaks it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKindLibrary, loadLibraryKinds } from '../../hosts/inProcess';
import { nodeAgentAssets } from '../../hosts/node/nodeAgentAssets';
import { requireBuiltAgents } from '../../hosts/node/requireBuiltAgents';
import type { Experiment } from '../chaos/types';
import { hypothesisFails } from './hypothesisFails';
import { recordSimulation } from './recordSimulation';
import { rerunWith } from './rerun';
import { shrink } from './shrink';
import { externalInputs } from './externalInputs';

requireBuiltAgents();
const library = createKindLibrary();
beforeAll(async () => {
  await loadLibraryKinds(library, nodeAgentAssets(), ['echo']);
});

const lossy: Experiment = {
  schema: 'orrery.experiment/1',
  name: 'lossy link',
  seed: 3,
  topology: { clients: ['load'], agents: [{ name: 'echo', kind: 'echo' }], links: [{ id: 'load--echo', a: 'load', b: 'echo' }] },
  workload: { clients: [{ client: 'load', targets: ['echo'], ratePerSecond: 20, timeoutMs: 200 }] },
  hypothesis: [{ probe: 'success-rate', min: 1 }],
  schedule: {
    warmupMs: 100,
    steadyMs: 100,
    phases: [
      { name: 'loss', durationMs: 600, faults: [{ target: { links: ['load--echo'] }, probability: 0.5, effect: { kind: 'drop' } }] },
    ],
    settleMs: 300,
    recoveryMs: 100,
  },
};

describe('shrink a failing chaos run (real wasm)', () => {
  it('drops the requests and faults the failure does not need; the minimal recording still fails', async () => {
    const { result, recording } = await recordSimulation(lossy, { library });
    expect(result.pass).toBe(false);
    const fails = hypothesisFails(lossy, result);
    const shrunk = await shrink(recording, { library, fails });
    expect(shrunk.from).toBeGreaterThan(15);
    expect(shrunk.to).toBeLessThanOrEqual(3);
    const kept = externalInputs(shrunk.recording).map((i) => i.command.type);
    expect(kept).toContain('chaos.inject');
    expect(kept).toContain('message.send');
    const again = await rerunWith(shrunk.recording, new Set(externalInputs(shrunk.recording).map((i) => i.index)), { library });
    expect(fails(again)).toBe(true);
    expect(shrunk.steps.filter((s) => s.failed).length).toBeGreaterThan(1);
  });
});
