/**
 * `orrery replay --stand-in` with the real wasm agents: a stand-in in replay mode on an
 * unchanged recording answers everything (exit 0, no divergence); asked a message the
 * recording never answered it prints ORR510 (closest recorded, differing field) and asked
 * more often than recorded ORR511, on stderr, exit 1; passthrough lets the real agent answer;
 * an unknown agent is invalid input naming the recorded ones.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltAgents } from '../hosts/node/requireBuiltAgents';
import { encodeRecording, readRecording } from '../workspace/recording';
import { finishRecording } from '../experiments/replay/finishRecording';
import type { TapeEntry } from '../experiments/replay/types';
import { EXIT } from './main';
import { cli } from './captureCli';

requireBuiltAgents();

const dir = mkdtempSync(join(tmpdir(), 'orrery-stand-in-'));
const rec = join(dir, 'lossy.orrery-rec');
/** The same recording with two more requests at its end, which the recorded echo never answered. */
const asked = join(dir, 'asked.orrery-rec');

const request = (t: number, seq: number): TapeEntry => ({
  t,
  input: {
    type: 'message.send',
    from: 'load',
    message: { performative: 'request', receiver: 'echo', content: { seq }, reply_with: `load#x${seq}`, conversation_id: `load#x${seq}` },
  },
});

beforeAll(async () => {
  expect((await cli('experiment', 'src/cli/fixtures/shrink/lossy.experiment.json', '--record', rec, '--quiet')).code).toBe(EXIT.fail);
  const recording = await readRecording(readFileSync(rec));
  const end = recording.tape.at(-1)!.t;
  // seq 999 was never sent; seq 1 was, and answered once (before the loss).
  const tape = [...recording.tape, request(end + 10, 999), request(end + 20, 1), { t: end + 500, input: { type: 'tick' as const } }];
  writeFileSync(asked, await encodeRecording(finishRecording({ ...recording.header, tape })));
});

describe('orrery replay --stand-in', () => {
  it('replay mode on the unchanged recording: every message answered from the recording, no divergence, exit 0', async () => {
    const { code, text, err } = await cli('replay', rec, '--stand-in', 'echo');
    expect(text).toContain('echo (stand-in, replay): 0 unanswered, 0 recorded answers unused');
    expect(text).toContain('verdict: the replay matches the recording under the matching rules');
    expect(err).toBe('');
    expect(code).toBe(EXIT.pass);
  });

  it('a message it never saw: ORR510 with the closest recorded one and the differing field; asked twice: ORR511; exit 1', async () => {
    const json = join(dir, 'asked.json');
    const junit = join(dir, 'asked.xml');
    const { code, err } = await cli('replay', asked, '--stand-in', 'echo=replay', '--quiet', '--json', json, '--junit', junit);
    expect(err).toMatch(
      /^ORR510: .*stand-in for echo: no recorded answer for request from load; closest recorded: request from load .*differing in content\.seq \(recorded \d+, got 999\)/m,
    );
    expect(err).toMatch(/^ORR511: .*stand-in for echo: request from load was answered as often as recorded already/m);
    expect(code).toBe(EXIT.fail);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { standIns: { label: string; misses: string[]; unused: number }[] };
    expect(report.standIns).toEqual([
      { label: 'echo (stand-in, replay)', misses: [expect.stringMatching(/^ORR510: /), expect.stringMatching(/^ORR511: /)], unused: 0 },
    ]);
    expect(readFileSync(junit, 'utf8')).toMatch(/<testcase name="stand-in echo \(stand-in, replay\)"[^>]*>\s*<failure message="ORR510: /);
  });

  it('passthrough: the real echo answers what the recording cannot, nothing on stderr', async () => {
    const { err, text } = await cli('replay', asked, '--stand-in', 'echo=passthrough');
    expect(text).toContain('echo (stand-in, passthrough): 0 unanswered');
    expect(err).toBe('');
  });

  it('refuses an agent the recording does not have, naming the ones it has: exit 2', async () => {
    const { code, err } = await cli('replay', rec, '--stand-in', 'echo2');
    expect(err).toBe('--stand-in echo2: the recording has no agent "echo2"; its agents: echo');
    expect(code).toBe(EXIT.badInput);
  });
});
