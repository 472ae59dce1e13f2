import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createKindLibrary, createSimulation, registerJsKinds } from '../../hosts/inProcess';
import { deriveSeed, STREAM } from '../../kernel/shell/seedStreams';
import type { Command, KernelEvent } from '../../kernel/types';
import { canonicalJson } from '../simulation/canonicalJson';
import type { OrreryError } from '../../protocol/errors';
import { createTapeRecorder } from './recorder';
import { finishRecording } from './finishRecording';
import { createPlayer } from './player';
import type { Recording } from './types';

const library = registerJsKinds(createKindLibrary());

type Op =
  | { op: 'send'; to: string; performative: 'request' | 'inform'; n: number }
  | { op: 'crash' }
  | { op: 'fault'; probability: number }
  | { op: 'clear' }
  | { op: 'restart'; agent: string }
  | { op: 'wait'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('send' as const),
      to: fc.constantFrom('echo', 'counter', 'crasher'),
      performative: fc.constantFrom('request' as const, 'inform' as const),
      n: fc.nat(1000),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'crash' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('fault' as const), probability: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restart' as const), agent: fc.constantFrom('echo', 'counter') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3000 }) }) },
);

const TOPOLOGY: Command[] = [
  { type: 'agent.deploy', spec: { name: 'echo', kind: 'echo' } },
  { type: 'agent.deploy', spec: { name: 'counter', kind: 'counter' } },
  { type: 'agent.deploy', spec: { name: 'crasher', kind: 'crasher' } },
  { type: 'client.create', name: 'c' },
  { type: 'link.add', a: 'c', b: 'echo', id: 'c-echo' },
  { type: 'link.add', a: 'c', b: 'counter', id: 'c-counter' },
  { type: 'link.add', a: 'c', b: 'crasher', id: 'c-crasher' },
];

