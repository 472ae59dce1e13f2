/**
 * `orrery replay` as CI uses it, with the real wasm agents: record a simulated chaos
 * experiment (--record), replay it unchanged (exit 0, exact), against a workspace where one
 * agent is another kind (exit 1, the first divergence printed), and refuse broken files
 * with their ORR5xx code (exit 2, no stack trace).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltAgents } from '../hosts/node/requireBuiltAgents';
import { encodeRecording, readRecording } from '../workspace/recording';
import { EXIT } from './main';
import { cli } from './captureCli';

requireBuiltAgents();

const SOAK = 'examples/echo-soak.experiment.json';

const dir = mkdtempSync(join(tmpdir(), 'orrery-replay-'));
const rec = join(dir, 'soak.orrery-rec');

function workspaceWith(kinds: Record<string, string>): string {
  const file = join(dir, `ws-${Object.values(kinds).join('-')}.orrery.json`);
  const nodes = [{ type: 'client', name: 'load' }, ...Object.entries(kinds).map(([name, kind]) => ({ type: 'agent', name, kind }))];
  writeFileSync(
    file,
    JSON.stringify({ orrery: 'workspace', version: 2, name: 'changed', nodes, links: [], modules: [], composerHistory: [] }),
  );
  return file;
}

describe('orrery replay', () => {
  let recordedHash = '';

  beforeAll(async () => {
    const run = await cli('experiment', SOAK, '--record', rec);
    expect(run.code).toBe(EXIT.pass);
    expect(run.text).toMatch(new RegExp(`recording: ${rec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ inputs, \\d+ events\\)`));
    recordedHash = /log hash: ([0-9a-f]{64})/.exec(run.text)![1]!;
  });

  it('replays an unchanged system exactly: no divergence, the same log hash, exit 0', async () => {
    const json = join(dir, 'same.json');
    const junit = join(dir, 'same.xml');
    const { code, text } = await cli('replay', rec, '--json', json, '--junit', junit);
    expect(text).toContain('verdict: the replay matches the recording exactly (same log hash)');
    expect(text).toContain(`log hash: ${recordedHash} (recorded ${recordedHash})`);
    expect(code).toBe(EXIT.pass);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { diverged: boolean; exact: boolean; conversations: { recorded: number } };
    expect(report).toMatchObject({ diverged: false, exact: true });
    expect(report.conversations.recorded).toBeGreaterThan(100);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain(`<testsuites name="orrery replay" tests="${report.conversations.recorded}" failures="0"`);
  });

  it('finds the first divergence when an agent is now another kind: exit 1, conversation, message, field, both values', async () => {
    const junit = join(dir, 'changed.xml');
    const { code, text } = await cli(
      'replay',
      rec,
      '--against',
      workspaceWith({ echo1: 'echo', echo2: 'counter', echo3: 'echo' }),
      '--junit',
      junit,
    );
    expect(text).toContain('echo2: recorded echo, now counter');
    // The first request routed to echo2 is answered by a counter that does not understand it.
    expect(text).toMatch(/first divergence: conversation load#\d+, message 2\n/);
    expect(text).toContain('field performative: recorded "inform", replayed "not-understood"');
    expect(text).toMatch(/ {2}recorded: inform echo2 → load at [\d.]+ s: /);
    expect(text).toMatch(/ {2}replayed: not-understood echo2 → load at [\d.]+ s: /);
    expect(text).toMatch(/verdict: DIVERGED: \d+ of \d+ conversations differ/);
    expect(code).toBe(EXIT.fail);
    expect(readFileSync(junit, 'utf8')).toMatch(/<failure message="conversation load#\d+, message 2: field /);
  });

  it('compares under the rules: ignoring what the changed agent changes, nothing diverges; a broken rules file is invalid input', async () => {
    const rules = join(dir, 'rules.json');
    writeFileSync(rules, JSON.stringify({ ignore: ['performative', 'content'] }));
    const against = workspaceWith({ echo1: 'echo', echo2: 'counter', echo3: 'echo' });
    const { code, text } = await cli('replay', rec, '--against', against, '--rules', rules, '--quiet');
    expect(text).toBe(
      'verdict: the replay matches the recording under the matching rules (the log differs elsewhere: a different log hash)',
    );
    expect(code).toBe(EXIT.pass);
    writeFileSync(rules, JSON.stringify({ ignore: 'content.seq' }));
    const bad = await cli('replay', rec, '--rules', rules);
    expect(bad.code).toBe(EXIT.badInput);
    expect(bad.err).toContain('"ignore": expected a list of field paths');
  });

  it('refuses a truncated recording: ORR503 on stderr, exit 2, no stack trace', async () => {
    const bytes = readFileSync(rec);
    const cut = join(dir, 'cut.orrery-rec');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const { code, text, err } = await cli('replay', cut);
    expect(code).toBe(EXIT.badInput);
    expect(err).toMatch(/^.*cut\.orrery-rec: ORR503: /);
    expect(err).not.toMatch(/\n\s+at /);
    expect(text).toBe('');
  });

  it('refuses a foreign file: ORR501, exit 2', async () => {
    const { code, err } = await cli('replay', SOAK);
    expect(code).toBe(EXIT.badInput);
    expect(err).toContain('ORR501: a JSON file (a workspace or an experiment?), not a recording');
  });

  it('refuses a workspace that is not one, and a recorded kind nobody provides (ORR507)', async () => {
    const notWorkspace = await cli('replay', rec, '--against', SOAK);
    expect(notWorkspace.code).toBe(EXIT.badInput);
    expect(notWorkspace.err).toMatch(/--against .*not a valid workspace:\n {2}ORR2\d\d/);
    const recording = await readRecording(readFileSync(rec));
    const tape = recording.tape.map((e) =>
      e.input.type === 'agent.deploy' && e.input.spec.name === 'echo2'
        ? { ...e, input: { ...e.input, spec: { ...e.input.spec, kind: 'ghost' } } }
        : e,
    );
    const ghost = join(dir, 'ghost.orrery-rec');
    writeFileSync(ghost, await encodeRecording({ ...recording, tape }));
    const missing = await cli('replay', ghost);
    expect(missing.code).toBe(EXIT.badInput);
    expect(missing.err).toMatch(/^ORR507: recording "echo soak: drop, duplicate, kill" deploys "ghost"/);
  });

  it('records a simulated load run with load --sim --record, and it replays exactly', async () => {
    const loadRec = join(dir, 'load.orrery-rec');
    const recorded = await cli('load', 'src/cli/fixtures/load/pass.load.json', '--sim', '--record', loadRec, '--quiet');
    expect(recorded.code).toBe(EXIT.pass);
    const { code, text } = await cli('replay', loadRec, '--quiet');
    expect(text).toBe('verdict: the replay matches the recording exactly (same log hash)');
    expect(code).toBe(EXIT.pass);
  });

  it('runs a custom kind from the module bytes the recording carries', async () => {
    const bytes = new Uint8Array(readFileSync('public/agents/echo.wasm'));
    const hash = createHash('sha256').update(bytes).digest('hex');
    const kind = `custom:${hash}`;
    const recording = await readRecording(readFileSync(rec));
    const tape = recording.tape.map((e) =>
      e.input.type === 'agent.deploy' && e.input.spec.name === 'echo2'
        ? { ...e, input: { ...e.input, spec: { ...e.input.spec, kind } } }
        : e,
    );
    const modules = [...recording.header.modules, { kind, hash, label: 'my echo', builtin: false, bytes }];
    const custom = join(dir, 'custom.orrery-rec');
    writeFileSync(custom, await encodeRecording({ header: { ...recording.header, modules }, tape }));
    const { code, text } = await cli('replay', custom, '--quiet');
    // The same behaviour under another kind name: the conversations match, the log (which names kinds) does not.
    expect(text).toBe(
      'verdict: the replay matches the recording under the matching rules (the log differs elsewhere: a different log hash)',
    );
    expect(code).toBe(EXIT.pass);
  });
});
