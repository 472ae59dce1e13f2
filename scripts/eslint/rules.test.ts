import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without type declarations (scripts are not in tsconfig).
import { blankDecorators } from './assemblyScriptParser.mjs';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function rulesBroken(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.line}:${m.ruleId ?? 'parse'}`);
}

describe('kernel purity (eslint.config.js)', () => {
  it('refuses the wall clock, ambient randomness, timers, workers, DOM and Node built-ins in src/kernel', async () => {
    const code = [
      "import { Worker as W } from 'node:worker_threads';",
      'export const a = Date.now();',
      'export const b = Math.random();',
      'setTimeout(() => 1, 3);',
      'export const c = new Date();',
      'export const d = globalThis.crypto.randomUUID();',
      'export const e = document.title;',
      'export const f = performance.now();',
      "export const g = new Worker('x');",
      'export { W };',
    ].join('\n');
    expect(await rulesBroken(code, 'src/kernel/probe.ts')).toEqual([
      '1:no-restricted-imports',
      '2:no-restricted-properties',
      '3:no-restricted-properties',
      '4:no-restricted-globals',
      '5:no-restricted-syntax',
      '6:no-restricted-syntax',
      '7:no-restricted-globals',
      '8:no-restricted-globals',
      '9:no-restricted-globals',
    ]);
  });

  it('allows a deterministic Date and leaves tests and other layers alone', async () => {
    expect(await rulesBroken('export const d = new Date(0).toISOString();\n', 'src/kernel/probe.ts')).toEqual([]);
    expect(await rulesBroken('export const a = Date.now();\n', 'src/kernel/probe.test.ts')).toEqual([]);
    expect(await rulesBroken('export const a = Date.now();\n', 'src/hosts/probe.ts')).toEqual([]);
  });
});

describe('small parts', () => {
  it('caps functions at 80 lines in sources but not in tests', async () => {
    const long = `export function long(): number {\n${Array.from({ length: 81 }, (_, i) => `  const v${i} = ${i};`).join('\n')}\n  return v0;\n}\n`;
    expect(await rulesBroken(long, 'src/protocol/probe.ts')).toContain('1:max-lines-per-function');
    expect(await rulesBroken(long, 'src/protocol/probe.test.ts')).not.toContain('1:max-lines-per-function');
  });
});

describe('AssemblyScript sources', () => {
  it('blanks decorators without moving any offset or line', () => {
    const code =
      '@inline function f(): i32 { return 1; }\n// @ts-ignore: decorator\n@external("workbench:agent/host@0.1.0", "kv-get")\ndeclare function g(): void;\n';
    const blanked = blankDecorators(code) as string;
    expect(blanked).toHaveLength(code.length);
    expect(blanked.split('\n').length).toBe(code.split('\n').length);
    expect(blanked).toContain('        function f(): i32');
    expect(blanked).not.toContain('@external');
    expect(blanked).toContain('// @ts-ignore: decorator');
  });

  it('parses every SDK file, decorators included', async () => {
    const file = 'agents/sdk/abi.ts';
    const [result] = await eslint.lintText(readFileSync(join(root, file), 'utf8'), { filePath: join(root, file) });
    expect(result?.messages.filter((m) => m.fatal)).toEqual([]);
  });
});
