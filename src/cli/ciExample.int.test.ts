/**
 * The CI example (examples/ci/orrery.yml, shown in the README) run as CI runs it: the same
 * `orrery run … --junit …` command line, through the BUILT bin (dist-cli/orrery.mjs, plain
 * Node, no tsx), on fixture workspaces with real wasm agents in the simulation.
 */
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltAgents } from '../hosts/node/requireBuiltAgents';
import { EXIT } from './exitCodes';
import { checkJUnit } from './junitXml.testkit';

requireBuiltAgents();

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist-cli', 'orrery.mjs');
const FIXTURES = join(import.meta.dirname, 'fixtures', 'run');
const STACK_LINE = /^\s+at .*\(.*:\d+:\d+\)$/m;

const workflow = readFileSync(join(ROOT, 'examples', 'ci', 'orrery.yml'), 'utf8');
const command = /- run: npx orrery (run \S+ --junit \S+)\n/.exec(workflow);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function exec(file: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, [...args], { cwd, timeout: 90_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** The workflow's command, in a fresh folder holding `fixture` under the workflow's workspace name. */
async function runWorkflowCommand(fixture: string): Promise<Run & { junit?: string }> {
  const [verb, workspace, flag, report] = command![1]!.split(' ') as [string, string, string, string];
  const dir = mkdtempSync(join(tmpdir(), 'orrery-ci-'));
  copyFileSync(join(FIXTURES, fixture), join(dir, workspace));
  const result = await exec(process.execPath, [BIN, verb, workspace, flag, report], dir);
  const junit = join(dir, report);
  return { ...result, ...(existsSync(junit) ? { junit: readFileSync(junit, 'utf8') } : {}) };
}

beforeAll(() => {
  // npm test builds it first; a lone vitest run gets a fresh build here when a source changed.
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
}, 60_000);

describe('the CI example', () => {
  it('is the job the README shows, running a workspace and publishing its JUnit report', () => {
    expect(command, 'examples/ci/orrery.yml runs `npx orrery run WORKSPACE --junit OUT`').not.toBeNull();
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(workflow.trim());
    expect(workflow).toMatch(/uses: actions\/upload-artifact@v\d/);
    expect(workflow).toMatch(/uses: mikepenz\/action-junit-report@v\d/);
  });

  it('passes a workspace whose experiments all pass: exit 0, every case in the JUnit report', async () => {
    const r = await runWorkflowCommand('pass.orrery.json');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.code, r.stderr).toBe(EXIT.pass);
    expect(r.stdout).toMatch(/run: ci: everything passes: 2 cases, 2 passed, 0 failed/);
    const report = checkJUnit(r.junit!);
    expect(report.failures).toBe(0);
    expect(report.suites.map((s) => s.name)).toEqual([
      'experiment: echo soak: drop, duplicate, kill',
      'load: cli pass: 40 req/s for 1 s to an echo agent',
    ]);
    expect(report.tests).toBeGreaterThan(2);
  }, 120_000);

  it('fails a workspace with a failing load threshold with k6 code 99, the threshold a failed test case', async () => {
    const r = await runWorkflowCommand('thresholds.orrery.json');
    expect(r.code, r.stderr).toBe(EXIT.thresholds);
    expect(r.stdout).toContain('FAIL  load: cli fail: a threshold no run can meet');
    const report = checkJUnit(r.junit!);
    expect(report.failures).toBe(1);
    const failing = report.suites.flatMap((s) => s.cases.filter((c) => c.failure).map((c) => `${s.name} / ${c.name}`));
    expect(failing).toEqual(['load: cli fail: a threshold no run can meet / requests count>1000000']);
  }, 120_000);

  it('exits 1 when a chaos hypothesis fails, even beside a failing threshold', async () => {
    const r = await runWorkflowCommand('hypothesis.orrery.json');
    expect(r.code, r.stderr).toBe(EXIT.fail);
    expect(checkJUnit(r.junit!).failures).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('refuses an invalid workspace with the invalid-input code, every problem named, nothing run', async () => {
    const r = await runWorkflowCommand('invalid.orrery.json');
    expect(r.code).toBe(EXIT.badInput);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('experiments[0] "unknown kind": experiment.topology.agents[0].kind');
    expect(r.stderr).toContain('(did you mean "echo"?)');
    expect(r.stderr).toContain('loads[0] "malformed threshold": experiment.thresholds["latency"][0]');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.junit).toBeUndefined();
  }, 60_000);

  it('refuses a file that is not a workspace, and a broken one, with the invalid-input code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orrery-ci-bad-'));
    writeFileSync(join(dir, 'broken.json'), '{"orrery": "workspace", "version": 2,');
    for (const [file, message] of [
      ['broken.json', 'broken.json'],
      [join(ROOT, 'examples', 'echo-soak.experiment.json'), 'not a valid workspace'],
      ['absent.orrery.json', 'absent.orrery.json: no such file'],
    ] as const) {
      const r = await exec(process.execPath, [BIN, 'run', file], dir);
      expect(r.code, file).toBe(EXIT.badInput);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  }, 60_000);

  it('runs as the package bin: `npx orrery --version` prints the package version', async () => {
    const r = await exec('npx', ['--no-install', 'orrery', '--version'], ROOT);
    expect(r.code, r.stderr).toBe(EXIT.pass);
    expect(r.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  }, 60_000);
});
