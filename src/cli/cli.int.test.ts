/**
 * The headless runner as CI uses it: real wasm agents in the deterministic simulation,
 * exit codes that gate a pipeline, failing seeds that reproduce exactly.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuiltAgents } from '../hosts/node/requireBuiltAgents';
import { EXIT, runCli } from './main';

requireBuiltAgents();

const SOAK = 'examples/echo-soak.experiment.json';
const FRAGILE = 'examples/fragile-no-retries.experiment.json';

async function cli(...argv: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await runCli(argv, (line) => lines.push(line));
  return { code, text: lines.join('\n') };
}

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
    const failing = [...swarm.text.matchAll(/seed (\d+)\s+hash ([0-9a-f]{16})…/g)].map((m) => ({ seed: m[1]!, hash: m[2]! }));
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
    writeFileSync(file, JSON.stringify({ schema: 'orrery.experiment/1', name: 'x', topology: { agents: [] }, workload: { clients: [] }, hypothesis: [{ probe: 'nope' }], schedule: { phases: [{ name: 'p', durationMs: -1 }] } }));
    const { code, text } = await cli('experiment', file);
    expect(code).toBe(EXIT.badInput);
    expect(text).toMatch(/is not a valid experiment/);
    expect(text).toMatch(/hypothesis\[0\]/);
    expect(text).toMatch(/durationMs/);
    const missing = await cli('experiment', join(dir, 'absent.json'));
    expect(missing).toEqual({ code: EXIT.badInput, text: `${join(dir, 'absent.json')}: no such file` });
  });

  it('explains its usage and refuses unknown commands and flags', async () => {
    expect((await cli('help')).code).toBe(EXIT.pass);
    const unknown = await cli('launch', SOAK);
    expect(unknown.code).toBe(EXIT.badInput);
    expect(unknown.text).toMatch(/unknown command "launch"/);
    expect((await cli('swarm', FRAGILE, '--seeds', '9..2')).text).toMatch(/FROM ≤ TO/);
  });
});
