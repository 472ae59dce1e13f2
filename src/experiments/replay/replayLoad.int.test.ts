/** A simulated load run recorded and replayed, with real wasm agents and the experiment's latency model. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKindLibrary, loadLibraryKinds } from '../../hosts/inProcess';
import { nodeAgentAssets } from '../../hosts/node/nodeAgentAssets';
import { requireBuiltAgents } from '../../hosts/node/requireBuiltAgents';
import { parseLoadExperiment } from '../load/experiment/parseLoadExperiment';
import { recordLoadSimulation } from './recordSimulation';
import { replayInSimulation } from './replayRecording';

requireBuiltAgents();
const library = createKindLibrary();
beforeAll(async () => {
  await loadLibraryKinds(library, nodeAgentAssets(), ['echo']);
});

const experiment = parseLoadExperiment({
  schema: 'orrery.load/1',
  name: 'steady',
  seed: 7,
  topology: { clients: ['client-1'], agents: [{ name: 'echo-1', kind: 'echo' }], links: [{ a: 'client-1', b: 'echo-1' }] },
  scenarios: {
    steady: {
      executor: 'constant-arrival-rate',
      rate: 50,
      duration: '2s',
      preAllocatedVUs: 5,
      maxVUs: 50,
      client: 'client-1',
      target: 'echo-1',
      message: { performative: 'request', content: { n: '${scenarioIter}' } },
      timeout: '500ms',
    },
  },
  latency: { link: { distribution: 'uniform', minMs: 1, maxMs: 3 }, agent: { distribution: 'lognormal', medianMs: 2, p99Ms: 15 } },
});

describe('record and replay a simulated load run (real wasm)', () => {
  it('the recording carries the load file and the run hash; replayed with the same seed and latency model: exactly the recorded run', async () => {
    const { result, recording } = await recordLoadSimulation(experiment, { library });
    expect(recording.header).toMatchObject({ load: experiment, simulationSeed: 7 });
    expect(recording.header.logHash).toBe(result.logHash);
    const report = await replayInSimulation(recording, { library });
    expect(report.refused).toEqual([]);
    expect(report.recorded.length).toBe(100);
    expect(report.divergences).toEqual([]);
    expect(report.exact).toBe(true);
  });
});
