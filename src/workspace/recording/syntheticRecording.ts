/**
 * A recording made up for tests and measurements: a client talking to two agents, their
 * host events and ticks, `entries` long. Shapes are real kernel inputs; nothing runs.
 */
import type { KernelInput } from '../../kernel/types';
import { RECORDING_SCHEMA, type Recording, type RecordingModule, type TapeEntry } from '../../experiments/replay/types';

function inputAt(i: number): KernelInput {
  switch (i % 5) {
    case 0:
      return {
        type: 'message.send',
        from: 'client',
        message: { performative: 'request', receiver: 'echo', content: { n: i, text: `hello ${i}` } },
      };
    case 1:
      return { type: 'agent.sent', agent: 'echo', instance: 1, message: { performative: 'inform', receiver: 'client', content: { n: i } } };
    case 2:
      return { type: 'agent.handled', agent: 'echo', instance: 1, messageId: `m-${i}` };
    case 3:
      return { type: 'kv.set', agent: 'counter', instance: 1, key: 'count', value: String(i) };
    default:
      return { type: 'tick' };
  }
}

export function syntheticTape(entries: number): TapeEntry[] {
  const tape: TapeEntry[] = new Array<TapeEntry>(entries);
  for (let i = 0; i < entries; i++) tape[i] = { t: Math.floor(i / 3) * 0.25, input: inputAt(i) };
  return tape;
}

export function syntheticRecording(entries: number, modules: RecordingModule[] = []): Recording {
  return {
    header: {
      schema: RECORDING_SCHEMA,
      id: 'rec-synthetic',
      name: `synthetic ${entries}`,
      tags: ['synthetic'],
      createdAt: '2026-01-01T00:00:00.000Z',
      clockMode: 'simulation',
      kernelSeed: 42,
      simulationSeed: 7,
      kernel: { maxInFlight: 64 },
      workspace: { orrery: 'workspace', version: 2, name: 'synthetic', nodes: [], links: [], modules: [], composerHistory: [] },
      modules,
      startIndex: 0,
      counts: { inputs: entries, events: entries * 2, durationMs: Math.floor((entries - 1) / 3) * 0.25 },
      logHash: 'ab'.repeat(32),
    },
    tape: syntheticTape(entries),
  };
}
