import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../../kernel/rng';
import type { JsonValue } from '../../../protocol/message';
import { compileTemplate, expandTemplate, hasPlaceholder, TemplateError, templateProblems } from './template';

const vars = { vu: 3, iter: 7, scenarioIter: 41, scenario: 'echo' };

describe('message templates', () => {
  it('gives a string that is one placeholder its typed value, and writes placeholders inside text', () => {
    const out = expandTemplate(
      {
        vu: '${vu}',
        iter: '${iter}',
        n: '${scenarioIter}',
        s: '${scenario}',
        text: 'vu ${vu}, iteration ${iter} of ${scenario}',
        keep: [1, true, null],
      },
      vars,
      createSeededRng(1),
    );
    expect(out).toEqual({ vu: 3, iter: 7, n: 41, s: 'echo', text: 'vu 3, iteration 7 of echo', keep: [1, true, null] });
  });

  it('writes $${ as a literal ${ and leaves other dollars alone', () => {
    expect(expandTemplate('cost $5, template $${vu} for ${vu}', vars, createSeededRng(1))).toBe('cost $5, template ${vu} for 3');
    expect(hasPlaceholder('$${vu}')).toBe(false);
    expect(hasPlaceholder('echo-${vu}')).toBe(true);
  });

  it('draws random values of each kind within their bounds', () => {
    const f = compileTemplate({
      i: '${rand:int:-2:2}',
      f: '${rand:float:0.5:1}',
      p: '${rand:pick:a|b|c}',
      s: '${rand:string:12}',
      u: '${rand:uuid}',
    });
    const rng = createSeededRng(9);
    for (let n = 0; n < 200; n++) {
      const v = f(vars, rng) as Record<string, JsonValue>;
      expect(Number.isInteger(v['i']) && (v['i'] as number) >= -2 && (v['i'] as number) <= 2).toBe(true);
      expect((v['f'] as number) >= 0.5 && (v['f'] as number) < 1).toBe(true);
      expect(['a', 'b', 'c']).toContain(v['p']);
      expect(v['s']).toMatch(/^[A-Za-z0-9]{12}$/);
      expect(v['u']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('reaches both ends of a random integer range', () => {
    const f = compileTemplate('${rand:int:1:3}');
    const rng = createSeededRng(5);
    expect(new Set(Array.from({ length: 100 }, () => f(vars, rng)))).toEqual(new Set([1, 2, 3]));
  });

  it('expands the same template, variables and seed to the same value, and another seed to another', () => {
    const template = { id: '${rand:uuid}', n: '${rand:int:1:1000000}', words: ['${rand:pick:x|y}', '${rand:string:8}'] };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const a = expandTemplate(template, vars, createSeededRng(seed));
        expect(expandTemplate(template, vars, createSeededRng(seed))).toEqual(a);
        expect(expandTemplate(template, vars, createSeededRng(seed ^ 1))).not.toEqual(a);
      }),
    );
  });

  it('keeps a "__proto__" key as data', () => {
    const template = JSON.parse('{"__proto__": {"x": "${vu}"}}') as JsonValue;
    const out = expandTemplate(template, vars, createSeededRng(1)) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('names every bad placeholder with where it is', () => {
    expect(
      templateProblems(
        {
          a: '${user}',
          b: ['${rand:int:5:1}'],
          c: '${rand:pick:}',
          d: '${rand:string:0}',
          e: '${rand:uuid:4}',
          f: '${rand:dice}',
          g: 'open ${vu',
        },
        'message',
      ),
    ).toEqual([
      'message.a: unknown placeholder ${user} (known: vu, iter, scenarioIter, scenario, rand:…)',
      'message.b[0]: ${rand:int:5:1}: expected rand:int:MIN:MAX with integers MIN ≤ MAX',
      'message.c: ${rand:pick:}: expected rand:pick:a|b|c with no empty choice',
      'message.d: ${rand:string:0}: expected rand:string:N with N from 1 to 1024',
      'message.e: ${rand:uuid:4}: expected rand:uuid with nothing after it',
      'message.f: unknown random value ${rand:dice} (known: rand:int, rand:float, rand:pick, rand:string, rand:uuid)',
      'message.g: unclosed placeholder in "open ${vu" (write $${ for a literal ${)',
    ]);
    expect(() => compileTemplate('${nope}')).toThrow(TemplateError);
  });
});
