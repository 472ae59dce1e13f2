import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isPerformative } from '../../../protocol/performatives';
import { KIND_ACCEPTS } from './kindAccepts';

const AGENTS = fileURLToPath(new URL('../../../../agents/', import.meta.url));
const sourceOf = (kind: string) =>
  kind === 'greeter' ? readFileSync(`${AGENTS}js/greeter.js`, 'utf8') : readFileSync(`${AGENTS}builtin/${kind}.ts`, 'utf8');

/** Performatives an agent's source compares the incoming one against (`p == "x"`, `performative != "x"`, a SILENT set). */
function comparedPerformatives(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/\b(?:p|performative)\s*[!=]==?\s*["']([a-z-]+)["']/g)) found.add(m[1]!);
  const silent = /SILENT\s*=\s*new Set\(\[([^\]]*)\]/.exec(source);
  for (const m of silent?.[1]?.matchAll(/["']([a-z-]+)["']/g) ?? []) found.add(m[1]!);
  return [...found].filter(isPerformative).sort();
}

describe('what built-in kinds accept', () => {
  it.each(Object.keys(KIND_ACCEPTS))('%s: the table matches the performatives its handle function checks', (kind) => {
    expect([...KIND_ACCEPTS[kind]!].sort()).toEqual(comparedPerformatives(sourceOf(kind)));
  });
});
