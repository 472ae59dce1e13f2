import { describe, expect, it } from 'vitest';
import { replayInSimulation } from './replayRecording';
import { createStandIn, withStandIns, type StandInMode } from './standIn';
import { library, recordOps, type Op } from './replayTestKit';
import type { Recording } from './types';

const ask = (to: string, n: number): Op => ({ op: 'send', to, performative: 'request', n });
const pause: Op = { op: 'wait', ms: 20 };

function standInFor(recording: Recording, mode: StandInMode) {
  const standIn = createStandIn({ recording, agent: 'echo', mode, real: library.get('echo')! });
  return { standIn, library: withStandIns(library, [standIn]), kinds: { echo: standIn.kind } };
}

describe('stand-ins', () => {
  it('replay mode: the stand-in answers as the recorded agent did (no divergence; only the deployed kind differs in the log)', async () => {
    const { recording } = await recordOps(21, [ask('echo', 1), pause, ask('echo', 2), pause, ask('counter', 3)]);
    const { standIn, ...setup } = standInFor(recording, 'replay');
    const report = await replayInSimulation(recording, setup);
    expect(report.divergences).toEqual([]);
    expect(report.exact).toBe(false);
    expect(standIn.misses()).toEqual([]);
    expect(standIn.unused()).toBe(0);
  });

  it('replay mode, unmatched: ORR510 names the closest recorded message and the field that differs', async () => {
    const { recording: recorded } = await recordOps(21, [ask('echo', 1), pause, ask('echo', 2)]);
    const { recording: asked } = await recordOps(21, [ask('echo', 1), pause, ask('echo', 7)]);
    const { standIn, ...setup } = standInFor(recorded, 'replay');
    const report = await replayInSimulation(asked, setup);
    const misses = standIn.misses();
    expect(misses).toHaveLength(1);
    expect(misses[0]!.error.code).toBe('ORR510');
    expect(misses[0]!.error.message).toMatch(/closest recorded: request from c .*differing in content\.n \(recorded 2, got 7\)/);
    expect(report.first?.kind).toBe('field');
    expect(report.first?.replayed?.message.performative).toBe('not-understood');
  });

  it('replay mode, asked more often than recorded: ORR511 recording exhausted', async () => {
    const { recording: recorded } = await recordOps(21, [ask('echo', 1)]);
    const { recording: asked } = await recordOps(21, [ask('echo', 1), pause, ask('echo', 1)]);
    const { standIn, ...setup } = standInFor(recorded, 'replay');
    await replayInSimulation(asked, setup);
    expect(standIn.misses().map((m) => m.error.code)).toEqual(['ORR511']);
  });

  it('passthrough: what the recording cannot answer goes to the real agent', async () => {
    const { recording: recorded } = await recordOps(21, [ask('echo', 1)]);
    const { recording: asked } = await recordOps(21, [ask('echo', 1), pause, ask('echo', 9), pause, ask('echo', 1)]);
    const { standIn, ...setup } = standInFor(recorded, 'passthrough');
    const report = await replayInSimulation(asked, setup);
    expect(report.divergences).toEqual([]);
    expect(standIn.added()).toEqual([]);
  });

  it('record-if-missing: the real agent answers and its answer is kept', async () => {
    const { recording: recorded } = await recordOps(21, [ask('echo', 1)]);
    const { recording: asked } = await recordOps(21, [ask('echo', 1), pause, ask('echo', 9)]);
    const { standIn, ...setup } = standInFor(recorded, 'record-if-missing');
    const report = await replayInSimulation(asked, setup);
    expect(report.divergences).toEqual([]);
    const added = standIn.added();
    expect(added).toHaveLength(1);
    expect(added[0]!.request.content).toEqual({ n: 9 });
    expect(JSON.parse(added[0]!.answers[0] as string)).toMatchObject({ performative: 'inform', content: { n: 9 } });
  });

  it('passthrough needs the real kind', () => {
    const recording = { header: { name: 'r' }, tape: [] } as unknown as Recording;
    expect(() => createStandIn({ recording, agent: 'echo', mode: 'passthrough' })).toThrow(/needs the real kind/);
  });
});
