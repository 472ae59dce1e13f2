import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../../kernel/types';
import type { AclMessage, JsonValue } from '../../../protocol/message';
import { PERFORMATIVES } from '../../../protocol/performatives';
import type { Delivery, WorkerEffect } from '../protocol';
import { decodeText } from './bytes';
import { EffectsWriter, readEffects } from './effectsWire';
import { EventsWriter, readEvents } from './eventsWire';

const text = fc.string({ unit: 'binary', maxLength: 40 }); // any code points, astral planes included
const message: fc.Arbitrary<AclMessage> = fc.record(
  {
    id: text,
    performative: fc.constantFrom(...PERFORMATIVES),
    sender: text,
    receiver: text,
    content: fc.jsonValue() as fc.Arbitrary<JsonValue>,
    conversation_id: text,
    reply_with: text,
    in_reply_to: text,
    reply_by: fc.integer({ min: 0, max: 2 ** 40 }),
    protocol: text,
    ontology: text,
    language: text,
    sent_at: fc.integer({ min: 0, max: 2 ** 40 }),
  },
  { requiredKeys: ['id', 'performative', 'sender', 'receiver', 'sent_at'] },
) as fc.Arbitrary<AclMessage>;

const utf8 = new TextEncoder();

function deliveriesOf(writer: EffectsWriter): Array<Delivery | WorkerEffect> {
  const out: Array<Delivery | WorkerEffect> = [];
  readEffects(writer.take(), { deliver: (d) => out.push(d), effect: (e) => out.push(e) });
  return out;
}

describe('worker wire', () => {
  it('any valid message crosses host → worker byte for byte, and parses back to the same message', () => {
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 20 }), (messages) => {
        const writer = new EffectsWriter();
        messages.forEach((m, i) => writer.deliver(i + 1, 1000 + i, m.id, JSON.stringify(m)));
        const read = deliveriesOf(writer) as Delivery[];
        expect(read).toHaveLength(messages.length);
        read.forEach((d, i) => {
          const json = JSON.stringify(messages[i]);
          expect(d.token).toBe(i + 1);
          expect(d.lane).toBe(1000 + i);
          expect(Array.from(d.message)).toEqual(Array.from(utf8.encode(json)));
          expect(decodeText(d.messageId)).toBe(messages[i]!.id);
          // -0 has no JSON form: "the same message" is the same JSON value.
          expect(decodeText(d.message)).toBe(json);
          expect(JSON.parse(decodeText(d.message))).toEqual(JSON.parse(json));
        });
      }),
    );
  });

  it('a message a guest sends crosses worker → host with its bytes untouched', () => {
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 20 }), (messages) => {
        const writer = new EventsWriter();
        const sent = messages.map((m) => utf8.encode(JSON.stringify(m)));
        sent.forEach((bytes, i) => writer.sent(i, bytes));
        const seen: Uint8Array[] = [];
        readEvents(writer.take(), { sent: (_lane, bytes) => seen.push(bytes.slice()), handled: fail, done: fail, event: fail });
        expect(seen.map((b) => Array.from(b))).toEqual(sent.map((b) => Array.from(b)));
      }),
    );
  });

  it('keeps the order of binary and object records as written', () => {
    const writer = new EffectsWriter();
    const kill: WorkerEffect = { type: 'kill', agent: 'a', instance: 1 };
    const fault: WorkerEffect = { type: 'fault', agent: 'b', instance: 2, fault: 'slow', ms: 5 };
    writer.deliver(1, 7, 'm1', '{"n":1}');
    writer.effect(kill);
    writer.deliver(2, 7, 'm2', '{"n":2}');
    writer.effect(fault);
    const order = deliveriesOf(writer).map((r) => ('token' in r ? `deliver ${r.token}` : r.type));
    expect(order).toEqual(['deliver 1', 'kill', 'deliver 2', 'fault']);

    const events = new EventsWriter();
    const ready: HostEvent = { type: 'agent.ready', agent: 'a', instance: 1 };
    events.sent(3, utf8.encode('{"x":1}'));
    events.handled(9);
    events.event(ready);
    events.handled(10, 'guest said no');
    events.done(11);
    const seen: string[] = [];
    readEvents(events.take(), {
      sent: (lane) => seen.push(`sent ${lane}`),
      handled: (token, error) => seen.push(`handled ${token}${error ? ` (${error})` : ''}`),
      done: (token) => seen.push(`done ${token}`),
      event: (e) => seen.push(e.type),
    });
    expect(seen).toEqual(['sent 3', 'handled 9', 'agent.ready', 'handled 10 (guest said no)', 'done 11']);
  });

  it('a batch is one buffer, and the writer starts a fresh one after each take', () => {
    const writer = new EffectsWriter();
    writer.deliver(1, 1, 'm1', 'x'.repeat(50_000)); // grows past the initial buffer
    const first = writer.take();
    expect(first.wire.byteLength).toBeGreaterThanOrEqual(first.length);
    expect(first.length).toBeGreaterThan(50_000);
    expect(writer.size).toBe(0);
    writer.deliver(2, 1, 'm2', '{}');
    const second = writer.take();
    expect(second.wire).not.toBe(first.wire);
    expect(deliveriesOf(writerWith(second)).length).toBe(1);
  });

  it('refuses a truncated or unknown record instead of misreading it', () => {
    const writer = new EffectsWriter();
    writer.deliver(1, 1, 'm1', '{"n":1}');
    const batch = writer.take();
    expect(() => readEffects({ ...batch, length: batch.length - 3 }, { deliver: () => {}, effect: () => {} })).toThrow(
      /ends inside a record/,
    );
    new Uint8Array(batch.wire)[0] = 99;
    expect(() => readEffects(batch, { deliver: () => {}, effect: () => {} })).toThrow(/unknown effect record 99/);
    expect(() => readEffects({ wire: new ArrayBuffer(4), length: 8, rare: [] }, { deliver: () => {}, effect: () => {} })).toThrow(
      /claims 8 bytes/,
    );
  });
});

function fail(): never {
  throw new Error('unexpected record');
}

/** A writer stand-in whose next take() is `batch` (to read a batch through deliveriesOf). */
function writerWith(batch: ReturnType<EffectsWriter['take']>): EffectsWriter {
  const writer = new EffectsWriter();
  writer.take = () => batch;
  return writer;
}
