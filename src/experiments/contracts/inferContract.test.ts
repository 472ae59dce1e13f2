import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AclMessage, JsonValue } from '../../protocol/message';
import { PERFORMATIVES } from '../../protocol/performatives';
import type { KernelEvent } from '../../kernel/types';
import { checkMessage } from './checkMessage';
import { createContractInference, inferContract, inferContractFromEvents, kindsFrom } from './inferContract';
import { inferSchema } from './inferSchema';
import { loadContracts } from './parseContract';

let ids = 0;
const msg = (
  sender: string,
  receiver: AclMessage['receiver'],
  content: JsonValue,
  performative: AclMessage['performative'] = 'request',
): AclMessage => ({
  id: `m${++ids}`,
  performative,
  sender,
  receiver,
  content,
  sent_at: 0,
});

describe('inferSchema', () => {
  it('merges types, marks keys present in every sample required, and reaches into objects and arrays', () => {
    expect(
      inferSchema([
        { sku: 'a', qty: 1, tags: ['x'] },
        { sku: 'b', qty: 2.5, tags: [], note: null },
      ]),
    ).toEqual({
      type: 'object',
      properties: {
        note: { type: 'null' },
        qty: { type: 'number' },
        sku: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['qty', 'sku', 'tags'],
    });
    expect(inferSchema([1, 'a', null])).toEqual({ type: ['null', 'integer', 'string'] });
    expect(inferSchema([])).toBe(false);
  });

  it('makes a small string set an enum only with enough samples', () => {
    const statuses = (n: number) => Array.from({ length: n }, (_, i) => ['ok', 'out'][i % 2]!);
    expect(inferSchema(statuses(4))).toEqual({ type: 'string' });
    expect(inferSchema(statuses(10))).toEqual({ type: 'string', enum: ['ok', 'out'] });
    expect(inferSchema(Array.from({ length: 30 }, (_, i) => `id-${i}`))).toEqual({ type: 'string' });
    expect(inferSchema(statuses(5), { enumMinSamples: 4 })).toEqual({ type: 'string' }); // fewer than 3 samples per value
    expect(inferSchema(statuses(6), { enumMinSamples: 4 })).toEqual({ type: 'string', enum: ['ok', 'out'] });
  });
});

describe('inferContract', () => {
  const kindOf = (name: string) => ({ 'shop-1': 'shop', 'shop-2': 'shop', 'bank-1': 'bank' })[name];

  it('drafts what each kind sends and accepts, per performative', () => {
    const draft = inferContract(
      [
        msg('you', 'shop-1', { sku: 'a' }),
        msg('shop-1', ['bank-1'], { amount: 3 }),
        msg('bank-1', 'shop-1', { ok: true }, 'inform'),
        msg('shop-1', '*', 1, 'cfp'),
      ],
      kindOf,
      { version: '2' },
    );
    expect(draft).toEqual({
      schema: 'orrery.contract/1',
      version: '2',
      kinds: {
        bank: {
          inform: { sends: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } },
          request: { accepts: { type: 'object', properties: { amount: { type: 'integer' } }, required: ['amount'] } },
        },
        shop: {
          cfp: { sends: { type: 'integer' } },
          inform: { accepts: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } },
          request: {
            accepts: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] },
            sends: { type: 'object', properties: { amount: { type: 'integer' } }, required: ['amount'] },
          },
        },
      },
    });
  });

  it('from events, attributes topic and broadcast deliveries to the agents that got them', () => {
    const m = msg('you', 'topic:orders', { n: 1 }, 'inform');
    const events = [
      { type: 'agent.deployed', agent: 'shop-1', kind: 'shop', config: null },
      { type: 'message.sent', message: m },
      { type: 'message.delivered', messageId: m.id, to: 'shop-1' },
      { type: 'message.delivered', messageId: m.id, to: 'shop-1' },
    ].map((e, seq) => ({ ...e, seq, t: 0 })) as KernelEvent[];
    const draft = inferContractFromEvents(events, kindsFrom(events));
    expect(draft.kinds).toEqual({
      shop: { inform: { accepts: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] } } },
    });
    expect(kindsFrom([{ name: 'a', kind: 'echo' }])('a')).toBe('echo');
  });

  it('a key named like an Object.prototype member is checked as the content’s own (fast-check found it)', () => {
    const messages = [
      { performative: 'inform', sender: 'a1', receiver: 'b1', content: { toString: 0 }, id: 'm0', sent_at: 0 },
      { performative: 'inform', sender: 'a1', receiver: 'b1', content: { status: 'ok' }, id: 'm1', sent_at: 0 },
    ] as AclMessage[];
    const kindOf = (name: string) => (name === 'a1' ? 'alpha' : 'beta');
    const contracts = loadContracts(inferContract(messages, kindOf));
    for (const m of messages) expect(checkMessage(contracts, m, { senderKind: 'alpha', receiverKind: 'beta', receiver: 'b1' })).toEqual([]);
  });

  it('every observed message keeps the draft inferred from them (property)', () => {
    const names = ['a1', 'a2', 'b1', 'c1', 'you'];
    const message = fc.record({
      performative: fc.constantFrom(...PERFORMATIVES.slice(0, 4)),
      sender: fc.constantFrom(...names),
      receiver: fc.oneof(fc.constantFrom(...names), fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 3 })),
      content: fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.record(
          { status: fc.constantFrom('ok', 'out', 'late'), n: fc.integer(), tags: fc.array(fc.constantFrom('x', 'y')) },
          { requiredKeys: ['status'] },
        ),
      ) as fc.Arbitrary<JsonValue>,
    });
    fc.assert(
      fc.property(
        fc.array(message, { minLength: 1, maxLength: 40 }),
        fc.func(fc.constantFrom('alpha', 'beta', undefined)),
        (drafts, kindFn) => {
          const kindOf = (name: string) => (name === 'you' ? undefined : kindFn(name));
          const messages = drafts.map((d, i) => ({ ...d, id: `m${i}`, sent_at: 0 }));
          const contracts = loadContracts(inferContract(messages, kindOf));
          for (const m of messages) {
            for (const receiver of typeof m.receiver === 'string' ? [m.receiver] : m.receiver) {
              expect(checkMessage(contracts, m, { senderKind: kindOf(m.sender), receiverKind: kindOf(receiver), receiver })).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('createContractInference (a run in slices)', () => {
  const events = (bodies: object[]) => bodies.map((e, seq) => ({ ...e, seq, t: 0 })) as KernelEvent[];

  it('drafts the same from a run observed in slices as from the whole log at once (property)', () => {
    const body = fc.oneof(
      fc.record({
        type: fc.constant('agent.deployed'),
        agent: fc.constantFrom('a', 'b'),
        kind: fc.constantFrom('x', 'y'),
        config: fc.constant(null),
      }),
      fc.record({
        type: fc.constant('message.sent'),
        message: fc.record({
          id: fc.constantFrom('m1', 'm2', 'm3'),
          performative: fc.constantFrom('request', 'inform'),
          sender: fc.constantFrom('a', 'b', 'you'),
          receiver: fc.constantFrom('a', 'b', 'topic:t'),
          content: fc.jsonValue({ maxDepth: 2 }),
          sent_at: fc.constant(0),
        }),
      }),
      fc.record({ type: fc.constant('message.delivered'), messageId: fc.constantFrom('m1', 'm2', 'm3'), to: fc.constantFrom('a', 'b') }),
    );
    fc.assert(
      fc.property(fc.array(body, { maxLength: 40 }), fc.array(fc.nat(40)), (bodies, cuts) => {
        const log = events(bodies);
        const kindOf = kindsFrom(log);
        const sliced = createContractInference(kindOf);
        let from = 0;
        for (const cut of [...cuts].sort((p, q) => p - q)) {
          sliced.observe(log.slice(from, Math.max(from, cut)));
          from = Math.max(from, cut);
        }
        sliced.observe(log.slice(from));
        expect(sliced.contract()).toEqual(inferContractFromEvents(log, kindOf));
        expect(sliced.messages).toBe(log.filter((e) => e.type === 'message.sent').length);
      }),
      { numRuns: 100 },
    );
  });

  it('with deployedKinds, a name takes the kind it had when the message went', () => {
    const inference = createContractInference(() => undefined, { deployedKinds: true });
    inference.observe(
      events([
        { type: 'agent.deployed', agent: 'a', kind: 'old', config: null },
        { type: 'message.sent', message: msg('a', 'you', 1, 'inform') },
        { type: 'agent.deployed', agent: 'a', kind: 'new', config: null },
        { type: 'message.sent', message: msg('a', 'you', 'text', 'inform') },
      ]),
    );
    expect(inference.contract().kinds).toEqual({
      new: { inform: { sends: { type: 'string' } } },
      old: { inform: { sends: { type: 'integer' } } },
    });
  });
});
