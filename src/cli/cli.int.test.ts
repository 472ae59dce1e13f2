/**
 * The headless runner as CI uses it: real wasm agents in the deterministic simulation,
 * exit codes that gate a pipeline, failing seeds that reproduce exactly.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuiltAgents } from '../hosts/node/requireBuiltAgents';
import { readFileSync } from 'node:fs';
import { checkJUnit } from './junitXml.testkit';
import { EXIT, runCli } from './main';
import { cli } from './captureCli';

requireBuiltAgents();

const SOAK = 'examples/echo-soak.experiment.json';
const FRAGILE = 'examples/fragile-no-retries.experiment.json';

describe('orrery CLI', () => {
  it('passes the echo soak: drops, duplicates and kills lose nothing', async () => {
    const { code, text } = await cli('experiment', SOAK);
    expect(text).toMatch(/verdict: the hypothesis holds/);
    expect(text).toMatch(/lost 0/);
    expect(text).toMatch(/log hash: [0-9a-f]{64}/);
    expect(code).toBe(EXIT.pass);
  });

  it('finds failing seeds in a swarm, and each re-runs to the same log hash', async () => {
    const swarm = await cli('swarm', FRAGILE, '--seeds', '1..6');
    expect(swarm.code).toBe(EXIT.fail);
    const seeds = [...swarm.text.matchAll(/seed (\d+) {2}(PASS|FAIL) {2}log hash ([0-9a-f]{64})/g)].map((m) => ({
      seed: m[1]!,
      pass: m[2] === 'PASS',
      hash: m[3]!,
    }));
    expect(seeds.map((s) => s.seed)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(new Set(seeds.map((s) => s.hash)).size).toBe(6);
    const failing = seeds.filter((s) => !s.pass);
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.length).toBeLessThan(6);
    const first = failing[0]!;
    const rerun = await cli('experiment', FRAGILE, '--seed', first.seed);
    expect(rerun.code).toBe(EXIT.fail);
    expect(rerun.text).toContain(`log hash: ${first.hash}`);
  });

  it('refuses a broken experiment file with every problem named, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orrery-cli-'));
    const file = join(dir, 'broken.json');
    writeFileSync(
      file,
      JSON.stringify({
        schema: 'orrery.experiment/1',
        name: 'x',
        topology: { agents: [] },
        workload: { clients: [] },
        hypothesis: [{ probe: 'nope' }],
        schedule: { phases: [{ name: 'p', durationMs: -1 }] },
      }),
    );
    const { code, text, err } = await cli('experiment', file);
    expect(code).toBe(EXIT.badInput);
    expect(text).toBe('');
    expect(err).toMatch(/^ORR301: .* is not a valid experiment:/);
    expect(err).toMatch(/JSON Schema is in src\/experiments\/chaos\/experimentSchema\.ts/);
    expect(err).toMatch(/hypothesis\[0\]/);
    expect(err).toMatch(/durationMs/);
    const missing = await cli('experiment', join(dir, 'absent.json'));
    expect(missing).toEqual({ code: EXIT.badInput, text: '', err: `${join(dir, 'absent.json')}: no such file` });
  });

  it('explains its usage and refuses unknown commands and flags', async () => {
    const help = await cli('help');
    expect(help.code).toBe(EXIT.pass);
    expect(help.text).toMatch(/Exit codes:/);
    const unknown = await cli('launch', SOAK);
    expect(unknown.code).toBe(EXIT.badInput);
    expect(unknown.err).toMatch(/unknown verb "launch"/);
    expect((await cli('swarm', FRAGILE, '--seeds', '9..2')).err).toMatch(/FROM ≤ TO/);
  });
});

describe('orrery verdicts and comparisons', () => {
  it('judges a file without a hypothesis by the default one: ~20 % failed requests do not pass', async () => {
    const { code, text } = await cli('experiment', 'examples/lossy-default-hypothesis.experiment.json');
    expect(code).toBe(EXIT.fail);
    expect(text).toMatch(/FAIL {2}success-rate: 0\.[5-9]\d* \(≥ 0\.99\)/);
    expect(text).toMatch(/FAIL {2}dead-letters: [1-9]\d* \(≤ 0\)/);
    expect(text).toMatch(/verdict: the hypothesis does not hold/);
  });

  it('compares two run reports (same seed: same hash, exit 0; another seed: different, exit 1) and two swarms', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orrery-compare-'));
    const at = (name: string) => join(dir, name);
    for (const [seed, name] of [
      ['1', 'a'],
      ['1', 'b'],
      ['2', 'c'],
    ] as const)
      await cli('experiment', FRAGILE, '--seed', seed, '--report', at(`${name}.json`));
    const same = await cli('compare', at('a.json'), at('b.json'));
    expect(same.code).toBe(EXIT.pass);
    expect(same.text).toMatch(/^same log hash/);
    expect(same.text).toContain('checks: none moved');
    const other = await cli('compare', at('a.json'), at('c.json'));
    expect(other.code).toBe(EXIT.fail);
    expect(other.text).toMatch(/^different log hashes/);
    expect(other.text).toMatch(/Log hash +A [0-9a-f]{64} {2}B [0-9a-f]{64} {2}\(changed\)/);
    await cli('swarm', FRAGILE, '--seeds', '1..3', '--report', at('s1.json'));
    await cli('swarm', FRAGILE, '--seeds', '2..4', '--report', at('s2.json'));
    const swarms = await cli('compare', at('s1.json'), at('s2.json'));
    expect(swarms.code).toBe(EXIT.fail);
    expect(swarms.text).toContain('seeds in both: 2 same hash, 0 different');
    expect(swarms.text).toContain('only in A: 1; only in B: 4');
    const mixed = await cli('compare', at('a.json'), at('s1.json'));
    expect(mixed.code).toBe(EXIT.badInput);
    expect(mixed.err).toContain('expected two run reports or two swarm reports');
  });
});

describe('machine reports and progress of experiment and swarm', () => {
  it('writes a swarm as JUnit (a case per seed, the failing seeds failing) and as JSON; --quiet prints one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orrery-swarm-reports-'));
    const [xml, json] = [join(dir, 'reports', 's.xml'), join(dir, 's.json')];
    const r = await cli('swarm', FRAGILE, '--seeds', '1..4', '--junit', xml, '--json', json, '--quiet');
    expect(r.code).toBe(EXIT.fail);
    const swarm = JSON.parse(readFileSync(json, 'utf8')) as { failed: number; failingSeeds: number[] };
    expect(r.text).toBe(
      `swarm: fragile: no retries under 3% loss: ${4 - swarm.failed} passed, ${swarm.failed} failed; failing seeds ${swarm.failingSeeds.join(', ')}`,
    );
    const junit = checkJUnit(readFileSync(xml, 'utf8'));
    expect(junit.tests).toBe(4);
    expect(junit.suites[0]!.cases.filter((c) => c.failure).map((c) => c.name)).toEqual(swarm.failingSeeds.map((seed) => `seed ${seed}`));
  });

  it('writes an experiment as JUnit, a case per hypothesis check, and as JSON that compare reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orrery-experiment-reports-'));
    const at = (name: string) => join(dir, name);
    const r = await cli('experiment', FRAGILE, '--seed', '2', '--junit', at('e.xml'), '--json', at('a.json'), '--quiet');
    expect(r.code).toBe(EXIT.fail);
    expect(r.text).toMatch(/^FAIL {2}fragile: no retries under 3% loss {2}seed 2 {2}log hash [0-9a-f]{64}$/);
    const junit = checkJUnit(readFileSync(at('e.xml'), 'utf8'));
    expect(junit.failures).toBeGreaterThan(0);
    expect(junit.suites[0]!.cases.some((c) => !c.failure)).toBe(true);
    await cli('experiment', FRAGILE, '--seed', '2', '--json', at('b.json'));
    expect((await cli('compare', at('a.json'), at('b.json'))).code).toBe(EXIT.pass);
  });

  it('draws swarm progress (seeds done of total) on the progress sink, and none under --quiet', async () => {
    const drawn: string[] = [];
    const io = (quiet: boolean) => ({
      out: () => {},
      err: () => {},
      progress: { tty: true, write: (t: string) => void (quiet ? drawn.push(`quiet:${t}`) : drawn.push(t)), now: () => performance.now() },
    });
    await runCli(['swarm', FRAGILE, '--seeds', '1..2'], io(false));
    expect(drawn.some((t) => /\] 2\/2 seeds/.test(t))).toBe(true);
    await runCli(['swarm', FRAGILE, '--seeds', '1..2', '--quiet'], io(true));
    expect(drawn.filter((t) => t.startsWith('quiet:'))).toEqual([]);
  });
});
