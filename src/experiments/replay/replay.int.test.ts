/**
 * Record and replay with real AssemblyScript agents (public/agents; npm run build:agents):
 * a chaos experiment recorded in simulation, played back, replayed, changed, forked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKindLibrary, loadLibraryKinds } from '../../hosts/inProcess';
import { nodeAgentAssets } from '../../hosts/node/nodeAgentAssets';
import { requireBuiltAgents } from '../../hosts/node/requireBuiltAgents';
import type { KernelEvent } from '../../kernel/types';
import { echoSoak } from '../chaos/examples';
import { canonicalJson } from '../simulation/canonicalJson';
import { conversationsOf } from './conversations';
import { forkAt } from './fork';
import { createPlayer } from './player';
import { recordSimulation } from './recordSimulation';
import { recordedConversations, replayInSimulation } from './replayRecording';
import type { Recording } from './types';
import { createStandIn, withStandIns } from './standIn';

requireBuiltAgents();
const library = createKindLibrary();
const experiment = echoSoak({ faultMs: 1500, ratePerSecond: 40, killEveryMs: 500, drop: 0.2, duplicate: 0.1 });
let recording: Recording;
let resultHash: string;

beforeAll(async () => {
  await loadLibraryKinds(library, nodeAgentAssets(), ['echo', 'counter']);
  const { result, recording: recorded } = await recordSimulation(experiment, {
    seed: 7,
    library,
    record: { name: 'soak', tags: ['chaos'] },
  });
  recording = recorded;
  resultHash = result.hash;
}, 120_000);

describe('record and replay a chaos experiment in simulation (real wasm)', () => {
  it('records the run: the header names the seeds, the experiment and the kinds, and its log hash is the run hash', () => {
    const { header } = recording;
    expect(header).toMatchObject({
      clockMode: 'simulation',
      simulationSeed: 7,
      startIndex: 0,
      name: 'soak',
      tags: ['chaos'],
      chaos: experiment,
    });
    expect(header.modules.map((m) => m.kind)).toEqual(['echo']);
    expect(header.logHash).toBe(resultHash);
    const player = createPlayer(recording);
    expect(player.markers().some((m) => m.kind === 'fault')).toBe(true);
    expect(player.markers().some((m) => m.kind === 'crash')).toBe(true);
  });

  it('replayed against the same agents: zero divergences, and exactly the recorded log', async () => {
    const report = await replayInSimulation(recording, { library });
    expect(report.refused).toEqual([]);
    expect(report.divergences).toEqual([]);
    expect(report.recorded.length).toBeGreaterThan(50);
    expect(report.exact).toBe(true);
    expect(report.logHash).toBe(recording.header.logHash);
  });

  it('one agent changed (echo2 is a counter now): the first divergence is echo2’s first answer', async () => {
    const report = await replayInSimulation(recording, { library, kinds: { echo2: 'counter' } });
    expect(report.exact).toBe(false);
    const firstFromEcho2 = recordedConversations(recording)
      .flatMap((c) => c.messages)
      .filter((m) => m.message.sender === 'echo2')
      .sort((a, b) => a.seq - b.seq)[0]!;
    expect(report.first?.kind).toBe('field');
    expect(report.first?.recorded?.seq).toBe(firstFromEcho2.seq);
    expect(report.first?.replayed?.message.sender).toBe('echo2');
    // echo answers `inform` with the request's content; the counter does not understand it.
    expect(report.first?.fields.find((f) => f.field === 'performative')).toMatchObject({ recorded: 'inform' });
    expect(report.divergences.filter((d) => d.first)).toHaveLength(1);
  });

  it('echo2 replaced by a stand-in answering from the recording (replay mode): no divergence, nothing unmatched', async () => {
    const standIn = createStandIn({ recording, agent: 'echo2', mode: 'replay' });
    const report = await replayInSimulation(recording, { library: withStandIns(library, [standIn]), kinds: { echo2: standIn.kind } });
    expect(standIn.misses()).toEqual([]);
    expect(report.divergences).toEqual([]);
    expect(standIn.unused()).toBe(0);
  });

  it('forked from the middle, goes on to the same end as the original', async () => {
    const player = createPlayer(recording);
    const middle = Math.floor((player.first + player.last) / 2);
    const fork = await forkAt(recording, middle, { library });
    player.seekSeq(fork.at.seq);
    for (const agent of ['echo1', 'echo2', 'echo3']) expect(fork.sim.kernel.mailbox(agent)).toEqual(player.mailbox(agent));
    expect(fork.sim.snapshot().agents).toEqual(player.snapshot().agents);
    const after: KernelEvent[] = [];
    fork.sim.subscribe((e) => void after.push(e));
    expect(await fork.continueAsRecorded()).toEqual([]);
    fork.sim.dispose();
    const tail = player.eventsBetween(fork.at.seq + 1, player.last);
    expect(after.length).toBe(tail.length);
    expect(after.map(canonicalJson).join('\n')).toBe(tail.map(canonicalJson).join('\n'));
    const ended = conversationsOf(after).map((c) => c.id);
    expect(ended).toEqual(conversationsOf(tail).map((c) => c.id));
  });
});
