import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AclMessage, JsonValue } from '../../protocol/message';
import type { Performative } from '../../protocol/performatives';
import type { EventBody, KernelEvent } from '../../kernel/types';
import { createContractMonitor, contractKey, pairKey } from './monitor';
import { loadContracts } from './parseContract';

const contracts = loadContracts({
  schema: 'orrery.contract/1',
  version: '1.0.0',
  kinds: {
    shop: {
      request: { accepts: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } } },
      inform: { sends: { type: 'object', required: ['status'], properties: { status: { enum: ['ok', 'out'] } } } },
    },
    buyer: { inform: { accepts: true }, request: { sends: true, accepts: true } },
  },
});

let seq = 0;
const at = (body: EventBody): KernelEvent => ({ ...body, seq: ++seq, t: seq * 10 }) as KernelEvent;
const deployed = (agent: string, kind: string) => at({ type: 'agent.deployed', agent, kind, config: null });
function sent(id: string, sender: string, receiver: AclMessage['receiver'], performative: Performative, content: JsonValue) {
  return at({ type: 'message.sent', message: { id, sender, receiver, performative, content, sent_at: seq } });
}
const delivered = (messageId: string, to: string) => at({ type: 'message.delivered', messageId, to });
const failed = (messageId: string, to: string) => at({ type: 'message.failed', messageId, to, reason: 'timeout' });

describe('createContractMonitor', () => {
  it('checks the sender at message.sent', () => {
    const monitor = createContractMonitor(contracts);
    const event = sent('m1', 'shop-1', 'buyer-1', 'inform', { status: 'maybe' });
    const violations = monitor.observe([deployed('shop-1', 'shop'), deployed('buyer-1', 'buyer'), event]);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      side: 'sender',
      agent: 'shop-1',
      from: 'shop-1',
      to: 'buyer-1',
      performative: 'inform',
      seq: event.seq,
      t: event.t,
      contract: { kind: 'shop', performative: 'inform', direction: 'sends' },
    });
    expect(violations[0]!.problems[0]).toMatch(/^content\.status: expected one of "ok", "out"/);
  });

  it('checks a direct receiver at message.sent, even when the message later fails', () => {
    const monitor = createContractMonitor(contracts, { kindOf: (n) => ({ 'shop-1': 'shop', 'buyer-1': 'buyer' })[n] });
    const first = monitor.observe([sent('m1', 'buyer-1', 'shop-1', 'request', { sku: 7 })]);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ side: 'receiver', agent: 'shop-1', to: 'shop-1' });
    expect(first[0]!.problems).toEqual(['content.sku: expected string, received number 7']);
    expect(monitor.observe([failed('m1', 'shop-1'), delivered('m1', 'shop-1')])).toEqual([]);
    expect(monitor.counts()).toMatchObject({ checked: 1, violations: 1, messages: 1 });
  });

  it('checks topic and broadcast receivers at delivery, each receiver once', () => {
    const monitor = createContractMonitor(contracts);
    monitor.observe([deployed('shop-1', 'shop'), deployed('shop-2', 'shop'), deployed('buyer-1', 'buyer')]);
    expect(monitor.observe([sent('m1', 'buyer-1', 'topic:orders', 'request', {})])).toEqual([]);
    expect(monitor.pending()).toBe(1);
    const viaTopic = monitor.observe([delivered('m1', 'topic:orders'), delivered('m1', 'shop-1'), delivered('m1', 'shop-1')]);
    expect(viaTopic.map((v) => [v.to, v.problems])).toEqual([['shop-1', ['content: missing the required field "sku"']]]);
    monitor.observe([sent('m2', 'buyer-1', '*', 'request', { sku: 1 })]);
    const viaBroadcast = monitor.observe([delivered('m2', 'shop-2'), delivered('m2', 'buyer-1')]);
    expect(viaBroadcast.map((v) => v.to)).toEqual(['shop-2']);
    expect(monitor.counts()).toMatchObject({ checked: 2, violations: 2, messages: 2 });
  });

  it('learns kinds from agent.deployed (a redeploy with another kind counts from then on)', () => {
    const monitor = createContractMonitor(contracts);
    expect(monitor.observe([sent('m1', 'x', 'a', 'request', {})])).toEqual([]);
    expect(monitor.observe([deployed('a', 'shop'), sent('m2', 'x', 'a', 'request', {})])).toHaveLength(1);
    expect(monitor.observe([deployed('a', 'buyer'), sent('m3', 'x', 'a', 'cfp', {})])).toHaveLength(1);
    expect(monitor.observe([sent('m4', 'x', 'a', 'inform', 'anything')])).toEqual([]);
  });

  it('does not check clients or the console (no kind), nor kinds the file does not mention', () => {
    const monitor = createContractMonitor(contracts, { kindOf: (n) => (n === 'calc' ? 'calculator' : undefined) });
    const events = [
      deployed('shop-1', 'shop'),
      sent('m1', 'you', 'client-1', 'request', 1),
      sent('m2', 'client-1', 'you', 'inform', 1),
      sent('m3', 'client-1', 'calc', 'request', 1),
      delivered('m3', 'calc'),
    ];
    expect(monitor.observe(events)).toEqual([]);
    expect(monitor.counts()).toEqual({ checked: 0, violations: 0, messages: 0, byPair: {}, byContract: {} });
  });

  it('counts a performative the kind does not list, by pair and by contract; counts() is a copy', () => {
    const monitor = createContractMonitor(contracts);
    monitor.observe([deployed('shop-1', 'shop'), deployed('buyer-1', 'buyer')]);
    const copy = monitor.counts();
    const found = monitor.observe([
      sent('m1', 'buyer-1', 'shop-1', 'cfp', 1), // buyer may not send cfp, shop does not accept it
      sent('m2', 'buyer-1', ['shop-1', 'buyer-1'], 'request', { sku: 'a' }), // fine for both
      sent('m3', 'shop-1', 'buyer-1', 'inform', {}),
    ]);
    expect(found.map((v) => v.problems[0])).toEqual([
      'the contract of kind "buyer" does not say it may send cfp',
      'the contract of kind "shop" does not say it may accept cfp',
      'content: missing the required field "status"',
    ]);
    expect(monitor.counts()).toEqual({
      checked: 3,
      violations: 3,
      messages: 2,
      byPair: { [pairKey('buyer-1', 'shop-1')]: 2, [pairKey('shop-1', 'buyer-1')]: 1 },
      byContract: { 'buyer sends cfp': 1, 'shop accepts cfp': 1, 'shop sends inform': 1 },
    });
    expect(copy.violations).toBe(0);
    expect(contractKey({ kind: 'echo', direction: 'accepts', performative: 'request' })).toBe('echo accepts request');
  });
});

