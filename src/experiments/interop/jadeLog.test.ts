import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrreryError } from '../../protocol/errors';
import type { AclMessage, JsonValue } from '../../protocol/message';
import { PERFORMATIVES } from '../../protocol/performatives';
import type { KernelEvent } from '../../kernel/types';
import { createPlayer } from '../replay/player';
import { importJadeLog } from './importJadeLog';
import { parseStamp } from './jadeTimestamp';
import { toJadeLog } from './toJadeLog';

const LOG = `2026-12-06 15:30:00,000 - (REQUEST
 :sender  ( agent-identifier :name buyer@host:1099/JADE  :addresses (sequence http://host:7778/acc ))
 :receiver  (set ( agent-identifier :name seller@host:1099/JADE  :addresses (sequence http://host:7778/acc )) )
 :content  "((sell (book :title \\"Dune (1965)\\")))"
 :reply-with  R1  :protocol  fipa-request  :conversation-id  C1 )
----------------------------------------
[2026-12-06T15:30:00.250Z]
(AGREE
 :sender  ( agent-identifier :name seller@host:1099/JADE )
 :receiver  (set ( agent-identifier :name buyer@host:1099/JADE ) )
 :in-reply-to  R1  :protocol  fipa-request  :conversation-id  C1  :X-trace  yes )

2026-12-06T15:30:01.000Z (INFORM :sender (agent-identifier :name seller@host:1099/JADE) :receiver (set (agent-identifier :name buyer@host:1099/JADE) (agent-identifier :name audit@host:1099/JADE)) :content "{\\"done\\":true}" :in-reply-to R1 :conversation-id C1)
`;

/** Message events, times counted from `origin`. */
function sentAndDelivered(events: readonly KernelEvent[], origin: number) {
  return events.flatMap((e) =>
    e.type === 'message.sent'
      ? [['sent', e.t - origin, e.message.performative, e.message.sender, e.message.receiver]]
      : e.type === 'message.delivered'
        ? [['delivered', e.t - origin, e.messageId, e.to]]
        : [],
  );
}

function importError(log: string): OrreryError {
  try {
    importJadeLog(log);
  } catch (error) {
    if (error instanceof OrreryError) return error;
    throw error;
  }
  throw new Error('expected the log to be refused');
}

