import { describe, expect, it } from 'vitest';
import type { KernelEvent, KernelSnapshot } from '../../kernel/types';
import { loadContracts } from '../../experiments/contracts/parseContract';
import type { ContractFile } from '../../experiments/contracts/types';
import { checkRecording, createRecordingContracts } from './createRecordingContracts';
import type { ViolationBatch } from './violationTypes';

const FILE: ContractFile = {
  schema: 'orrery.contract/1',
  version: '1',
  kinds: { counter: { request: { accepts: { type: 'object', required: ['action'], properties: { action: { enum: ['decrement'] } } } } } },
};

const deployed: KernelEvent = { type: 'agent.deployed', seq: 0, t: 0, agent: 'counter-1', kind: 'counter' } as KernelEvent;
const request = (seq: number, action: string): KernelEvent =>
  ({
    type: 'message.sent',
    seq,
    t: seq,
    message: { id: `m${seq}`, sender: 'you', receiver: 'counter-1', performative: 'request', content: { action }, sent_at: seq },
  }) as KernelEvent;

/** A recording stand-in: its events and an empty snapshot at the cursor. */
const source = (events: KernelEvent[]) => ({
  events: async () => events,
  snapshot: async () => ({ agents: [] }) as unknown as KernelSnapshot,
});

describe('contracts over a recording', () => {
  it('checks the whole recording once, in batches of at most the cap, every batch with the final counts', async () => {
    const events = [deployed, request(1, 'increment'), request(2, 'decrement'), request(3, 'increment'), request(4, 'increment')];
    const batches = await checkRecording(source(events), loadContracts(FILE), 2);
    expect(batches.map((b) => b.violations.map((v) => v.messageId))).toEqual([['m1', 'm3'], ['m4']]);
    for (const b of batches) expect(b.counts).toMatchObject({ checked: 4, violations: 3, byPair: { 'you→counter-1': 3 } });
  });

  it('sends the violations to a subscriber when contracts are set, refuses a broken file, infers a draft', async () => {
    const contracts = createRecordingContracts(source([deployed, request(1, 'increment')]));
    const seen: ViolationBatch[] = [];
    await contracts.subscribeViolations((b) => seen.push(b));
    expect(seen).toEqual([]);
    expect(await contracts.setContracts({ ...FILE, version: '' })).toMatchObject({ ok: false });
    expect(await contracts.setContracts(FILE)).toEqual({ ok: true });
    expect(seen.flatMap((b) => b.violations).map((v) => v.contract)).toEqual([
      { kind: 'counter', performative: 'request', direction: 'accepts' },
    ]);
    // Accepted content is attributed at delivery (a send from a client alone says nothing of kinds).
    expect(await contracts.inferContract()).toBeNull();
    const delivered = { type: 'message.delivered', seq: 2, t: 2, messageId: 'm1', to: 'counter-1' } as KernelEvent;
    const inferred = await createRecordingContracts(source([deployed, request(1, 'increment'), delivered])).inferContract();
    expect(inferred?.draft.kinds).toHaveProperty(['counter', 'request', 'accepts']);
    expect(inferred?.from).toEqual({ whole: true, events: 3 });
    expect(await createRecordingContracts(source([deployed])).inferContract()).toBeNull();
  });
});
