import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../kernel/types';
import { loadContracts } from '../../experiments/contracts/parseContract';
import { createViolationFeed } from './createViolationFeed';
import type { ViolationBatch } from './violationTypes';

const contracts = loadContracts({
  schema: 'orrery.contract/1',
  version: '1',
  kinds: { echo: { request: { accepts: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } } } } },
});

const sent = (seq: number, content: unknown): KernelEvent =>
  ({
    type: 'message.sent',
    seq,
    t: seq,
    message: { id: `m${seq}`, sender: 'you', receiver: 'echo-1', performative: 'request', content },
  }) as KernelEvent;

/** A runtime stand-in: the test publishes batches by hand and sees who is subscribed. */
function fakeRuntime() {
  // A list, not a set: the same function subscribed twice is two subscriptions, as in the runtime.
  const listeners: ((events: readonly KernelEvent[]) => void)[] = [];
  return {
    listeners: {
      get size() {
        return listeners.length;
      },
    },
    publish: (events: KernelEvent[]) => [...listeners].forEach((l) => l(events)),
    subscribe: async (listener: (events: readonly KernelEvent[]) => void) => {
      listeners.push(listener);
      return () => void listeners.splice(listeners.indexOf(listener), 1);
    },
  };
}

describe('createViolationFeed', () => {
  it('subscribes to the runtime only while there are contracts and a listener', async () => {
    const runtime = fakeRuntime();
    const feed = createViolationFeed({ subscribe: runtime.subscribe, kindOf: () => () => 'echo' });
    const id = await feed.open(() => undefined);
    expect(runtime.listeners.size).toBe(0);
    await feed.setContracts(contracts);
    expect(runtime.listeners.size).toBe(1);
    await feed.setContracts(null);
    expect(runtime.listeners.size).toBe(0);
    await feed.setContracts(contracts);
    await feed.close(id);
    expect(runtime.listeners.size).toBe(0);
  });

  it('subscribes once when a listener and contracts arrive at the same time (each message counted once)', async () => {
    const runtime = fakeRuntime();
    const feed = createViolationFeed({ subscribe: runtime.subscribe, kindOf: () => (n) => (n === 'echo-1' ? 'echo' : undefined) });
    const batches: ViolationBatch[] = [];
    await Promise.all([feed.open((b) => batches.push(b)), feed.setContracts(contracts), feed.open(() => undefined)]);
    expect(runtime.listeners.size).toBe(1);
    runtime.publish([sent(1, { n: 'x' })]);
    expect(batches.at(-1)!.counts).toMatchObject({ checked: 1, violations: 1 });
  });

  it('caps the violations sent per batch; the counts stay exact', async () => {
    const runtime = fakeRuntime();
    const batches: ViolationBatch[] = [];
    const feed = createViolationFeed({
      subscribe: runtime.subscribe,
      kindOf: () => (n) => (n === 'echo-1' ? 'echo' : undefined),
      maxPerBatch: 2,
    });
    await feed.open((b) => batches.push(b));
    await feed.setContracts(contracts);
    runtime.publish([sent(1, { n: 'x' }), sent(2, { n: 1 }), sent(3, {}), sent(4, { n: 1.5 })]);
    const last = batches.at(-1)!;
    expect(last.violations.map((v) => v.messageId)).toEqual(['m1', 'm3']);
    expect(last.omitted).toBe(1);
    expect(last.counts).toMatchObject({ checked: 4, violations: 3, messages: 3, byPair: { 'you→echo-1': 3 } });
  });
});
