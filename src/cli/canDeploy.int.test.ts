/**
 * `orrery can-deploy` with real wasm agents: a recording of a client asking a counter, the
 * counter's contract (it sends inform {count}), and two new versions of the agent `svc`:
 * the counter again (yes) and an echo, which drops the `count` its consumer reads (no).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltAgents } from '../hosts/node/requireBuiltAgents';
import { EXIT } from './exitCodes';
import { checkJUnit } from './junitXml.testkit';
import { cli } from './captureCli';

requireBuiltAgents();

const FIXTURES = join(import.meta.dirname, 'fixtures', 'can-deploy');
const CONTRACTS = join(FIXTURES, 'counter.contract.json');
const STACK_LINE = /^\s+at .*:\d+:\d+\)?$/m;
const dir = mkdtempSync(join(tmpdir(), 'orrery-can-deploy-'));
const REC = join(dir, 'counter.orrery-rec');

const canDeploy = (version: string, ...more: string[]) =>
  cli('can-deploy', REC, '--agent', 'svc', '--against', join(FIXTURES, `svc-${version}.orrery.json`), '--contracts', CONTRACTS, ...more);

beforeAll(async () => {
  const recorded = await cli('experiment', join(FIXTURES, 'counter.experiment.json'), '--record', REC, '--quiet');
  expect(recorded.code, recorded.err).toBe(EXIT.pass);
}, 60_000);

describe('orrery can-deploy', () => {
  it('says yes for a version that keeps the contract and every recorded conversation', async () => {
    const r = await canDeploy('counter', '--junit', join(dir, 'yes.xml'));
    expect(r.code, r.err).toBe(EXIT.pass);
    expect(r.text).toMatch(/^can-deploy: svc: recorded counter, new counter; 32 messages to or from it checked/);
    expect(r.text).toMatch(/verdict: YES/);
    expect(checkJUnit(readFileSync(join(dir, 'yes.xml'), 'utf8'))).toMatchObject({ tests: 2, failures: 0 });
  }, 60_000);

  it('says no for a version that drops a field its consumer reads, with the violations and divergences as evidence', async () => {
    const r = await canDeploy('echo', '--json', join(dir, 'no.json'), '--junit', join(dir, 'no.xml'));
    expect(r.code, r.err).toBe(EXIT.fail);
    expect(r.text).toContain('VIOLATION  sender svc (counter) sends inform: content: missing the required field "count"');
    expect(r.text).toContain('field content.count: recorded 1, replayed (absent)');
    expect(r.text).toMatch(/verdict: NO: 16 contract violations, 16 divergences$/);
    const json = JSON.parse(readFileSync(join(dir, 'no.json'), 'utf8')) as { canDeploy: boolean; newKind: string; violations: unknown[] };
    expect(json).toMatchObject({ canDeploy: false, newKind: 'echo' });
    expect(json.violations).toHaveLength(16);
    expect(checkJUnit(readFileSync(join(dir, 'no.xml'), 'utf8'))).toMatchObject({ tests: 2, failures: 2 });
    expect((await canDeploy('echo', '--quiet')).text).toBe('verdict: NO: 16 contract violations, 16 divergences');
  }, 60_000);

  it('refuses an agent the recording does not have, a missing flag and an invalid contract with exit 2', async () => {
    const cases = [
      [
        ['can-deploy', REC, '--agent', 'nobody', '--against', join(FIXTURES, 'svc-echo.orrery.json'), '--contracts', CONTRACTS],
        '--agent nobody: expected an agent of the recording (svc)',
      ],
      [['can-deploy', REC, '--agent', 'svc', '--contracts', CONTRACTS], 'can-deploy: expected --against'],
      [
        [
          'can-deploy',
          REC,
          '--agent',
          'svc',
          '--against',
          join(FIXTURES, 'svc-echo.orrery.json'),
          '--contracts',
          join(import.meta.dirname, 'fixtures', 'contracts', 'invalid.contract.json'),
        ],
        'not a valid JSON Schema',
      ],
    ] as const;
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(EXIT.badInput);
      expect(r.text).toBe('');
      expect(r.err).toContain(message);
      expect(r.err).not.toMatch(STACK_LINE);
    }
  }, 60_000);
});
