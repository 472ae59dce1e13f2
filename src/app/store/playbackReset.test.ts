import { describe, expect, it } from 'vitest';
import type { PlaybackBatch } from '../../browser/replay/types';
import type { AgentView, EventBody, KernelEvent, KernelSnapshot } from '../../kernel/types';
import { DEFAULT_LIMITS } from '../../kernel/kernel';
import { createWorkbenchStore, type ConnectedApi } from './createWorkbenchStore';

const at = (bodies: EventBody[], from = 0): KernelEvent[] =>
  bodies.map((b, i) => ({ ...b, seq: from + i, t: 100 + from + i }) as KernelEvent);
const deploy = (agent: string): EventBody[] => [
  { type: 'agent.deployed', agent, kind: 'counter', config: null } as EventBody,
  { type: 'agent.status', agent, status: 'running' } as EventBody,
];
const sent = (id: string): EventBody => ({
  type: 'message.sent',
  message: { id, performative: 'request', sender: 'you', receiver: 'a', content: {}, sent_at: 1 },
});

const view = (name: string): AgentView => ({
  name,
  kind: 'counter',
  status: 'running' as const,
  instance: 1,
  restarts: 0,
  mailboxDepth: 0,
  counters: { sent: 0, delivered: 0, failed: 0 },
  config: null,
  limits: { ...DEFAULT_LIMITS },
  restart: 'permanent',
  redelivery: 'once',
  isolated: false,
});

/** A playback-like API: the test sends its batches, as the playback worker would. */
function fakePlayback() {
  let listener: ((batch: PlaybackBatch) => void) | undefined;
  const api = {
    subscribe: async () => () => undefined,
    subscribePlayback: async (l: (batch: PlaybackBatch) => void) => {
      listener = l;
      return () => (listener = undefined);
    },
    kinds: async () => [],
    snapshot: async () => EMPTY,
  } as unknown as ConnectedApi;
  return { api, send: (batch: PlaybackBatch) => listener?.(batch) };
}

const EMPTY: KernelSnapshot = { time: 0, agents: [], topics: [], clients: [], links: [], seq: 0 };
const settle = () => new Promise((r) => setTimeout(r, 0));

async function connected() {
  const playback = fakePlayback();
  const store = createWorkbenchStore(playback.api, { reconcileMs: 0, schedule: (flush) => (flush(), () => undefined) });
  const disconnect = store.connect();
  await settle();
  return { store, send: playback.send, disconnect };
}

describe('playback batches', () => {
  it('a reset rebuilds from the snapshot before the window and the window, keeping what people chose', async () => {
    const { store, send, disconnect } = await connected();
    send({ events: at([...deploy('a'), ...deploy('b'), sent('m1'), sent('m2')]) });
    store.getState().setSelected('a');
    store.getState().setPositions({ a: { x: 5, y: 6 } });
    expect(store.getState().rows.map((r) => r.key)).toEqual(['m1', 'm2']);

    // Back to event 4: a was deployed before the window (in the snapshot), b not at all.
    send({ reset: true, snapshot: { ...EMPTY, agents: [view('a')], seq: 4 }, events: at([sent('m1')], 4) });
    const s = store.getState();
    expect(s.rows.map((r) => r.key)).toEqual(['m1']);
    expect(s.lastSeq).toBe(4);
    expect(s.agentOrder).toEqual(['a']);
    expect(Object.keys(s.agents)).toEqual(['a']);
    expect(s.selected).toBe('a');
    expect(s.positions['a']).toEqual({ x: 5, y: 6 });
    disconnect();
  });

  it('a reset adopts the topics and clients made before the window, where they stood', async () => {
    const { store, send, disconnect } = await connected();
    const nodeAdded = (node: string, kind: 'topic' | 'client'): EventBody => ({ type: 'node.added', node, kind });
    send({ events: at([nodeAdded('news', 'topic'), nodeAdded('alice', 'client'), ...deploy('a'), sent('m1')]) });
    store.getState().setPositions({ news: { x: 40, y: 50 } });

    // Back past the window: the node.added events are in the snapshot only.
    const before = { ...EMPTY, agents: [view('a')], topics: ['news'], clients: ['alice'], seq: 4 };
    send({ reset: true, snapshot: before, events: at([sent('m1')], 4) });
    const s = store.getState();
    expect(s.plainOrder).toEqual(['news', 'alice']);
    expect(s.plainNodes).toEqual({ news: { name: 'news', kind: 'topic' }, alice: { name: 'alice', kind: 'client' } });
    expect(s.positions['news']).toEqual({ x: 40, y: 50 });
    expect(s.positions['alice']).toBeDefined();

    // A snapshot without them (the start of the recording) takes them off again.
    send({ reset: true, snapshot: EMPTY, events: [] });
    expect(store.getState().plainOrder).toEqual([]);
    expect(store.getState().plainNodes).toEqual({});
    disconnect();
  });

  it('events after a reset go on from it', async () => {
    const { store, send, disconnect } = await connected();
    send({ events: at([...deploy('b'), sent('m1'), sent('m2')]) });
    send({ reset: true, snapshot: EMPTY, events: [] });
    expect(store.getState().rows).toEqual([]);
    expect(store.getState().agents).toEqual({});
    send({ events: at([...deploy('a'), sent('m9')]) });
    expect(store.getState().rows.map((r) => r.key)).toEqual(['m9']);
    expect(store.getState().agentOrder).toEqual(['a']);
    disconnect();
  });
});
