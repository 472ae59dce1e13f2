/**
 * Every user mistake ends with a message on stderr and the invalid-input exit code, fast,
 * never with a stack trace, a hang or another exit code. Fixtures in fixtures/bad: one
 * mistake per file (syntax, types, huge / negative / NaN-like numbers, deep nesting,
 * prototype keys, unknown kinds and fields, broken references, totals past the limits).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuiltAgents } from '../hosts/node/requireBuiltAgents';
import { EXPERIMENT_LIMITS } from '../experiments';
import { EXIT, runCli } from './main';

requireBuiltAgents();

const DIR = 'src/cli/fixtures/bad';
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const STACK_LINE = /^\s+at\s/m;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const started = performance.now();
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n'), ms: performance.now() - started };
}

function expectRefused(r: { code: number; out: string; err: string }) {
  expect(r.code).toBe(EXIT.badInput);
  expect(r.out).toBe('');
  expect(r.err.length).toBeGreaterThan(10);
  expect(r.err).not.toMatch(STACK_LINE);
  expect(r.err).not.toMatch(/^orrery: internal error/m);
}

describe('orrery refuses bad experiment files', () => {
  it('keeps at least 40 bad files as fixtures', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(FIXTURES)('%s: exit 2, a message on stderr, within 5 s', async (name) => {
    for (const command of ['experiment', 'swarm']) {
      const r = await cli(command, join(DIR, name), ...(command === 'swarm' ? ['--count', '2'] : []));
      expectRefused(r);
      expect(r.err).toContain(join(DIR, name));
      expect(r.ms).toBeLessThan(5000);
    }
  });

  it('names the path, what was expected and what came', async () => {
    expect((await cli('experiment', join(DIR, 'duration-huge.json'))).err).toContain(
      'experiment.schedule.phases[0].durationMs: expected a number > 0 and ≤ 3600000, received number 1e+300',
    );
    expect((await cli('experiment', join(DIR, 'constructor-as-kind.json'))).err).toMatch(
      /topology\.agents\[0\]\.kind: expected a known agent kind \(.*echo.*\), received "constructor"/,
    );
    expect((await cli('experiment', join(DIR, 'proto-field-in-agent.json'))).err).toContain(
      'experiment.topology.agents[0].__proto__: unknown field',
    );
    expect((await cli('experiment', join(DIR, 'setup-command-refused.json'))).err).toMatch(
      /could not be built:\n {2}commands\[0\] \(agent\.stop\): ORR012/,
    );
  });

  it('refuses missing files, folders, oversize files and unwritable reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orrery-bad-'));
    const big = join(dir, 'big.json');
    writeFileSync(big, `{"name": "${'x'.repeat(EXPERIMENT_LIMITS.fileBytes)}"}`);
    mkdirSync(join(dir, 'folder.json'));
    const ok = 'examples/fragile-no-retries.experiment.json';
    const cases = [
      [['experiment', join(dir, 'absent.json')], 'no such file'],
      [['experiment', join(dir, 'folder.json')], 'is a directory'],
      [['experiment', big], `expected at most ${EXPERIMENT_LIMITS.fileBytes} bytes`],
      [['experiment', ok, '--report', join(big, 'r.json')], 'is a file, expected a folder'],
      [['experiment', ok, '--report', dir], 'is a directory'],
      [['compare', ok, ok], 'received JSON of another shape'],
      [['swarm', ok, '--count', '100000'], '--count: expected 1 to 10000 seeds'],
      [['experiment', ok, '--seed', '-3'], '--seed'],
      [['experiment', ok, '--seeds', '1..3'], 'belongs to swarm'],
      [['launch', ok], 'unknown verb "launch"'],
      [['experiment', ok, '--colour'], "Unknown option '--colour'"],
    ] as const;
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expectRefused(r);
      expect(r.err).toContain(message);
    }
  });
});

describe('orrery as a process', () => {
  const run = (...argv: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile('npx', ['tsx', 'src/cli/bin.ts', ...argv], { timeout: 90_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      });
    });

  it('exits 2 with one message on stderr and nothing on stdout, for a few bad files', async () => {
    const names = ['syntax-unterminated.json', 'nesting-deep-config.json', 'constructor-as-kind.json', 'duration-huge.json'];
    const results = await Promise.all(names.map((n) => run('experiment', join(DIR, n))));
    for (const [i, r] of results.entries()) {
      expect(r.code, names[i]).toBe(EXIT.badInput);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(names[i]);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  }, 120_000);

  it('prints the exit codes in help, exit 0', async () => {
    const r = await run('help');
    expect(r.code).toBe(EXIT.pass);
    expect(r.stdout).toMatch(
      /Exit codes:\n {2}0 {2}pass[^]*\n {2}1 {2}check failed[^]*\n {2}2 {2}invalid input[^]*\n {2}3 {2}internal error[^]*\n {2}99 thresholds/,
    );
  }, 120_000);
});
