/**
 * The page's Content-Security-Policy forbids code generation from strings (no 'unsafe-eval'),
 * on the page and in every worker. The whole contracts path (parse, check, monitor) must run
 * without it: ajv's compile would not.
 */
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../kernel/types';
import { checkMessage } from './checkMessage';
import { createContractMonitor } from './monitor';
import { parseContract } from './parseContract';

/** Runs `run` with `Function` (and `Function.prototype.constructor`) refusing, as under the CSP. */
function withoutEval<T>(run: () => T): T {
  const original = globalThis.Function;
  const prototype = original.prototype;
  const constructor = Object.getOwnPropertyDescriptor(prototype, 'constructor')!;
  // A function, not an arrow: `new Function(...)` must reach the throw, not fail as "not a constructor".
  const refuse = function refuse(): never {
    throw new EvalError('code generation from strings is forbidden here');
  };
  globalThis.Function = refuse as unknown as FunctionConstructor;
  Object.defineProperty(prototype, 'constructor', { ...constructor, value: refuse });
  try {
    return run();
  } finally {
    globalThis.Function = original;
    Object.defineProperty(prototype, 'constructor', constructor);
  }
}

const file = {
  schema: 'orrery.contract/1',
  version: '1',
  kinds: {
    shop: {
      request: {
        accepts: {
          definitions: { sku: { type: 'string', pattern: '^[a-z]+$' } },
          type: 'object',
          required: ['sku'],
          properties: { sku: { $ref: '#/definitions/sku' }, qty: { type: 'integer', minimum: 1 } },
          additionalProperties: false,
        },
      },
    },
  },
};

describe('contracts without eval', () => {
  it('the stand-in CSP stops ajv compiling (so the test below would catch it)', () => {
    const ajv = new Ajv({ logger: false });
    expect(() => withoutEval(() => ajv.compile({ type: 'string' }))).toThrow(EvalError);
  });

  it('parses, checks and monitors with Function forbidden', () => {
    const problems = withoutEval(() => {
      const parsed = parseContract(file);
      if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
      const message = { id: 'm1', sender: 'c', receiver: 'shop-1', performative: 'request', content: { sku: 'A', qty: 0 } } as const;
      const direct = checkMessage(parsed.contracts, message, { receiverKind: 'shop' });
      const monitor = createContractMonitor(parsed.contracts);
      const events: KernelEvent[] = [
        { type: 'agent.deployed', agent: 'shop-1', kind: 'shop', config: null, seq: 1, t: 0 },
        { type: 'message.sent', message: { ...message, sent_at: 0 }, seq: 2, t: 0 },
      ];
      const observed = monitor.observe(events);
      const refused = parseContract({ ...file, kinds: { shop: { request: { accepts: { type: 'strin' } } } } });
      return { direct: direct[0]!.problems, observed: observed.length, refused: refused.ok };
    });
    expect(problems).toEqual({
      direct: ['content.sku: must match the pattern "^[a-z]+$", received string "A"', 'content.qty: must be >= 1, received number 0'],
      observed: 1,
      refused: false,
    });
  });
});
