import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../experiments/replay/conversations';
import { diffConversations } from '../../../experiments/replay/diff';
import { DEFAULT_MATCH_RULES } from '../../../experiments/replay/match';
import type { ReplayReport } from '../../../experiments/replay/replayRecording';
import type { AclMessage } from '../../../protocol/message';
import { pairedId, reportView, sideBySide } from './divergenceView';

const msg = (seq: number, performative: AclMessage['performative'], sender: string, receiver: string, content: unknown) => ({
  seq,
  t: seq * 10,
  message: { id: `m${seq}`, performative, sender, receiver, content, sent_at: seq } as AclMessage,
});

const conv = (id: string, ...messages: ReturnType<typeof msg>[]): Conversation => ({ id, messages });

function report(recorded: Conversation[], replayed: Conversation[], exact = false): ReplayReport {
  const divergences = diffConversations(recorded, replayed, DEFAULT_MATCH_RULES);
  const first = divergences.find((d) => d.first);
  return { divergences, recorded, replayed, exact, logHash: 'h', refused: [], ...(first ? { first } : {}) };
}

const recorded = [
  conv('c1', msg(1, 'request', 'you', 'counter-1', { action: 'increment' }), msg(2, 'inform', 'counter-1', 'you', { count: 1 })),
  conv('c2', msg(3, 'request', 'you', 'counter-1', { action: 'increment' }), msg(4, 'inform', 'counter-1', 'you', { count: 2 })),
];

describe('replay report view', () => {
  it('says there are no divergences, and whether the log is exactly the same', () => {
    const same = [
      conv('c1', msg(11, 'request', 'you', 'counter-1', { action: 'increment' }), msg(12, 'inform', 'counter-1', 'you', { count: 1 })),
      recorded[1]!,
    ];
    const view = reportView(report(recorded, same, true));
    expect(view.ok).toBe(true);
    expect(view.rows).toEqual([]);
    expect(view.verdict).toBe('No divergences: 2 conversations, 4 messages matched. The log is the same to the byte (same log hash).');
  });

  it('lists divergences with the first one leading and marked, jumping to its recorded event', () => {
    const changed = [
      recorded[0]!,
      conv('c2', msg(13, 'request', 'you', 'counter-1', { action: 'increment' }), msg(14, 'inform', 'counter-1', 'you', { count: 20 })),
      conv('c3', msg(15, 'inform', 'counter-1', 'you', { extra: true })),
    ];
    const view = reportView(report(recorded, changed));
    expect(view.ok).toBe(false);
    expect(view.verdict).toBe('2 divergences in 2 conversations.');
    expect(view.rows[0]).toMatchObject({ first: true, conversation: 'c2', seq: 4 });
    expect(view.rows[0]!.text).toContain('content.count: recorded 2, replayed 20');
    expect(view.rows.filter((r) => r.first)).toHaveLength(1);
    expect(view.rows[1]).toMatchObject({ conversation: 'c3' });
    expect(view.rows[1]).not.toHaveProperty('seq');
    expect(view.focus).toBe('c2');
  });

  it('shows one conversation side by side, marking the messages that differ', () => {
    const changed = [recorded[0]!, conv('c2', msg(13, 'request', 'you', 'counter-1', { action: 'increment' }))];
    const rows = sideBySide(report(recorded, changed), 'c2');
    expect(rows).toEqual([
      {
        index: 0,
        differs: false,
        recorded: 'request you → counter-1 {"action":"increment"}',
        replayed: 'request you → counter-1 {"action":"increment"}',
      },
      { index: 1, differs: true, recorded: 'inform counter-1 → you {"count":2}' },
    ]);
  });

  it('pairs conversations as the diff does: by id, else in order', () => {
    const replayed = [conv('x9', msg(21, 'request', 'you', 'a', {})), conv('c2', msg(22, 'request', 'you', 'a', {}))];
    expect(pairedId({ recorded, replayed }, 'c2')).toBe('c2');
    expect(pairedId({ recorded, replayed }, 'c1')).toBe('x9');
    expect(pairedId({ recorded, replayed: [] }, 'c1')).toBeUndefined();
  });
});
