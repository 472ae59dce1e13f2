/**
 * What checking a message against its contracts costs (@cfworker/json-schema interprets the
 * schema for every message; the page's CSP rules out compiled validators). Subject: one
 * order-like content checked against the receiver's `accepts` (nested object, array of items,
 * enum, bounds, a `$ref`, closed objects), and the whole monitor path for one `message.sent`
 * (sender's `sends` and receiver's `accepts`). Baseline: `JSON.stringify` of the same content,
 * which every message already pays (it crosses to the page as text). Interleaved B S B S B.
 */
import { createContractMonitor, loadContracts } from '../src/experiments/contracts';
import type { KernelEvent } from '../src/kernel';

const ITEM = {
  type: 'object',
  required: ['sku', 'qty'],
  properties: { sku: { type: 'string', pattern: '^[A-Z]{3}-\\d+$' }, qty: { type: 'integer', minimum: 1, maximum: 99 } },
  additionalProperties: false,
};
const ORDER = {
  definitions: { item: ITEM },
  type: 'object',
  required: ['order', 'items', 'priority'],
  properties: {
    order: { type: 'string', minLength: 1 },
    items: { type: 'array', minItems: 1, items: { $ref: '#/definitions/item' } },
    priority: { enum: ['low', 'normal', 'high'] },
    note: { type: ['string', 'null'], maxLength: 200 },
  },
  additionalProperties: false,
};
const contracts = loadContracts({
  schema: 'orrery.contract/1',
  version: '1',
  kinds: { shop: { request: { accepts: ORDER } }, buyer: { request: { sends: ORDER } } },
});
const check = contracts.validator({ kind: 'shop', performative: 'request', direction: 'accepts' })!;

const KEPT = {
  order: 'o-1042',
  items: [
    { sku: 'ABC-1', qty: 2 },
    { sku: 'DEF-22', qty: 1 },
    { sku: 'XYZ-303', qty: 5 },
  ],
  priority: 'normal',
  note: 'leave at the door',
};
const BROKEN = { ...KEPT, items: [{ sku: 1, qty: 0 }, ...KEPT.items.slice(1)], priority: 'urgent' };

let sink = 0;
/** Calls per second of `fn` over about `durationMs` (batches of 256 between clock reads). */
function rate(fn: () => number, durationMs: number): number {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let i = 0; i < 256; i++) sink += fn();
    n += 256;
    elapsed = performance.now() - start;
  }
  return n / (elapsed / 1000);
}

/** Subject and baseline interleaved (B S B S B); the baseline is the mean of its three runs. */
function versus(subject: () => number, baseline: () => number, durationMs: number): { subject: number; baseline: number } {
  rate(subject, durationMs / 4); // warm up
  rate(baseline, durationMs / 4);
  const b: number[] = [];
  const s: number[] = [];
  b.push(rate(baseline, durationMs));
  s.push(rate(subject, durationMs));
  b.push(rate(baseline, durationMs));
  s.push(rate(subject, durationMs));
  b.push(rate(baseline, durationMs));
  return { subject: (s[0]! + s[1]!) / 2, baseline: (b[0]! + b[1]! + b[2]!) / 3 };
}

export interface ContractCheckCost {
  kept: { subject: number; baseline: number };
  broken: { subject: number; baseline: number };
  monitor: { subject: number; baseline: number };
  bytes: number;
}

export function measureContractCheck(durationMs: number): ContractCheckCost {
  if (check(KEPT).length !== 0 || check(BROKEN).length !== 3)
    throw new Error('contract check bench: the fixtures no longer keep/break the contract');
  const stringify = (content: unknown) => () => JSON.stringify(content).length;
  const monitor = createContractMonitor(contracts, { kindOf: (n) => (n === 'shop-1' ? 'shop' : n === 'buyer-1' ? 'buyer' : undefined) });
  let seq = 0;
  const sent = (): number => {
    seq++;
    const event = {
      type: 'message.sent',
      seq,
      t: seq,
      message: { id: `m${seq}`, sender: 'buyer-1', receiver: 'shop-1', performative: 'request', content: KEPT, sent_at: seq },
    } as KernelEvent;
    return monitor.observe([event]).length;
  };
  return {
    kept: versus(() => check(KEPT).length, stringify(KEPT), durationMs),
    broken: versus(() => check(BROKEN).length, stringify(BROKEN), durationMs),
    monitor: versus(sent, stringify(KEPT), durationMs),
    bytes: JSON.stringify(KEPT).length + sink * 0,
  };
}
