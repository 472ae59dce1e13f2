import { describe, expect, it } from 'vitest';
import type { KernelEvent, KernelSnapshot } from '../../kernel/types';
import { createPlaybackWorkbench, READ_ONLY_MESSAGE } from './createPlaybackWorkbench';
import type { PlaybackApi, PlaybackBatch } from './types';

const snapshot = { time: 5, agents: [], topics: [], clients: [], links: [], seq: 3 } satisfies KernelSnapshot;
const event: KernelEvent = { seq: 3, t: 5, type: 'kv.set', agent: 'a', key: 'k', value: 'v' };

/** Only what the adapter reads; the rest is not reached. */
function fakePlayback(batches: PlaybackBatch[]): PlaybackApi {
  const reads: Partial<PlaybackApi> = {
    snapshot: async () => snapshot,
    kinds: async () => [{ kind: 'echo', label: 'Echo agent', description: '', hash: 'h', bytes: 0, builtin: true }],
    inspect: async (agent) => ({ kv: { agent }, mailbox: [] }),
    subscribe: async (listener) => {
      for (const b of batches) listener(b);
      return () => {};
    },
  };
  return reads as PlaybackApi;
}

describe('createPlaybackWorkbench', () => {
  it('refuses every change with the read-only message', async () => {
    const workbench = createPlaybackWorkbench(fakePlayback([]));
    await expect(workbench.command({ type: 'agent.stop', name: 'a' })).rejects.toThrow(READ_ONLY_MESSAGE);
    await expect(workbench.send({ performative: 'inform', receiver: 'a' })).rejects.toThrow(READ_ONLY_MESSAGE);
    await expect(workbench.request({ performative: 'request', receiver: 'a' }, 100)).rejects.toThrow(READ_ONLY_MESSAGE);
    await expect(workbench.registerComponent('x', new Uint8Array(1))).rejects.toThrow(READ_ONLY_MESSAGE);
  });

  it('reads the recording at the cursor', async () => {
    const workbench = createPlaybackWorkbench(fakePlayback([]));
    await expect(workbench.ready()).resolves.toBeUndefined();
    expect(await workbench.snapshot()).toBe(snapshot);
    expect((await workbench.kinds()).map((k) => k.kind)).toEqual(['echo']);
    expect(await workbench.inspect('a')).toEqual({ kv: { agent: 'a' }, mailbox: [] });
  });

  it("feeds the store playback's batches whole, and plain subscribers their events", async () => {
    const batches: PlaybackBatch[] = [{ reset: true, snapshot, events: [event] }, { events: [] }];
    const workbench = createPlaybackWorkbench(fakePlayback(batches));
    const whole: PlaybackBatch[] = [];
    await workbench.subscribePlayback((b) => whole.push(b));
    expect(whole).toEqual(batches);
    const plain: KernelEvent[][] = [];
    await workbench.subscribe((e) => plain.push(e));
    expect(plain).toEqual([[event], []]);
  });
});
