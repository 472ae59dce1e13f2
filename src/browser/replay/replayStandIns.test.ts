/**
 * Stand-ins through the kernel worker's replay (createReplayApi, simulation): JS agents, a
 * relay that asks the echo on the client's behalf, so a changed relay makes the stand-in
 * hear messages its recording cannot answer (ORR510) or hears one too often (ORR511).
 */
import { describe, expect, it } from 'vitest';
import { createKindLibrary, createSimulation, registerJsKinds, type JsAgentBehavior } from '../../hosts/inProcess';
import type { Runtime } from '../../hosts/createRuntime';
import { createTapeRecorder } from '../../experiments/replay/recorder';
import { finishRecording } from '../../experiments/replay/finishRecording';
import type { Recording } from '../../experiments/replay/types';
import { DEFAULT_MATCH_RULES } from '../../experiments/replay/match';
import { deriveSeed, STREAM } from '../../kernel/shell/seedStreams';
import type { Command } from '../../kernel/types';
import type { CompiledKindLibrary } from '../createCompiledKindLibrary';
import { createReplayApi, type ReplayParts } from './createReplayApi';
import { sampleRecording } from './fixtures';

/** Asks the echo what the client asked (content changed by `change`, `times` times); the echo's answer goes back to the client. */
function relay(change: (n: number) => number, times = 1): JsAgentBehavior {
  return {
    handle(m, host) {
      const content = m['content'] as { n: number };
      if (m['sender'] === 'c') {
        for (let i = 0; i < times; i++)
          host.send(
            JSON.stringify({
              performative: 'request',
              receiver: 'echo',
              content: { n: change(content.n) },
              conversation_id: m['conversation_id'],
            }),
          );
      } else if (m['performative'] === 'inform')
        host.send(JSON.stringify({ performative: 'inform', receiver: 'c', content, conversation_id: m['conversation_id'] }));
    },
  };
}

const library = registerJsKinds(createKindLibrary());
library.registerJs(
  'relay',
  relay((n) => n),
);
library.registerJs(
  'relay-plus',
  relay((n) => n + 100),
);
library.registerJs(
  'relay-twice',
  relay((n) => n, 2),
);
const compiled: CompiledKindLibrary = { ...library, prepare: async () => undefined };

function replayApi() {
  // Simulation replays touch neither the live runtime nor its kernel (no custom kinds to add).
  const unused = {} as unknown as Runtime;
  const parts = {
    runtime: unused,
    kernel: unused,
    clock: unused,
    library: compiled,
    kinds: () => library.kinds(),
  } as unknown as ReplayParts;
  return createReplayApi(parts);
}

const TOPOLOGY: Command[] = [
  { type: 'agent.deploy', spec: { name: 'echo', kind: 'echo' } },
  { type: 'agent.deploy', spec: { name: 'relay', kind: 'relay' } },
  { type: 'client.create', name: 'c' },
  { type: 'link.add', a: 'c', b: 'relay', id: 'c-relay' },
  { type: 'link.add', a: 'relay', b: 'echo', id: 'relay-echo' },
];

async function relayRecording(asks: number): Promise<Recording> {
  const seed = 5;
  const recorder = createTapeRecorder();
  const sim = createSimulation({ seed, library, kernel: { onInput: recorder.onInput }, eventLogCapacity: Infinity });
  for (const command of TOPOLOGY) sim.command(command);
  await sim.runUntilIdle(100);
  for (let n = 1; n <= asks; n++) {
    sim.send({ performative: 'request', receiver: 'relay', sender: 'c', content: { n }, conversation_id: `k${n}` }, 'c');
    await sim.advanceTo(sim.now() + 100);
  }
  await sim.runUntilIdle(sim.now() + 1_000);
  sim.dispose();
  const modules = [{ kind: 'echo', hash: 'e', label: 'Echo', builtin: true }];
  const parts = {
    kernelSeed: deriveSeed(seed, STREAM.kernel),
    simulationSeed: seed,
    clockMode: 'simulation' as const,
    kernel: {},
    modules,
  };
  return finishRecording({ ...parts, tape: recorder.tape(), startIndex: 0, name: 'relayed', tags: [] });
}

describe('replay with stand-ins (kernel worker)', () => {
  it('an echo swapped for a counter diverges; with a replay-mode stand-in for it, nothing diverges', async () => {
    const recording = await sampleRecording(4);
    const api = replayApi();
    const swapped = await api.replayRecording(recording, { against: 'simulation', kinds: { echo: 'counter' } });
    expect(swapped.divergences.length).toBeGreaterThan(0);
    const stood = await api.replayRecording(recording, {
      against: 'simulation',
      // The counter's answers carry its clock (`content.at`): a stand-in answers at another pace than the echo did.
      rules: { ignore: [...DEFAULT_MATCH_RULES.ignore, 'content.at'], orderSensitive: DEFAULT_MATCH_RULES.orderSensitive },
      kinds: { echo: 'counter' },
      standIns: [{ agent: 'echo', mode: 'replay' }],
    });
    expect(stood.divergences).toEqual([]);
    expect(stood.standIns).toEqual([{ agent: 'echo', mode: 'replay', misses: [], added: 0, unused: 0 }]);
  });

  it('replay mode: a message the recording has no answer for is ORR510 naming the closest and the differing field', async () => {
    const recording = await relayRecording(2);
    const report = await replayApi().replayRecording(recording, {
      against: 'simulation',
      kinds: { relay: 'relay-plus' },
      standIns: [{ agent: 'echo', mode: 'replay' }],
    });
    const misses = report.standIns![0]!.misses;
    expect(misses.map((m) => m.error.code)).toEqual(['ORR510', 'ORR510']);
    expect(misses[0]!.error.message).toMatch(/closest recorded: request from relay .*differing in content\.n \(recorded 1, got 101\)/);
    expect(report.divergences.length).toBeGreaterThan(0);
  });

  it('replay mode: asked more often than recorded is ORR511; passthrough hands the extra to the real echo', async () => {
    const recording = await relayRecording(1);
    const api = replayApi();
    const replayed = await api.replayRecording(recording, {
      against: 'simulation',
      kinds: { relay: 'relay-twice' },
      settleMs: 1_000,
      standIns: [{ agent: 'echo', mode: 'replay' }],
    });
    expect(replayed.standIns![0]!.misses.map((m) => m.error.code)).toEqual(['ORR511']);
    const passed = await api.replayRecording(recording, {
      against: 'simulation',
      kinds: { relay: 'relay-twice' },
      settleMs: 1_000,
      standIns: [{ agent: 'echo', mode: 'record-if-missing' }],
    });
    expect(passed.standIns![0]).toMatchObject({ misses: [], added: 1 });
  });

  it('refuses a stand-in for an agent the recording never had, and stand-ins against the live workbench', async () => {
    const recording = await sampleRecording(2);
    const api = replayApi();
    await expect(
      api.replayRecording(recording, { against: 'simulation', standIns: [{ agent: 'nobody', mode: 'replay' }] }),
    ).rejects.toThrow(/stand-in for "nobody": the recording has no agent of that name \(it has echo, counter\)/);
    await expect(api.replayRecording(recording, { against: 'live', standIns: [{ agent: 'echo', mode: 'replay' }] })).rejects.toThrow(
      /fresh simulation only/,
    );
  });
});
