import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_DOCS_PATH, renderErrorDocs } from './errorDocs';
import {
  ERROR_AREAS,
  ERROR_CODES,
  codeFormerly,
  duplicateCodes,
  errorData,
  fileProblem,
  formatError,
  OrreryError,
  type ErrorSpec,
} from './errors';

const root = join(import.meta.dirname, '..', '..');

describe('the error registry', () => {
  it('docs/errors.md is what the registry renders (run `npm run docs:errors` after changing a code)', () => {
    expect(readFileSync(join(root, ERROR_DOCS_PATH), 'utf8')).toBe(renderErrorDocs());
  });

  it('has no code in two areas', () => {
    expect(duplicateCodes(ERROR_AREAS)).toEqual([]);
    const listed = ERROR_AREAS.reduce((n, area) => n + Object.keys(area.codes).length, 0);
    expect(Object.keys(ERROR_CODES)).toHaveLength(listed);
  });

  it('finds a code registered in two areas', () => {
    const twice = [{ codes: { ORR001: {}, ORR002: {} } }, { codes: { ORR002: {}, ORR003: {} } }];
    expect(duplicateCodes(twice)).toEqual(['ORR002']);
  });

  it('keeps each code in its area range, with a title and a hint', () => {
    for (const area of ERROR_AREAS) {
      for (const [code, spec] of Object.entries(area.codes) as [string, ErrorSpec][]) {
        expect(code).toMatch(/^ORR\d{3}$/);
        const n = Number(code.slice(3));
        expect(n, code).toBeGreaterThanOrEqual(area.first);
        expect(n, code).toBeLessThanOrEqual(area.last);
        expect(spec.title.length, code).toBeGreaterThan(0);
        expect(spec.hint, code).toMatch(/[.)]$/);
      }
    }
  });

  it('maps every former code to exactly one registry code', () => {
    const former = Object.values(ERROR_CODES as Record<string, ErrorSpec>).flatMap((s) => (s.formerly ? [s.formerly] : []));
    expect(new Set(former).size).toBe(former.length);
    expect(codeFormerly('WS008')).toBe('ORR208');
    expect(codeFormerly('wasm-core-module')).toBe('ORR104');
    expect(codeFormerly('ui004')).toBe('ORR404');
    expect(codeFormerly('nope')).toBeUndefined();
  });
});

describe('error data', () => {
  it('fills the hint from the registry and names the path, expected and received', () => {
    const problem = fileProblem('ORR208', 'nodes[2].kind', 'a known agent kind', '"nope"');
    expect(problem).toEqual({
      code: 'ORR208',
      message: 'expected a known agent kind, received "nope"',
      path: 'nodes[2].kind',
      expected: 'a known agent kind',
      received: '"nope"',
      hint: ERROR_CODES.ORR208.hint,
    });
    expect(formatError(problem)).toBe(`ORR208 nodes[2].kind: expected a known agent kind, received "nope". ${ERROR_CODES.ORR208.hint}`);
    expect(formatError(problem, { hint: false })).toBe('ORR208 nodes[2].kind: expected a known agent kind, received "nope"');
  });

  it('survives a trip through OrreryError and JSON', () => {
    const data = errorData('ORR012', 'No node is named "x".', { expected: 'an existing node', received: '"x"', hint: 'Deploy x first.' });
    const error = new OrreryError(data);
    expect(error.message).toBe('ORR012: No node is named "x".');
    expect(JSON.parse(JSON.stringify(error))).toEqual(data);
  });
});
