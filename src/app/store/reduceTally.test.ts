import { describe, expect, it } from 'vitest';
import type { EventBody, KernelEvent } from '../../kernel/types';
import { createUiStream } from '../../browser/stream/createUiStream';
import { createWorkbenchStore, type ConnectedApi } from './createWorkbenchStore';
import { mergeBatches } from './mergeBatches';

const noApi = {} as ConnectedApi;

/** Two echo pairs linked, and traffic: sent, delivered over links, handled, one failure. */
function traffic(): KernelEvent[] {
  const bodies: EventBody[] = [];
  for (const name of ['a', 'b', 'c']) {
    bodies.push({ type: 'agent.deployed', agent: name, kind: 'echo', config: null } as EventBody);
    bodies.push({ type: 'agent.status', agent: name, status: 'running' } as EventBody);
  }
  bodies.push({ type: 'link.added', link: { id: 'l1', a: 'a', b: 'b' } } as EventBody);
  bodies.push({ type: 'link.added', link: { id: 'l2', a: 'b', b: 'c' } } as EventBody);
  for (let i = 0; i < 30; i++) {
    const [from, to, link] = i % 3 === 0 ? ['b', 'a', 'l1'] : i % 3 === 1 ? ['a', 'b', 'l1'] : ['b', 'c', 'l2'];
    const id = `m${i}`;
    bodies.push({ type: 'message.sent', message: { id, performative: 'inform', sender: from, receiver: to, content: i, sent_at: i * 10 } });
    if (i % 7 === 6) {
      bodies.push({ type: 'message.failed', messageId: id, to, reason: 'no-route' } as EventBody);
      continue;
    }
    bodies.push({ type: 'message.delivered', messageId: id, to, link });
    if (i % 5 !== 0) bodies.push({ type: 'message.handled', messageId: id, agent: to });
  }
  return bodies.map((body, seq) => ({ ...body, seq, t: seq * 4 }) as KernelEvent);
}

function visible(store: ReturnType<typeof createWorkbenchStore>) {
  const s = store.getState();
  return {
    agents: Object.fromEntries(Object.values(s.agents).map((a) => [a.name, { counters: a.counters, mailboxDepth: a.mailboxDepth }])),
    links: Object.fromEntries(Object.values(s.links).map((l) => [l.id, { pulse: l.pulse, messages: l.messages }])),
    flows: Object.fromEntries(Object.entries(s.flows).map(([id, f]) => [id, { ab: f.ab, ba: f.ba }])),
    lastSeq: s.lastSeq,
  };
}

describe('tallies from the kernel worker', () => {
  it('leave counters, mailboxes, link traffic and the log position as every event would have', () => {
    const events = traffic();
    const whole = createWorkbenchStore(noApi);
    whole.ingest(events);
    for (const interest of [false, true]) {
      const stream = createUiStream({ messageCap: 4 });
      stream.setInterest({ messages: interest });
      const tallied = createWorkbenchStore(noApi);
      // In chunks, some applied together as the store's pump does.
      const batches = [0, 1, 2, 3].map((k) => stream.take(events.slice(k * 25, k * 25 + 25)));
      tallied.ingestBatch(mergeBatches(batches.slice(0, 2)));
      tallied.ingestBatch(mergeBatches(batches.slice(2)));
      expect(visible(tallied)).toEqual(visible(whole));
    }
  });

  it('count what the log was sent against what there was, and rows only for messages sent whole', () => {
    const stream = createUiStream({ messageCap: 4 });
    stream.setInterest({ messages: true });
    const store = createWorkbenchStore(noApi);
    store.ingestBatch(stream.take(traffic()));
    expect(store.getState().messageSample).toEqual({ shown: 4, total: 30 });
    expect(store.getState().rows.map((r) => r.key)).toEqual(['m0', 'm1', 'm2', 'm3']);
  });

  it('show a watched message with its fate and answers while no message panel is open, counted once', () => {
    const events = traffic();
    const whole = createWorkbenchStore(noApi);
    whole.ingest(events);
    const stream = createUiStream();
    stream.watch('m1');
    const store = createWorkbenchStore(noApi);
    store.ingestBatch(stream.take(events));
    const rows = store.getState().rows;
    expect([rows[0]?.key, rows[0]?.outcome]).toEqual(['m1', 'delivered']);
    // Its answers: messages from its receiver back to its sender.
    for (const row of rows.slice(1)) expect([row.sender, row.receiver]).toEqual(['b', 'a']);
    expect(visible(store)).toEqual(visible(whole));
  });
});
