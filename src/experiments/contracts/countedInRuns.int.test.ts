/**
 * Chaos experiments and load runs given contracts count the violations of real wasm agents
 * (the echo agent answers a request with an inform carrying the same content).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKindLibrary, loadLibraryKinds } from '../../hosts/inProcess';
import { nodeAgentAssets } from '../../hosts/node/nodeAgentAssets';
import { requireBuiltAgents } from '../../hosts/node/requireBuiltAgents';
import { echoSoak } from '../chaos/examples';
import { runSimulatedExperiment } from '../chaos/runSimulatedExperiment';
import { parseLoadExperiment } from '../load/experiment/parseLoadExperiment';
import { runSimulatedLoadExperiment } from '../load/run/runSimulatedLoadExperiment';
import { loadContracts } from './parseContract';
import { FIRST_VIOLATIONS_KEPT } from './watchContracts';

requireBuiltAgents();
const library = createKindLibrary();
beforeAll(async () => {
  await loadLibraryKinds(library, nodeAgentAssets(), ['echo']);
});

/** echo accepts requests with `accepted` content and sends informs with `sent` content. */
const contracts = (accepted: object, sent: object) =>
  loadContracts({
    schema: 'orrery.contract/1',
    version: '1',
    kinds: { echo: { request: { accepts: accepted }, inform: { sends: sent } } },
  });
const anObject = { type: 'object' };
/** What echo sends back is what it got: never a `status`. */
const wantsStatus = { type: 'object', required: ['status'] };

const experiment = echoSoak({ agents: 1, faultMs: 300, killEveryMs: 0, ratePerSecond: 50 });

describe('contracts counted in chaos experiments (simulation, real wasm)', () => {
  it('counts no violation when the agents keep the contract, and checks every message', async () => {
    const result = await runSimulatedExperiment(experiment, { library, contracts: contracts(anObject, anObject) });
    expect(result.contracts).toMatchObject({ violations: 0, messages: 0, byContract: {}, first: [] });
    expect(result.contracts!.checked).toBeGreaterThan(50);
    const without = await runSimulatedExperiment(experiment, { library });
    expect(without.contracts).toBeUndefined();
    expect(without.hash).toBe(result.hash); // watching changes nothing in the run
  });

  it("counts every reply that breaks echo's sends, naming the contract and the path", async () => {
    const result = await runSimulatedExperiment(experiment, { library, contracts: contracts(anObject, wantsStatus) });
    const counts = result.contracts!;
    expect(counts.violations).toBeGreaterThan(20);
    expect(counts.byContract).toEqual({ 'echo sends inform': counts.violations });
    expect(counts.messages).toBe(counts.violations);
    expect(counts.first).toHaveLength(FIRST_VIOLATIONS_KEPT);
    expect(counts.first[0]).toMatchObject({
      side: 'sender',
      agent: 'echo1',
      from: 'echo1',
      to: 'load',
      performative: 'inform',
      problems: ['content: missing the required field "status"'],
    });
  });
});

describe('contracts counted in load runs (simulation, real wasm)', () => {
  const load = parseLoadExperiment({
    schema: 'orrery.load/1',
    name: 'steady',
    seed: 7,
    topology: { clients: ['client-1'], agents: [{ name: 'echo-1', kind: 'echo' }], links: [{ a: 'client-1', b: 'echo-1' }] },
    scenarios: {
      steady: {
        executor: 'constant-arrival-rate',
        rate: 20,
        duration: '2s',
        preAllocatedVUs: 5,
        maxVUs: 10,
        client: 'client-1',
        target: 'echo-1',
        message: { performative: 'request', content: { word: '${rand:string:8}' } },
        timeout: '500ms',
      },
    },
  });

  it('counts the requests that break what echo accepts (checked before any delivery), none when kept', async () => {
    const kept = await runSimulatedLoadExperiment(load, { library, contracts: contracts(anObject, anObject) });
    expect(kept.contracts).toMatchObject({ violations: 0 });
    expect(kept.contracts!.checked).toBeGreaterThan(40);
    const broken = await runSimulatedLoadExperiment(load, {
      library,
      contracts: contracts({ type: 'object', properties: { word: { type: 'integer' } } }, anObject),
    });
    expect(broken.contracts!.violations).toBe(kept.totals.sent);
    expect(broken.contracts!.first[0]).toMatchObject({ side: 'receiver', agent: 'echo-1', from: 'client-1', to: 'echo-1' });
    expect(broken.contracts!.first[0]!.problems[0]).toMatch(/^content\.word: expected integer, received string "/);
    expect(broken.logHash).toBe(kept.logHash);
  });
});