const names = ['shop-1', 'shop-2', 'buyer-1', 'client-1', 'topic:orders', '*'] as const;
const eventArb = fc.oneof(
  fc.record({
    type: fc.constant('sent' as const),
    id: fc.integer({ min: 0, max: 40 }),
    from: fc.constantFrom(...names.slice(0, 4)),
    to: fc.constantFrom(...names),
    performative: fc.constantFrom<Performative>('request', 'inform', 'cfp'),
    content: fc.oneof(fc.constant({ sku: 'a' }), fc.constant({ status: 'ok' }), fc.constant({}), fc.integer()),
  }),
  fc.record({ type: fc.constant('delivered' as const), id: fc.integer({ min: 0, max: 40 }), to: fc.constantFrom(...names) }),
);

describe('createContractMonitor (properties)', () => {
  it('keeps at most maxPending messages waiting, and counts exactly the violations it returns', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 120 }), fc.integer({ min: 0, max: 8 }), (steps, maxPending) => {
        const monitor = createContractMonitor(contracts, {
          maxPending,
          kindOf: (n) => (n.startsWith('shop') ? 'shop' : n.startsWith('buyer') ? 'buyer' : undefined),
        });
        let returned = 0;
        let messages = 0;
        for (const step of steps) {
          const event =
            step.type === 'sent'
              ? sent(`m${step.id}`, step.from, step.to, step.performative, step.content)
              : delivered(`m${step.id}`, step.to);
          const found = monitor.observe([event]);
          returned += found.length;
          if (step.type === 'sent' && found.length > 0) messages++;
          expect(monitor.pending()).toBeLessThanOrEqual(maxPending);
        }
        const counts = monitor.counts();
        expect(counts.violations).toBe(returned);
        expect(Object.values(counts.byContract).reduce((a, b) => a + b, 0)).toBe(returned);
        expect(Object.values(counts.byPair).reduce((a, b) => a + b, 0)).toBe(returned);
        expect(counts.messages).toBeGreaterThanOrEqual(messages);
        expect(counts.messages).toBeLessThanOrEqual(counts.checked);
      }),
    );
  });
});