describe('importJadeLog', () => {
  it('imports a JADE log as a recording whose tape plays back: clients, links, each message sent and delivered at its time', () => {
    const { recording, addresses, skipped, timeOrigin } = importJadeLog(LOG, { name: 'shop' });
    const origin = Date.UTC(2026, 11, 6, 15, 30);
    expect(timeOrigin).toBe(origin);
    // Kernel time is epoch ms, as on the live kernel: each entry at its own timestamp
    expect(recording.tape.map((e) => e.t)).toEqual([...Array<number>(5).fill(origin), origin, origin + 250, origin + 1000]);
    expect(recording.header).toMatchObject({
      name: 'shop',
      clockMode: 'live',
      startIndex: 3 + 2,
      createdAt: '2026-12-06T15:30:00.000Z',
      modules: [],
    });
    expect(recording.header.counts).toMatchObject({ inputs: 3 + 2 + 3, durationMs: 1000 });
    expect(addresses).toEqual({ 'buyer@host:1099/JADE': ['http://host:7778/acc'], 'seller@host:1099/JADE': ['http://host:7778/acc'] });
    expect(skipped).toEqual([{ entry: 2, params: ['x-trace'] }]);
    const player = createPlayer(recording);
    // Playback opens on the participants and their links; the messages follow.
    expect(player.snapshot().clients).toEqual(['buyer@host:1099/JADE', 'seller@host:1099/JADE', 'audit@host:1099/JADE']);
    const events = player.eventsBetween(player.first, player.last);
    expect(events.filter((e) => e.type === 'node.added')).toEqual([]);
    expect(sentAndDelivered(events, origin)).toEqual([
      ['sent', 0, 'request', 'buyer@host:1099/JADE', ['seller@host:1099/JADE']],
      ['delivered', 0, 'm1', 'seller@host:1099/JADE'],
      ['sent', 250, 'agree', 'seller@host:1099/JADE', ['buyer@host:1099/JADE']],
      ['delivered', 250, 'm2', 'buyer@host:1099/JADE'],
      ['sent', 1000, 'inform', 'seller@host:1099/JADE', ['buyer@host:1099/JADE', 'audit@host:1099/JADE']],
      ['delivered', 1000, 'm3', 'buyer@host:1099/JADE'],
      ['delivered', 1000, 'm3', 'audit@host:1099/JADE'],
    ]);
    const first = events.find((e) => e.type === 'message.sent') as Extract<KernelEvent, { type: 'message.sent' }>;
    expect(first.message.content).toBe('((sell (book :title "Dune (1965)")))');
    expect(player.conversations()).toHaveLength(1);
  });

  it('spaces entries of a log without timestamps evenly', () => {
    const log = '(inform :sender a :receiver (set b) :content "1")\n(inform :sender b :receiver (set a) :content "2")';
    const { recording, timeOrigin } = importJadeLog(log, { spacingMs: 5, createdAt: '2026-01-01T00:00:00.000Z' });
    const start = Date.UTC(2026, 0, 1);
    expect(timeOrigin).toBe(start);
    expect(recording.tape.slice(-2).map((e) => e.t)).toEqual([start, start + 5]);
  });

  it("sends the console's messages from the console, without a client node for it", () => {
    const { recording } = importJadeLog(
      '(request :sender you :receiver (set a) :content "1")\n(inform :sender a :receiver you :content "2")',
      { createdAt: '2026-01-01T00:00:00.000Z' },
    );
    const player = createPlayer(recording);
    expect(player.snapshot().clients).toEqual(['a']);
    const events = player.eventsBetween(player.first, player.last);
    expect(sentAndDelivered(events, Date.UTC(2026, 0, 1)).filter((e) => e[0] === 'delivered')).toEqual([
      ['delivered', 0, 'm1', 'a'],
      ['delivered', 10, 'm2', 'you'],
    ]);
  });

  it('refuses a broken log naming the entry and what is wrong (ORR513)', () => {
    const ok = '(inform :sender a :receiver (set b))';
    const cases: [string, RegExp][] = [
      ['', /log: the log holds no ACL message/],
      [`${ok}\n(inform :receiver (set b))`, /entry 2: the message has no :sender/],
      [`${ok}\n(inform :sender a :receiver (set b) :recevier c)`, /entry 2: line 2: .*recevier/],
      [`${ok}\n(shout :sender a :receiver b)`, /entry 2: line 2: .*performative/],
      [`${ok}\nhello there\n${ok}`, /entry 2: line 2: text that is neither a timestamp nor a message: "hello there"/],
      [`${ok}\n(inform :sender a :receiver (set b)`, /entry 2: line 2: the message is not closed/],
      [`${ok})`, /entry 2: line 1: a "\)" outside any message/],
      [`2026-01-01T00:00:01Z ${ok}\n2026-01-01T00:00:00Z ${ok}`, /entry 2: its timestamp .* is earlier than the entry before it/],
      [`2026-01-01T00:00:01Z ${ok}\n${ok}`, /entry 2: it has no timestamp while other entries have one/],
      [`(inform :sender kernel :receiver (set b))`, /entry 1: "kernel" cannot name a node here: "kernel" is reserved/],
    ];
    for (const [log, message] of cases) {
      const error = importError(log);
      expect(error.code).toBe('ORR513');
      expect(error.message).toMatch(message);
    }
    expect(importError(`${ok}\n(inform :sender a :receiver (set b) :recevier c)`).path).toBe('entry 2');
  });

  it('reads the timestamp forms loggers write', () => {
    const t = Date.UTC(2026, 11, 6, 15, 30, 0, 123);
    for (const stamp of [
      '2026-12-06T15:30:00.123Z',
      '2026-12-06 15:30:00,123',
      '[2026-12-06 15:30:00.123] -',
      '2026-12-06T16:30:00.123+01:00',
      '20261206T153000123Z',
      String(t),
      `${t} |`,
    ]) {
      expect([stamp, parseStamp(stamp)]).toEqual([stamp, t]);
    }
    for (const bad of ['2026-13-06 15:30:00', 'INFO', '12345', '2026-12-06T24:00:00Z']) expect(parseStamp(bad)).toBeUndefined();
  });
});