/** Runs the ops on the JS agents in simulation with the tap; returns the log and the recording. */
async function recordOps(seed: number, ops: readonly Op[]): Promise<{ log: KernelEvent[]; recording: Recording }> {
  const recorder = createTapeRecorder();
  const sim = createSimulation({ seed, library, kernel: { onInput: recorder.onInput }, eventLogCapacity: Infinity });
  for (const command of TOPOLOGY) sim.command(command);
  await sim.runUntilIdle(100);
  let i = 0;
  for (const op of ops) {
    i++;
    if (op.op === 'send') {
      const draft = {
        performative: op.performative,
        receiver: op.to,
        sender: 'c',
        content: { n: op.n },
        reply_with: `r${i}`,
        reply_by: sim.now() + 2000,
        conversation_id: `conv-${i % 3}`,
      };
      sim.send(draft, 'c');
    } else if (op.op === 'crash')
      sim.send({ performative: 'request', receiver: 'crasher', sender: 'c', content: { action: 'crash' } }, 'c');
    else if (op.op === 'fault')
      sim.command({ type: 'chaos.inject', fault: { id: 'f', target: {}, probability: op.probability, effect: { kind: 'drop' } } });
    else if (op.op === 'clear') sim.command({ type: 'chaos.clear' });
    else if (op.op === 'restart') sim.command({ type: 'agent.restart', name: op.agent });
    else await sim.advanceTo(sim.now() + op.ms);
  }
  await sim.runUntilIdle(sim.now() + 60_000);
  const log = [...sim.log()];
  sim.dispose();
  const recording = finishRecording({
    tape: recorder.tape(),
    kernelSeed: deriveSeed(seed, STREAM.kernel),
    clockMode: 'simulation',
    simulationSeed: seed,
    startIndex: 0,
    name: 'ops',
    tags: [],
    kernel: {},
    modules: [],
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  return { log, recording };
}

describe('recorder and player', () => {
  it('the player regenerates the recorded log byte for byte (random command sequences, JS agents)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 }), fc.array(opArb, { maxLength: 25 }), async (seed, ops) => {
        const { log, recording } = await recordOps(seed, ops);
        const player = createPlayer(recording);
        expect(player.first).toBe(0);
        expect(player.length).toBe(log.length);
        expect(recording.header.counts.events).toBe(log.length);
        const replayed = player.eventsBetween(0, player.last).map(canonicalJson).join('\n');
        expect(replayed).toBe(log.map(canonicalJson).join('\n'));
      }),
      { numRuns: 40 },
    );
  });

  it('the state at an event: kv, mailbox and dead letters as they were, forward and back', async () => {
    const ops: Op[] = [1, 2, 3].map((n) => ({ op: 'send', to: 'counter', performative: 'request', n }));
    const { log, recording } = await recordOps(7, ops);
    const player = createPlayer(recording);
    const setCounts = log.filter((e): e is Extract<KernelEvent, { type: 'kv.set' }> => e.type === 'kv.set' && e.agent === 'counter');
    expect(setCounts.map((e) => e.value)).toEqual(['1', '2', '3']);
    player.seekSeq(setCounts[2]!.seq);
    expect(player.kv('counter')).toEqual({ count: '3' });
    player.seekSeq(setCounts[1]!.seq);
    expect(player.kv('counter')).toEqual({ count: '2' });
    player.stepEvent(-1);
    expect(player.seq).toBe(setCounts[1]!.seq - 1);
    player.seekSeq(player.first - 1);
    expect(player.kv('counter')).toEqual({});
    const firstRequest = log.find((e) => e.type === 'message.sent' && e.message.receiver === 'counter' && e.message.sender === 'c');
    player.seek({ to: 'message', messageId: (firstRequest as Extract<KernelEvent, { type: 'message.sent' }>).message.id });
    expect(player.seq).toBe(firstRequest!.seq);
    expect(player.mailbox('counter').map((m) => m.content)).toEqual([{ n: 1 }]);
  });

  it('markers, jumps to failures and conversations', async () => {
    const { log, recording } = await recordOps(3, [
      { op: 'crash' },
      { op: 'wait', ms: 500 },
      { op: 'send', to: 'echo', performative: 'request', n: 1 },
    ]);
    const player = createPlayer(recording);
    const crash = log.find((e) => e.type === 'agent.crashed')!;
    const restart = log.find((e) => e.type === 'agent.restarted')!;
    expect(
      player
        .markers()
        .filter((m) => m.kind === 'crash')
        .map((m) => m.seq),
    ).toEqual(log.filter((e) => e.type === 'agent.crashed').map((e) => e.seq));
    expect(player.markers().some((m) => m.kind === 'restart' && m.seq === restart.seq)).toBe(true);
    expect(player.seek({ to: 'next-failure' })).toBe(crash.seq);
    expect(player.seek({ to: 'next-marker' })).toBeGreaterThan(crash.seq);
    expect(player.seek({ to: 'previous-failure' })).toBe(crash.seq);
    expect(player.seek({ to: 'time', t: crash.t })).toBe(log.findLast((e) => e.t <= crash.t)!.seq);
    const conv = player.conversations().find((c) => c.id === 'conv-0');
    expect(conv?.participants).toEqual(expect.arrayContaining(['c', 'echo']));
    expect(conv?.messages).toBe(2);
  });

  it('refuses a tape that no longer makes its log (ORR506) and a moment it does not have (ORR512)', async () => {
    const { recording } = await recordOps(5, [{ op: 'send', to: 'echo', performative: 'request', n: 1 }]);
    const edited: Recording = { ...recording, tape: recording.tape.filter((e) => e.input.type !== 'agent.sent') };
    expect(() => createPlayer(edited)).toThrow(expect.objectContaining({ code: 'ORR506' }) as OrreryError);
    const player = createPlayer(recording);
    expect(() => player.seekSeq(player.last + 1)).toThrow(/ORR512/);
  });

  it('a tape over its budget stops and says where', () => {
    const recorder = createTapeRecorder({ budget: 2 });
    for (let i = 0; i < 3; i++) recorder.onInput({ type: 'tick' }, i);
    expect(recorder.size).toBe(2);
    expect(recorder.cutShort).toEqual({ reason: expect.stringContaining('2 inputs') as string, atIndex: 2 });
  });

  it('keeps its own copy of a message the sender changes afterwards', () => {
    const recorder = createTapeRecorder();
    const draft = { performative: 'inform', receiver: 'echo', content: { n: 1 } };
    recorder.onInput({ type: 'message.send', message: draft }, 0);
    draft.content.n = 2;
    expect(recorder.tape()[0]!.input).toEqual({
      type: 'message.send',
      message: { performative: 'inform', receiver: 'echo', content: { n: 1 } },
    });
  });
});
