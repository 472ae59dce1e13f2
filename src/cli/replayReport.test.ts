import { describe, expect, it } from 'vitest';
import type { Conversation, ConversationMessage } from '../experiments/replay/conversations';
import { DEFAULT_MATCH_RULES } from '../experiments/replay/match';
import type { ReplayReport } from '../experiments/replay/replayRecording';
import { syntheticRecording } from '../workspace/recording/syntheticRecording';
import { divergenceLines, quietReplay, renderReplay, replayJson, replayJUnit, verdictLine, type ReplayRun } from './replayReport';

const message = (seq: number, performative: string, content: unknown): ConversationMessage =>
  ({
    seq,
    t: seq * 10,
    message: { id: `m${seq}`, performative, sender: 'echo2', receiver: 'load', content, sent_at: seq * 10 },
  }) as ConversationMessage;

const recorded: Conversation[] = [
  { id: 'c1', messages: [message(1, 'request', {}), message(2, 'inform', { seq: 1 })] },
  { id: 'c2', messages: [message(3, 'request', {}), message(4, 'inform', { seq: 2 })] },
];

function run(report: Partial<ReplayReport>): ReplayRun {
  return {
    file: 'a.orrery-rec',
    recording: syntheticRecording(3),
    inputs: [],
    agents: { replaced: [{ agent: 'echo2', recorded: 'echo', now: 'counter' }] },
    rules: DEFAULT_MATCH_RULES,
    wallMs: 1500,
    report: { divergences: [], recorded, replayed: recorded, exact: true, logHash: 'f'.repeat(64), refused: [], ...report },
  };
}

const diverged = run({
  exact: false,
  divergences: [
    {
      conversation: 'c2',
      index: 1,
      kind: 'field',
      fields: [{ field: 'content.seq', recorded: 2, replayed: undefined }],
      recorded: message(4, 'inform', { seq: 2 }),
      replayed: message(4, 'failure', {}),
      first: true,
    },
    { conversation: 'x9', index: 0, kind: 'extra', fields: [], replayed: message(9, 'inform', {}) },
  ],
});
diverged.report.first = diverged.report.divergences[0]!;

describe('replay report', () => {
  it('says where it first diverged: conversation, message, field, both values and both messages', () => {
    expect(divergenceLines(diverged.report.first!)).toEqual([
      'conversation c2, message 2',
      '  field content.seq: recorded 2, replayed (absent)',
      '  recorded: inform echo2 → load at 0.040 s: {"seq":2}',
      '  replayed: failure echo2 → load at 0.040 s: {}',
    ]);
    expect(divergenceLines(diverged.report.divergences[1]!)[1]).toBe('  replayed, but not recorded');
  });

  it('gives a verdict for a divergence, an exact replay and a match under the rules', () => {
    expect(verdictLine(diverged.report)).toBe('verdict: DIVERGED: 2 of 2 conversations differ (2 divergences)');
    expect(verdictLine(run({}).report)).toBe('verdict: the replay matches the recording exactly (same log hash)');
    expect(verdictLine(run({ exact: false }).report)).toMatch(/matches the recording under the matching rules/);
    expect(quietReplay(diverged.report)).toBe(`${verdictLine(diverged.report)}\nfirst divergence: conversation c2, message 2`);
  });

  it('prints the agents that changed and the first divergence', () => {
    const text = renderReplay(diverged);
    expect(text).toContain('  echo2: recorded echo, now counter');
    expect(text).toContain('first divergence: conversation c2, message 2\n  field content.seq');
  });

  it('writes one JUnit case per conversation, failing the diverged ones (and one only the replay has)', () => {
    const xml = replayJUnit(diverged);
    expect(xml).toContain('<testsuites name="orrery replay" tests="3" failures="2"');
    expect(xml).toContain('<testcase name="conversation c1" classname="replay.synthetic 3"/>');
    expect(xml).toMatch(
      /<testcase name="conversation c2"[^>]*>\n {6}<failure message="conversation c2, message 2: field content.seq: recorded 2, replayed \(absent\)" type="divergence">/,
    );
    expect(xml).toContain('<testcase name="conversation x9"');
  });

  it('writes the JSON report with the verdict and counts', () => {
    expect(replayJson(diverged)).toMatchObject({
      diverged: true,
      exact: false,
      conversations: { recorded: 2, replayed: 2, diverged: 2 },
      wallMs: 1500,
    });
  });
});
