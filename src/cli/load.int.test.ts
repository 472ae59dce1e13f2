/**
 * `orrery load` as CI uses it: real wasm agents (worker threads live, in process for --sim),
 * k6's exit codes (0 pass, 99 thresholds, 2 invalid file), the summary-export JSON in k6's
 * shape, simulated runs that reproduce their log hash, baselines that flag a regression, and
 * Ctrl-C (stop, then abort) that still prints the summary.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuiltAgents } from '../hosts/node/requireBuiltAgents';
import type { CliIo } from './commands';
import { EXIT, runCli } from './main';

requireBuiltAgents();

const DIR = 'src/cli/fixtures/load';
const PASS = join(DIR, 'pass.load.json');
const FAIL = join(DIR, 'fail.load.json');
const SLOW = join(DIR, 'slow.load.json');
const LONG = join(DIR, 'long.load.json');
const STACK_LINE = /^\s+at\s/m;
const out = (name: string) => join(mkdtempSync(join(tmpdir(), 'orrery-load-')), name);

async function cli(argv: string[], extra: Partial<CliIo> = {}) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runCli(argv, { out: (t) => lines.push(t), err: (t) => errors.push(t), ...extra });
  return { code, out: lines.join('\n'), err: errors.join('\n') };
}

const hashOf = (text: string) => /log hash: ([0-9a-f]{64})/.exec(text)?.[1];

describe('orrery load, live (worker threads, real time)', () => {
  it('passes a file whose thresholds hold: exit 0, the k6 summary on stdout, the files written', async () => {
    const [exported, html, text] = [out('summary.json'), out('report.html'), out('summary.txt')];
    const r = await cli(['load', PASS, '--summary-export', exported, '--html', html, '--text', text]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^load: cli pass: .* {3}mode: live {3}seed: 3/);
    expect(r.out).toContain("✓ 'rate<0.05'");
    expect(r.out).toMatch(/█ RESULT: ✓ passed/);
    expect(r.out).toMatch(/totals: sent (\d+) = ok \1 \+ errors 0/);
    expect(r.code).toBe(EXIT.pass);
    const summary = JSON.parse(readFileSync(exported, 'utf8')) as { root_group: unknown; metrics: Record<string, Record<string, unknown>> };
    expect(summary.root_group).toMatchObject({ name: '', path: '', groups: {}, checks: {} });
    expect(Object.keys(summary.metrics['latency']!)).toEqual(
      expect.arrayContaining(['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)']),
    );
    expect(summary.metrics['latency']!['thresholds']).toEqual({ 'p(95)<1000': false });
    expect(summary.metrics['requests']).toMatchObject({
      count: expect.any(Number),
      rate: expect.any(Number),
      thresholds: { 'count>=20': false },
    });
    expect(summary.metrics['requests']!['count']).toBeGreaterThanOrEqual(20);
    expect(summary.metrics['error_rate']).toMatchObject({ passes: expect.any(Number), fails: expect.any(Number), value: 0 });
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readFileSync(text, 'utf8')).toMatch(/█ RESULT: ✓ passed/);
  }, 60_000);

  it('fails a file with a threshold that does not hold: exit 99, the failed threshold marked ✗', async () => {
    const r = await cli(['load', FAIL, '--quiet']);
    expect(r.code).toBe(EXIT.thresholds);
    expect(r.out).toMatch(/^RESULT: ✗ failed in .*: 1 of 2 thresholds failed$/);
    expect(r.err).toBe('');
  }, 60_000);
});

describe('orrery load --sim (deterministic simulation)', () => {
  it('gives the same log hash for the same seed, another for another seed', async () => {
    const [a, b, c] = [
      await cli(['load', PASS, '--sim', '--seed', '5']),
      await cli(['load', PASS, '--sim', '--seed', '5']),
      await cli(['load', PASS, '--sim', '--seed', '6']),
    ];
    expect(a.code).toBe(EXIT.pass);
    expect(a.out).toMatch(/mode: simulation {3}seed: 5/);
    expect(hashOf(a.out)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(b.out)).toBe(hashOf(a.out));
    expect(b.out.replace(/[\d.]+ s wall/, '')).toBe(a.out.replace(/[\d.]+ s wall/, ''));
    expect(hashOf(c.out)).not.toBe(hashOf(a.out));
  }, 60_000);

  it('flags a regression against a saved baseline (exit 99), and none against itself (exit 0)', async () => {
    const baseline = out('baseline.json');
    expect((await cli(['load', PASS, '--sim', '--save-baseline', baseline])).code).toBe(EXIT.pass);
    const same = await cli(['load', PASS, '--sim', '--baseline', baseline]);
    expect(same.out).toContain('BASELINE: ✓ no figure regressed beyond 10%');
    expect(same.code).toBe(EXIT.pass);
    const slower = await cli(['load', SLOW, '--sim', '--baseline', baseline, '--regression', '25']);
    expect(slower.out).toMatch(/latency p\(95\)\.*: .* → .* +\+\d+(\.\d)?% {2}✗ regression/);
    expect(slower.out).toMatch(/BASELINE: ✗ \d+ figures? regressed beyond 25%: /);
    expect(slower.code).toBe(EXIT.thresholds);
  }, 60_000);

  it('runs a chaos experiment named in the file alongside the load: shipped examples and --chaos files, by name', async () => {
    const shipped = await cli(['load', join(DIR, 'chaos-shipped.load.json'), '--sim']);
    expect(shipped.out).toMatch(/█ EVENTS\n\n {4}1\.2s–4\.2s {2}drop on load--echo1, load--echo2 \(p=0\.2\)/);
    expect(shipped.out).toMatch(/✗ 'rate<0\.05'/);
    expect(shipped.code).toBe(EXIT.thresholds);
    const named = join(DIR, 'chaos-file.load.json');
    const missing = await cli(['load', named, '--sim']);
    expect(missing.code).toBe(EXIT.badInput);
    expect(missing.err).toContain('experiment.chaos.experiment: expected the name of a chaos experiment given with --chaos FILE');
    const given = await cli(['load', named, '--sim', '--chaos', join(DIR, 'drop-echo1.experiment.json')]);
    expect(given.out).toMatch(/1\.2s–4\.2s {2}drop on load--echo1 \(p=1\)/);
    expect(given.code).toBe(EXIT.thresholds);
  }, 60_000);

  it('runs the canary of the file (the shipped rollback): the canary rolled back at stage 1, the load itself passes', async () => {
    const r = await cli(['load', 'examples/canary-rollback.load.json', '--sim']);
    expect(r.out).toMatch(/█ CANARY\n\n {4}echo-1-next beside echo-1: rolled-back at stage 1 of 4/);
    expect(r.out).toMatch(/✗ stage 1 at 5%: canary \d+ requests, errors 100\.00%/);
    expect(r.out).toMatch(/at 10\.1s +canary rolled back/);
    expect(r.code).toBe(EXIT.pass);
  }, 60_000);

  it('exits 99 when a threshold with abortOnFail stops the run early', async () => {
    const r = await cli(['load', join(DIR, 'abort.load.json'), '--sim']);
    expect(r.out).toMatch(/seed: 3 {3}stopped by a threshold \(abortOnFail\)/);
    expect(r.out).toMatch(/█ RESULT: ✗ failed in \d+(\.\d+)?s: 1 of 2 thresholds failed; aborted by latency 'max<1'/);
    expect(r.code).toBe(EXIT.thresholds);
  }, 60_000);

  it('Ctrl-C once stops gracefully and prints the summary; twice aborts', async () => {
    for (const presses of [1, 2]) {
      let interrupt: (() => void) | undefined;
      const written: string[] = [];
      const r = await cli(['load', LONG, '--sim'], {
        onInterrupt: (listener) => {
          interrupt = listener;
          return () => (interrupt = undefined);
        },
        progress: {
          tty: false,
          now: () => 0,
          write: (text) => {
            written.push(text);
            if (written.length === 1) for (let i = 0; i < presses; i++) interrupt?.();
          },
        },
      });
      expect(r.out).toContain(`stopped by Ctrl-C (${presses === 1 ? 'stop' : 'abort'})`);
      expect(r.out).toMatch(/█ RESULT: /);
      expect(written.join('')).toContain(presses === 1 ? 'load: stopping' : 'load: aborting now');
      expect(r.out).toMatch(/RESULT: ✓ passed in \d+ms/);
      expect(interrupt).toBeUndefined();
    }
  }, 60_000);
});

describe('orrery load refuses bad input before anything starts', () => {
  const named: Record<string, RegExp> = {
    'kind-unknown.load.json':
      /experiment\.topology\.agents\[0\]\.kind: expected a known agent kind .* received "ecko" \(did you mean "echo"\?\)/,
    'executor-unknown.load.json': /experiment\.scenarios\.steady\.executor: expected one of .*received string "constant-rate"/,
    'metric-unknown.load.json': /experiment\.thresholds\["latncy"\]: expected a known metric/,
    'threshold-malformed.load.json': /experiment\.thresholds\["latency"\]\[0\]: expected an aggregation/,
    'duration-negative.load.json': /experiment\.scenarios\.steady\.duration: expected a duration .* received number -5/,
    'rate-beyond-host.load.json': /experiment\.scenarios\.steady\.rate: expected at most 100000 iterations per second/,
    'target-unknown.load.json': /experiment\.scenarios\.steady\.target: expected an agent of experiment\.topology\.agents/,
    'chaos-unknown.load.json': /experiment\.chaos\.experiment: expected the name of a chaos experiment .*received "no such chaos"/,
    'topology-missing.load.json': /experiment\.topology\.agents: expected the agents to deploy/,
    'syntax-trailing-comma.load.json': /experiment: expected JSON text, received text that does not parse/,
  };

  it('has a named message for every bad fixture', () => {
    expect(readdirSync(join(DIR, 'bad')).sort()).toEqual(Object.keys(named).sort());
  });

  it.each(Object.entries(named))('%s: exit 2, the field named on stderr, no stack', async (name, message) => {
    const file = join(DIR, 'bad', name);
    const r = await cli(['load', file, '--sim']);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`^ORR302: ${file.replace(/[.]/g, '\\.')} is not a valid load experiment:`));
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(STACK_LINE);
  });

  it('refuses missing files, bad baselines, unwritable outputs and misplaced flags', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orrery-load-bad-'));
    const cases = [
      [['load', join(dir, 'absent.json')], 'absent.json: no such file'],
      [['load', PASS, '--baseline', join(dir, 'none.json')], '--baseline '],
      [['load', PASS, '--baseline', 'examples/echo-50x100.load.json'], 'expected a baseline with schema "orrery.load-baseline/1"'],
      [['load', PASS, '--summary-export', join(PASS, 'out.json')], '--summary-export'],
      [['load', PASS, '--html', dir], '--html'],
      [['load', PASS, '--chaos', join(dir, 'absent.json')], 'absent.json: no such file'],
      [['load', PASS, '--report', 'r.json'], 'load: --report belongs to experiment and swarm'],
      [['experiment', 'examples/echo-soak.experiment.json', '--sim'], '--sim belongs to load'],
    ] as const;
    for (const [argv, message] of cases) {
      const r = await cli([...argv]);
      expect(r.code, argv.join(' ')).toBe(EXIT.badInput);
      expect(r.out).toBe('');
      expect(r.err).toContain(message);
      expect(r.err).not.toMatch(STACK_LINE);
    }
  });
});

describe('orrery load as a process', () => {
  const run = (...argv: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile('npx', ['tsx', 'src/cli/bin.ts', ...argv], { timeout: 90_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      });
    });

  it('exits 99 on a failed threshold with the summary on stdout and progress only on stderr; help documents 99', async () => {
    const [failed, help] = await Promise.all([run('load', FAIL, '--sim'), run('help')]);
    expect(failed.code).toBe(99);
    expect(failed.stdout).toMatch(/█ THRESHOLDS[\s\S]*✗ 'count>1000000'[\s\S]*█ RESULT: ✗ failed/);
    expect(failed.stderr).not.toMatch(/█/);
    expect(help.stdout).toMatch(/\n {2}99 thresholds failed \(k6's code\): load/);
  }, 120_000);

  it('Ctrl-C (a real SIGINT) stops a live run gracefully: the summary still on stdout, exit by the verdict', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'load', LONG], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      const first = !stderr.includes('load: ');
      stderr += chunk.toString();
      if (first && stderr.includes('load: ')) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toMatch(/^load: \d+% after/m);
    expect(stderr).toContain('load: stopping');
    expect(stdout).toContain('stopped by Ctrl-C (stop)');
    expect(stdout).toMatch(/█ RESULT: ✓ passed/);
    expect(code).toBe(EXIT.pass);
  }, 120_000);
});
