import fc from 'fast-check';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../kernel/types';
import { bareBatch, wireMessage, type FromAgentWorker, type WireBatch } from './protocol';
import { transferList } from './wire/bytes';
import { EventsWriter, readEvents } from './wire/eventsWire';

type Read = Array<[string, number, string?]>;

/** Writes `ops` (a sent message per string, a lifecycle event per null), posts the batch as the worker does, reads what arrives. */
async function crossAndRead(ops: Array<string | null>): Promise<{ posted: FromAgentWorker; read: Read }> {
  const writer = new EventsWriter();
  ops.forEach((op, lane) => {
    if (op === null) writer.event({ type: 'agent.ready', agent: `a${lane}`, instance: lane } as HostEvent);
    else writer.sent(lane, new TextEncoder().encode(op));
  });
  const batch = writer.take();
  const posted = wireMessage('events', batch);
  const { port1, port2 } = new MessageChannel();
  const received = new Promise<FromAgentWorker>((resolve) => port2.once('message', resolve));
  port1.postMessage(posted, transferList(batch));
  const msg = await received;
  port1.close();
  const wire: WireBatch<HostEvent> = 't' in msg ? (msg as WireBatch<HostEvent>) : bareBatch(msg);
  const read: Read = [];
  readEvents(wire, {
    handled: () => undefined,
    sent: (lane, bytes) => read.push(['sent', lane, new TextDecoder().decode(bytes)]),
    done: () => undefined,
    event: (e) => read.push(['event', (e as { instance: number }).instance]),
  });
  return { posted, read };
}

describe('wireMessage', () => {
  it('posts a batch without rare records as its bare buffer, and one with them as an object', async () => {
    const plain = await crossAndRead(['{"a":1}', '{"b":2}']);
    expect(plain.posted).toBeInstanceOf(ArrayBuffer);
    const mixed = await crossAndRead(['{"a":1}', null]);
    expect(mixed.posted).not.toBeInstanceOf(ArrayBuffer);
    expect(mixed.read).toEqual([
      ['sent', 0, '{"a":1}'],
      ['event', 1],
    ]);
  });

  it('whatever form a batch is posted in, the receiver reads every record in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.string({ maxLength: 3000 }), { nil: null }), { maxLength: 12 }), async (ops) => {
        const { read } = await crossAndRead(ops);
        expect(read).toEqual(ops.map((op, lane) => (op === null ? ['event', lane] : ['sent', lane, op])));
      }),
      { numRuns: 60 },
    );
  });
});