describe('toJadeLog', () => {
  it('writes a conversation as JADE does, with its addresses, and reads back', () => {
    const { recording, addresses, timeOrigin } = importJadeLog(LOG);
    const player = createPlayer(recording);
    expect(timeOrigin).toBe(Date.UTC(2026, 11, 6, 15, 30));
    // Kernel time is epoch ms already: no origin to add
    const text = toJadeLog(player.eventsBetween(player.first, player.last), { conversationId: 'C1', addresses });
    expect(text.split('\n').slice(0, 4)).toEqual([
      '2026-12-06T15:30:00.000Z',
      '(REQUEST',
      ' :sender (agent-identifier :name buyer@host:1099/JADE :addresses (sequence http://host:7778/acc))',
      ' :receiver (set (agent-identifier :name seller@host:1099/JADE :addresses (sequence http://host:7778/acc)))',
    ]);
    const again = importJadeLog(text);
    expect(again.recording.tape).toEqual(recording.tape);
    expect(again.addresses).toEqual(addresses);
    expect(toJadeLog(player.eventsBetween(player.first, player.last), { conversationId: 'other' })).toBe('');
  });

  it('any conversation exported and imported again plays back the same messages at the same times (property)', () => {
    const name = fc.constantFrom('a@p:1099/JADE', 'b@p:1099/JADE', 'c', 'you');
    const message = fc.record(
      {
        performative: fc.constantFrom(...PERFORMATIVES),
        sender: name,
        receiver: fc.uniqueArray(name, { minLength: 1, maxLength: 3 }),
        content: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
        conversation_id: fc.string({ minLength: 1, maxLength: 6 }),
        reply_with: fc.string({ minLength: 1, maxLength: 6 }),
      },
      { requiredKeys: ['performative', 'sender', 'receiver', 'content'] },
    );
    const conversation = fc.array(fc.tuple(message, fc.nat(1000)), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(conversation, fc.integer({ min: 0, max: 4e12 }), (pairs, timeOrigin) => {
        let t = 0;
        const sent: AclMessage[] = pairs
          .filter(([m]) => m.receiver.some((r) => r !== m.sender) && !(m.sender === 'you' && m.receiver.includes('you')))
          // JSON has no -0: content as JSON text would carry it
          .map(([m, gap], i) => ({ ...m, content: JSON.parse(JSON.stringify(m.content)) as JsonValue, id: `x${i}`, sent_at: (t += gap) }));
        fc.pre(sent.length > 0);
        const events = sent.map((message, seq) => ({ type: 'message.sent', message, seq, t: message.sent_at }) as KernelEvent);
        const { recording } = importJadeLog(toJadeLog(events, { timeOrigin }), { createdAt: 'x' });
        expect(recording.header.createdAt).toBe('x');
        const player = createPlayer(recording);
        const replayed = player.eventsBetween(player.first, player.last).flatMap((e) => (e.type === 'message.sent' ? [e.message] : []));
        const strip = ({ id: _id, ...m }: AclMessage) => m;
        // Each message at its exported timestamp: kernel time is epoch ms
        expect(replayed.map(strip)).toEqual(sent.map((m) => ({ ...strip(m), sent_at: timeOrigin + m.sent_at })));
      }),
      { numRuns: 100 },
    );
  });
});
