import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createKindLibrary, jsEcho, registerJsKinds } from '../../hosts/inProcess';
import { replayInSimulation } from './replayRecording';
import { describeDivergence } from './diff';
import { library, opArb, recordOps, type Op } from './replayTestKit';
import { finishRecording } from './finishRecording';
import { recordSimulation } from './recordSimulation';
import { externalInputs } from './externalInputs';
import type { Experiment } from '../chaos/types';
import { createPlayer } from './player';

describe('replay in simulation (JS agents)', () => {
  it('an unchanged system reproduces any recording exactly: zero divergences, same log hash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 }), fc.array(opArb, { maxLength: 20 }), async (seed, ops) => {
        const { recording } = await recordOps(seed, ops);
        const report = await replayInSimulation(recording, { library });
        expect(report.divergences).toEqual([]);
        expect(report.logHash).toBe(recording.header.logHash);
        expect(report.exact).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('another seed is another run: the log hash differs (the exactness check can fail)', async () => {
    const { recording } = await recordOps(4, [
      { op: 'send', to: 'echo', performative: 'request', n: 1 },
      { op: 'send', to: 'counter', performative: 'request', n: 2 },
    ]);
    expect(recording.header.counts.events).toBeGreaterThan(20);
    const report = await replayInSimulation(recording, { library, seed: 5 });
    expect(report.logHash).not.toBe(recording.header.logHash);
    expect(report.exact).toBe(false);
  });

  it('an agent that answers differently: the first divergence is its first answer, naming the field', async () => {
    const { recording } = await recordOps(11, [
      { op: 'send', to: 'counter', performative: 'request', n: 1 },
      { op: 'wait', ms: 10 },
      { op: 'send', to: 'echo', performative: 'request', n: 2 },
      { op: 'wait', ms: 10 },
      { op: 'send', to: 'echo', performative: 'request', n: 3 },
    ]);
    const changed = registerJsKinds(createKindLibrary());
    changed.registerJs('shouting-echo', {
      handle: (m, host) =>
        host.send(
          JSON.stringify({
            performative: 'inform',
            receiver: m['sender'],
            content: { shouted: m['content'] },
            in_reply_to: m['reply_with'],
            conversation_id: m['conversation_id'],
          }),
        ),
    });
    const report = await replayInSimulation(recording, { library: changed, kinds: { echo: 'shouting-echo' } });
    expect(report.exact).toBe(false);
    expect(report.divergences).toHaveLength(2);
    const first = report.first!;
    expect(first.first).toBe(true);
    expect(first.kind).toBe('field');
    expect(first.recorded!.message).toMatchObject({ sender: 'echo', content: { n: 2 } });
    expect(first.fields).toEqual([
      { field: 'content.n', recorded: 2, replayed: undefined },
      { field: 'content.shouted', recorded: undefined, replayed: { n: 2 } },
    ]);
    expect(describeDivergence(first)).toMatch(/content\.n: recorded 2, replayed undefined/);
  });

  it('a kind the library lacks is refused with ORR507 naming it', async () => {
    const { recording } = await recordOps(2, []);
    const bare = createKindLibrary();
    bare.registerJs('echo', jsEcho);
    await expect(replayInSimulation(recording, { library: bare })).rejects.toMatchObject({
      code: 'ORR507',
      message: expect.stringMatching(/"counter", "crasher"/) as string,
    });
  });
});

describe('a recording that starts mid-session (startIndex > 0)', () => {
  it('plays back from the start index, and a replay rebuilds the topology from the commands before it', async () => {
    const ops = [1, 2, 3, 4].map((n): Op => ({ op: 'send', to: 'echo', performative: 'request', n }));
    const { recording: whole } = await recordOps(13, [...ops.slice(0, 2), { op: 'wait', ms: 100 }, ...ops.slice(2)]);
    const startIndex = whole.tape.findIndex(
      (e) => e.input.type === 'message.send' && (e.input.message as { content: { n: number } }).content.n === 3,
    );
    const recording = finishRecording({ ...whole.header, tape: whole.tape, startIndex });
    const player = createPlayer(recording);
    expect(player.first).toBeGreaterThan(0);
    expect(player.seq).toBe(player.first - 1);
    expect(player.snapshot().agents.map((a) => [a.name, a.status])).toEqual([
      ['echo', 'running'],
      ['counter', 'running'],
      ['crasher', 'running'],
    ]);
    const contents = player.conversations().length;
    expect(contents).toBe(2);
    const report = await replayInSimulation(recording, { library });
    expect(report.refused).toEqual([]);
    expect(report.recorded.map((c) => c.messages.length)).toEqual([2, 2]);
    expect(report.divergences).toEqual([]);
  });
});

describe('inputs at the same instant', () => {
  it('two clients sending at the same times with instant handling: the replay lets due work run between them as the run did (exact)', async () => {
    const experiment: Experiment = {
      schema: 'orrery.experiment/1',
      name: 'same instant',
      topology: {
        clients: ['a', 'b'],
        agents: [{ name: 'echo', kind: 'echo' }],
        links: [
          { a: 'a', b: 'echo' },
          { a: 'b', b: 'echo' },
        ],
      },
      workload: {
        clients: [
          { client: 'a', targets: ['echo'], ratePerSecond: 100, timeoutMs: 1000 },
          { client: 'b', targets: ['echo'], ratePerSecond: 50, timeoutMs: 1000 },
        ],
      },
      hypothesis: [{ probe: 'no-lost-messages' }],
      schedule: { warmupMs: 50, steadyMs: 50, phases: [{ name: 'quiet', durationMs: 100, faults: [] }], settleMs: 50, recoveryMs: 50 },
      simulation: { handleMs: { min: 0, max: 0 }, spawnMs: { min: 0, max: 0 } },
    };
    const { result, recording } = await recordSimulation(experiment, { library, seed: 3 });
    expect(result.errors).toEqual([]);
    expect(result.counts.requests).toBeGreaterThan(30);
    const sameInstant = externalInputs(recording).filter((input, i, all) => i > 0 && input.t === all[i - 1]!.t && input.afterOthers);
    expect(sameInstant.length).toBeGreaterThan(5);
    const report = await replayInSimulation(recording, { library });
    expect(report.exact).toBe(true);
  });
});
