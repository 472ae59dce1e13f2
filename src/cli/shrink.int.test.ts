/**
 * `orrery shrink` with the real wasm agents: a chaos run recorded with `experiment --record`
 * whose hypothesis fails under message loss shrinks to a few inputs that still fail (exit 0,
 * the written recording replays exactly); a passing run has nothing to shrink (exit 1); a
 * recording without a chaos experiment is invalid input (exit 2, naming the verb that makes one).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltAgents } from '../hosts/node/requireBuiltAgents';
import { readRecording } from '../workspace/recording';
import { EXIT } from './main';
import { cli } from './captureCli';

requireBuiltAgents();

const dir = mkdtempSync(join(tmpdir(), 'orrery-shrink-'));
const lossy = join(dir, 'lossy.orrery-rec');
const lossless = join(dir, 'lossless.orrery-rec');

beforeAll(async () => {
  expect((await cli('experiment', 'src/cli/fixtures/shrink/lossy.experiment.json', '--record', lossy, '--quiet')).code).toBe(EXIT.fail);
  expect((await cli('experiment', 'src/cli/fixtures/shrink/lossless.experiment.json', '--record', lossless, '--quiet')).code).toBe(
    EXIT.pass,
  );
});

describe('orrery shrink', () => {
  it('shrinks a failing chaos recording to fewer inputs that still fail; the written recording replays exactly', async () => {
    const min = join(dir, 'min.orrery-rec');
    const json = join(dir, 'shrink.json');
    const { code, text, err } = await cli('shrink', lossy, '--out', min, '--json', json);
    expect(code).toBe(EXIT.pass);
    const [, from, to] = /shrunk: (\d+) → (\d+) messages and faults in \d+ runs \(seed 3\)/.exec(text) ?? [];
    expect(Number(from)).toBeGreaterThan(15);
    expect(Number(to)).toBeLessThanOrEqual(3);
    expect(text).toMatch(/minimal inputs \(\d\):\n(.*\n)*? {2}at [\d.]+ s {2}fault drop on link load--echo \(p 0\.5\)/);
    expect(text).toMatch(/ {2}at [\d.]+ s {2}message request load → echo: \{"seq":\d+\}/);
    expect(text).toMatch(/fails \(\d\):\n {2}during:loss \/ success-rate: /);
    expect(err).toMatch(/^shrink: run 1: \d+ of \d+ messages and faults: still fails$/m);
    expect(err).toMatch(/: passes$/m);
    const result = JSON.parse(readFileSync(json, 'utf8')) as { shrunk: boolean; from: number; to: number; inputs: unknown[] };
    expect(result).toMatchObject({ shrunk: true, from: Number(from), to: Number(to) });
    expect(result.inputs).toHaveLength(Number(to));
    const shrunk = await readRecording(readFileSync(min));
    const original = await readRecording(readFileSync(lossy));
    const sends = (r: typeof shrunk) => r.tape.filter((e) => e.input.type === 'message.send').length;
    expect(sends(shrunk)).toBeLessThan(sends(original));
    const replayed = await cli('replay', min, '--quiet');
    expect(replayed.text).toBe('verdict: the replay matches the recording exactly (same log hash)');
    expect(replayed.code).toBe(EXIT.pass);
    // The shrunk recording still fails: shrinking it again finds it already minimal.
    const again = await cli('shrink', min, '--quiet');
    expect(again.text).toMatch(/^already minimal: none of its \d messages and faults can go/);
    expect(again.code).toBe(EXIT.pass);
  });

  it('says there is nothing to shrink when the recorded run passes its hypothesis: exit 1', async () => {
    const { code, text } = await cli('shrink', lossless);
    expect(text).toContain('"lossless link" passes its hypothesis when run again (seed 3): nothing to shrink');
    expect(code).toBe(EXIT.fail);
  });

  it('refuses a recording without a chaos experiment (a load run), naming the verb that makes one: exit 2', async () => {
    const load = join(dir, 'load.orrery-rec');
    expect((await cli('load', 'src/cli/fixtures/load/pass.load.json', '--sim', '--record', load, '--quiet')).code).toBe(EXIT.pass);
    const { code, err } = await cli('shrink', load);
    expect(err).toContain('not a recording of a chaos experiment');
    expect(err).toContain('orrery experiment FILE --record REC');
    expect(code).toBe(EXIT.badInput);
  });
});
