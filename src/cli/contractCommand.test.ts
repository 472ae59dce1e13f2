import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from './exitCodes';
import { checkJUnit } from './junitXml.testkit';
import { cli } from './captureCli';

const DIR = join(import.meta.dirname, 'fixtures', 'contracts');
const at = (name: string) => join(DIR, `${name}.contract.json`);
const STACK_LINE = /^\s+at .*:\d+:\d+\)?$/m;

describe('orrery contract check OLD NEW', () => {
  it('passes a compatible version: accepted content widened, sent content narrowed, an optional field added', async () => {
    const r = await cli('contract', 'check', at('v1'), at('v2-compatible'));
    expect(r.code).toBe(EXIT.pass);
    expect(r.text).toMatch(/^contract: 1\.0\.0 → 1\.1\.0: 0 breaking, 3 compatible changes/);
    expect(r.text).toContain('compatible  shop.request.accepts: type-widened');
    expect(r.text).toContain('compatible  shop.inform.sends: enum-narrowed');
    expect(r.text).toMatch(/verdict: compatible/);
  });

  it('fails a version that drops a sent field its consumers read and requires a new input, with each reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orrery-contract-'));
    const r = await cli('contract', 'check', at('v1'), at('v2-breaking'), '--json', join(dir, 'c.json'), '--junit', join(dir, 'c.xml'));
    expect(r.code).toBe(EXIT.fail);
    expect(r.text).toContain('BREAKING    shop.request.accepts: required-added: content.customer: is now required');
    expect(r.text).toContain('BREAKING    shop.inform.sends: required-removed: content.sku: was required');
    const json = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')) as { breaking: { rule: string }[] };
    expect(json.breaking.map((c) => c.rule).sort()).toEqual(['required-added', 'required-removed']);
    const junit = checkJUnit(readFileSync(join(dir, 'c.xml'), 'utf8'));
    expect(junit).toMatchObject({ tests: 2, failures: 2 });
    expect((await cli('contract', 'check', at('v1'), at('v2-breaking'), '--quiet')).text).toBe(
      'verdict: BREAKING: agents written against the old version break',
    );
  });

  it('finds no change between a version and itself', async () => {
    const r = await cli('contract', 'check', at('v1'), at('v1'));
    expect(r.code).toBe(EXIT.pass);
    expect(r.text).toMatch(/0 breaking, 0 compatible changes/);
  });

  it('refuses a contract that is not valid JSON Schema, broken JSON, a missing file and a wrong command line with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orrery-contract-bad-'));
    writeFileSync(join(dir, 'broken.json'), '{"schema": "orrery.contract/1",');
    const cases = [
      [['contract', 'check', at('v1'), at('invalid')], 'kinds.shop.request.accepts: not a valid JSON Schema'],
      [['contract', 'check', at('v1'), join(dir, 'broken.json')], 'received text that does not parse'],
      [['contract', 'check', at('v1'), join(dir, 'absent.json')], 'absent.json: no such file'],
      [['contract', 'diff', at('v1'), at('v1')], 'contract: expected "check OLD.json NEW.json", received "diff"'],
      [['contract', 'check', at('v1')], 'expected two contract files'],
      [['contract', 'check', at('v1'), at('v1'), '--seed', '3'], 'contract: --seed does not apply'],
    ] as const;
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(EXIT.badInput);
      expect(r.text).toBe('');
      expect(r.err).toContain(message);
      expect(r.err).not.toMatch(STACK_LINE);
    }
  });
});
