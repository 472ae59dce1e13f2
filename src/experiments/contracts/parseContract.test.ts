import type { JsonValue } from '../../protocol/message';
import { describe, expect, it } from 'vitest';
import { loadContracts, parseContract } from './parseContract';
import { checkMessage, describeViolation } from './checkMessage';
import type { ContractFile } from './types';

const order = {
  type: 'object',
  required: ['sku', 'qty'],
  properties: {
    sku: { type: 'string' },
    qty: { type: 'integer', minimum: 1 },
    items: { type: 'array', items: { type: 'object', required: ['id'] } },
  },
};
const file: ContractFile = {
  schema: 'orrery.contract/1',
  version: '1.0.0',
  kinds: {
    shop: {
      request: { accepts: order },
      inform: { sends: { type: 'object', required: ['status'], properties: { status: { enum: ['ok', 'out'] } } } },
    },
  },
};

function problemsOf(value: unknown) {
  const parsed = parseContract(value);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.problems;
}

describe('parseContract', () => {
  it('compiles a valid file', () => {
    const parsed = parseContract(file);
    expect(parsed.ok).toBe(true);
  });

  it('refuses a schema that is not a valid JSON Schema, naming kind, performative and direction', () => {
    const bad = structuredClone(file) as unknown as { kinds: { shop: { request: { accepts: unknown } } } };
    bad.kinds.shop.request.accepts = { type: 'strin' };
    const [problem] = problemsOf(bad);
    expect(problem!.path).toBe('kinds.shop.request.accepts');
    expect(problem!.message).toMatch(/^not a valid JSON Schema: kinds\.shop\.request\.accepts\.type: /);
  });

  it('refuses unknown keywords (what ajv strict mode did), unresolvable $refs and non-schemas', () => {
    const withSends = (sends: unknown) => ({ ...file, kinds: { shop: { inform: { sends } } } });
    expect(problemsOf(withSends({ type: 'object', requird: ['a'] }))[0]!.message).toBe(
      'not a valid JSON Schema: kinds.shop.inform.sends.requird: unknown keyword "requird" (did you mean "required"?): it would check nothing',
    );
    expect(problemsOf(withSends({ $ref: '#/definitions/nope' }))[0]!.message).toBe(
      'not a valid JSON Schema: kinds.shop.inform.sends.$ref: "#/definitions/nope" points at no schema in this file',
    );
    expect(problemsOf(withSends(42))[0]).toEqual({
      path: 'kinds.shop.inform.sends',
      message: 'not a valid JSON Schema: expected an object or a boolean',
    });
  });

  it('refuses a broken file shape with every problem at once', () => {
    const problems = problemsOf({ schema: 'orrery.contract/2', kinds: { shop: { shout: {}, inform: { send: true } } }, extra: 1 });
    expect(problems.map((p) => p.path)).toEqual(['extra', 'schema', 'version', 'kinds.shop.shout', 'kinds.shop.inform.send']);
    expect(() => loadContracts({})).toThrow(/invalid contract file:\n {2}schema: expected "orrery.contract\/1"/);
  });
});

describe('checkMessage', () => {
  const contracts = loadContracts(file);
  const send = (performative: 'request' | 'inform', content: JsonValue) =>
    ({ id: 'm1', performative, sender: 'client-1', receiver: 'shop-1', content }) as const;

  it('passes a message that keeps both contracts, and ignores kinds without a contract', () => {
    expect(checkMessage(contracts, send('request', { sku: 'a', qty: 2 }), { receiverKind: 'shop' })).toEqual([]);
    expect(checkMessage(contracts, send('request', 'nonsense'), { senderKind: 'echo', receiverKind: 'echo' })).toEqual([]);
  });

  it('names the receiver contract and the path into the content', () => {
    const [violation, ...rest] = checkMessage(contracts, send('request', { sku: 7, qty: 0, items: [{}] }), { receiverKind: 'shop' });
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({
      contract: { kind: 'shop', performative: 'request', direction: 'accepts' },
      side: 'receiver',
      agent: 'shop-1',
      messageId: 'm1',
    });
    expect(violation!.problems).toEqual([
      'content.sku: expected string, received number 7',
      'content.qty: must be >= 1, received number 0',
      'content.items[0]: missing the required field "id"',
    ]);
    expect(describeViolation(violation!)).toMatch(/^receiver shop-1 \(shop\) accepts request: content\.sku: expected string/);
  });

  it('flags the sender side, and a performative the contract does not list', () => {
    const message = { id: 'm2', performative: 'inform', sender: 'shop-1', receiver: ['c'], content: { status: 'maybe' } } as const;
    expect(checkMessage(contracts, message, { senderKind: 'shop' })).toEqual([
      {
        contract: { kind: 'shop', performative: 'inform', direction: 'sends' },
        side: 'sender',
        agent: 'shop-1',
        messageId: 'm2',
        problems: ['content.status: expected one of "ok", "out", received string "maybe"'],
      },
    ]);
    const [unlisted] = checkMessage(
      contracts,
      { ...message, performative: 'cfp', content: {} },
      { senderKind: 'shop', receiverKind: 'shop', receiver: 'shop-2' },
    );
    expect(unlisted!.problems).toEqual(['the contract of kind "shop" does not say it may send cfp']);
    expect(checkMessage(contracts, { ...message, performative: 'cfp' }, { receiverKind: 'shop', receiver: 'shop-2' })[0]).toMatchObject({
      agent: 'shop-2',
      problems: ['the contract of kind "shop" does not say it may accept cfp'],
    });
  });
});
