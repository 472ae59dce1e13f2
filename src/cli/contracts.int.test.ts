/**
 * `--contracts FILE` on experiment, swarm and load, and a workspace's contracts in `orrery run`:
 * real wasm echo agents (echo answers a request with an inform of the same content), counted
 * violations in the summary, --json and --junit, and the exit codes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuiltAgents } from '../hosts/node/requireBuiltAgents';
import { cli } from './captureCli';
import { checkJUnit } from './junitXml.testkit';
import { EXIT } from './main';

requireBuiltAgents();

const SOAK = 'examples/echo-soak.experiment.json';
const KEPT = 'src/cli/fixtures/contracts/echo-kept.contract.json';
const BROKEN = 'src/cli/fixtures/contracts/echo-broken.contract.json';
const INVALID = 'src/cli/fixtures/contracts/invalid.contract.json';
const tmp = () => mkdtempSync(join(tmpdir(), 'orrery-contracts-'));
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const contractsCase = (xml: string) => /<testcase name="contracts"[^>]*?(\/>|>[\s\S]*?<\/testcase>)/.exec(xml)?.[0] ?? '';

describe('orrery --contracts', () => {
  it('experiment: kept contracts pass, with the count in the summary, --json and --junit', async () => {
    const dir = tmp();
    const [out, junit] = [join(dir, 'r.json'), join(dir, 'r.xml')];
    const { code, text } = await cli('experiment', SOAK, '--contracts', KEPT, '--json', out, '--junit', junit);
    expect(code).toBe(EXIT.pass);
    expect(text).toMatch(/^contracts: 0 violations in 0 of \d+ messages checked$/m);
    expect(json(out).contracts).toMatchObject({ violations: 0, first: [] });
    const xml = readFileSync(junit, 'utf8');
    expect(checkJUnit(xml).failures).toBe(0);
    expect(contractsCase(xml)).toMatch(/^<testcase name="contracts"[^>]*\/>$/);
    expect(xml).toMatch(/<property name="contracts.violations" value="0"\/>/);
  });

  it('experiment: a violated contract fails the run (exit 1) and CI sees the JUnit case fail', async () => {
    const dir = tmp();
    const [out, junit] = [join(dir, 'r.json'), join(dir, 'r.xml')];
    const { code, text } = await cli('experiment', SOAK, '--contracts', BROKEN, '--json', out, '--junit', junit);
    expect(code).toBe(EXIT.fail);
    expect(text).toMatch(/verdict: the hypothesis holds/);
    expect(text).toMatch(/^contracts: (\d+) violations in \1 of \d+ messages checked \(echo sends inform \1\)$/m);
    expect(text).toMatch(/echo\d → load at \d+\.\d ms: sender echo\d \(echo\) sends inform: content: missing the required field "status"/);
    const result = json(out).contracts as { violations: number; first: unknown[] };
    expect(result.violations).toBeGreaterThan(0);
    expect(result.first.length).toBeGreaterThan(0);
    const xml = readFileSync(junit, 'utf8');
    expect(checkJUnit(xml).failures).toBe(1);
    expect(contractsCase(xml)).toMatch(/<failure message="contracts: \d+ violations[^"]*" type="contract">/);
  });

  it('refuses an invalid contract file before running: ORR601 naming the file and each place, exit 2', async () => {
    for (const verb of [
      ['experiment', SOAK],
      ['swarm', SOAK, '--count', '2'],
      ['load', 'src/cli/fixtures/load/pass.load.json', '--sim'],
    ]) {
      const { code, err, text } = await cli(...verb, '--contracts', INVALID);
      expect(code).toBe(EXIT.badInput);
      expect(text).toBe('');
      expect(err).toContain(`ORR601 ${INVALID}: not a valid contract file:`);
      expect(err).toMatch(/kinds\.shop\.request\.accepts: not a valid JSON Schema/);
    }
    expect((await cli('experiment', SOAK, '--contracts', 'nope.json')).code).toBe(EXIT.badInput);
  });

  it('swarm: every seed checked; seeds with violations fail', async () => {
    const kept = await cli('swarm', SOAK, '--count', '2', '--contracts', KEPT, '--quiet');
    expect(kept.code).toBe(EXIT.pass);
    expect(kept.text).toMatch(/contracts: 0 violations in 0 of 2 seeds$/);
    const broken = await cli('swarm', SOAK, '--count', '2', '--contracts', BROKEN, '--quiet');
    expect(broken.code).toBe(EXIT.fail);
    expect(broken.text).toMatch(/contracts: \d+ violations in 2 of 2 seeds \(seeds 1, 2\)$/);
  });

  it('load --sim: the count in the summary and --json; a violation exits 1', async () => {
    const dir = tmp();
    const out = join(dir, 'load.json');
    const { code, text } = await cli('load', 'src/cli/fixtures/load/pass.load.json', '--sim', '--contracts', BROKEN, '--json', out);
    expect(code).toBe(EXIT.fail);
    expect(text).toMatch(/^contracts: \d+ violations/m);
    expect((json(out).contracts as { violations: number }).violations).toBeGreaterThan(0);
    const kept = await cli('load', 'src/cli/fixtures/load/pass.load.json', '--sim', '--contracts', KEPT, '--quiet');
    expect(kept.code).toBe(EXIT.pass);
    expect(kept.text).toMatch(/ · contracts: 0 violations/);
  });

  it("run: the workspace's contracts apply to every case; invalid ones are ORR601, nothing run", async () => {
    const dir = tmp();
    const workspace = json('src/cli/fixtures/run/pass.orrery.json');
    const broken = join(dir, 'broken.orrery.json');
    writeFileSync(broken, JSON.stringify({ ...workspace, contracts: json(BROKEN) }));
    const junit = join(dir, 'run.xml');
    const run = await cli('run', broken, '--junit', junit);
    expect(run.code).toBe(EXIT.fail);
    expect(run.text).toMatch(/FAIL {2}experiment: .*\n\s+contracts: \d+ violations/);
    expect(checkJUnit(readFileSync(junit, 'utf8')).failures).toBeGreaterThan(0);
    const invalid = join(dir, 'invalid.orrery.json');
    writeFileSync(invalid, JSON.stringify({ ...workspace, contracts: json(INVALID) }));
    const refused = await cli('run', invalid);
    expect(refused.code).toBe(EXIT.badInput);
    expect(refused.err).toMatch(/ORR601 contracts\.kinds\.shop\.request\.accepts: not a valid JSON Schema/);
  });
});
