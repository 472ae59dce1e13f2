import { describe, expect, it } from 'vitest';
import type { AclMessage } from '../../../protocol/message';
import type { LogOutcome, LogRow } from '../../store/types';
import { conversationStyle } from './conversationStyle';
import { laneNames, layoutSequence } from './layoutSequence';

let n = 0;
function row(
  sender: string,
  receiver: string | string[],
  performative = 'request',
  extra: Partial<AclMessage> = {},
  outcome: LogOutcome = 'delivered',
  reason?: string,
): LogRow {
  const message: AclMessage = {
    id: `m${++n}`,
    performative: performative as AclMessage['performative'],
    sender,
    receiver,
    content: null,
    sent_at: n,
    ...extra,
  };
  return {
    key: message.id,
    seq: n,
    t: n,
    performative,
    sender,
    receiver: Array.isArray(receiver) ? receiver.join(', ') : receiver,
    content: '',
    outcome,
    message,
    ...(reason ? { reason } : {}),
  };
}

describe('layoutSequence', () => {
  it('gives one lane per party: you first, agents in order, others, kernel last', () => {
    const rows = [
      row('you', 'echo-1'),
      row('echo-1', 'you', 'inform'),
      row('you', 'ghost', 'request', {}, 'failed', 'unknown-receiver'),
      row('kernel', 'you', 'failure'),
    ];
    expect(laneNames(rows, ['echo-1', 'counter-1'])).toEqual(['you', 'echo-1', 'counter-1', 'ghost', 'kernel']);
    const layout = layoutSequence(rows, { agents: ['echo-1', 'counter-1'], laneWidth: 100, stepHeight: 20 });
    expect(layout.lanes.map((l) => [l.name, l.kind, l.x])).toEqual([
      ['you', 'console', 50],
      ['echo-1', 'agent', 150],
      ['counter-1', 'agent', 250],
      ['ghost', 'other', 350],
      ['kernel', 'kernel', 450],
    ]);
    const [req, reply, failed, failure] = layout.arrows;
    expect(req).toMatchObject({ from: 'you', to: 'echo-1', x1: 50, x2: 150, y: 10, performative: 'request', failed: false });
    expect(reply).toMatchObject({ from: 'echo-1', to: 'you', x1: 150, x2: 50, y: 30 });
    expect(failed).toMatchObject({ to: 'ghost', failed: true, reason: 'unknown-receiver' });
    expect(failed!.title).toContain('failed: unknown-receiver');
    expect(failure).toMatchObject({ from: 'kernel', performative: 'failure' });
    expect(layout.height).toBe(10 + 4 * 20 + 10);
  });

  it('lays out only the visible window of 10k messages', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => row(i % 2 ? 'echo-1' : 'you', i % 2 ? 'you' : 'echo-1'));
    const layout = layoutSequence(rows, { start: 5_000, count: 30, stepHeight: 10, top: 0 });
    expect(layout.steps).toBe(10_000);
    expect(layout.arrows).toHaveLength(30);
    expect(layout.arrows[0]!.step).toBe(5_000);
    expect(layout.arrows[0]!.y).toBe(50_000);
    expect(layout.height).toBe(100_005);
  });

  it('one arrow per receiver of a list, a loop for a self-send', () => {
    const layout = layoutSequence([row('you', ['a', 'b']), row('a', 'a', 'inform')]);
    expect(layout.arrows.map((a) => `${a.from}>${a.to}`)).toEqual(['you>a', 'you>b', 'a>a']);
    expect(layout.arrows[0]!.y).toBe(layout.arrows[1]!.y);
    expect(layout.arrows[2]!.self).toBe(true);
  });

  it('hides unsniffed lanes and the messages that only touch them', () => {
    const rows = [row('you', 'echo-1'), row('echo-1', 'you', 'inform'), row('you', 'counter-1'), row('you', ['echo-1', 'counter-1'])];
    const layout = layoutSequence(rows, { hidden: new Set(['counter-1']) });
    expect(layout.lanes.map((l) => l.name)).toEqual(['you', 'echo-1']);
    expect(layout.steps).toBe(3);
    expect(layout.arrows.map((a) => a.to)).toEqual(['echo-1', 'you', 'echo-1']);
    expect(layoutSequence(rows, { hidden: new Set(['you']) }).arrows).toHaveLength(0);
  });

  it('colours conversations stably, with a label and a pattern besides the colour', () => {
    const a = conversationStyle('order-17');
    expect(conversationStyle('order-17')).toEqual(a);
    expect(a.label).toBe('order-17');
    expect(a.colour).toBeGreaterThanOrEqual(0);
    const rows = [row('you', 'x', 'request', { conversation_id: 'order-17' }), row('you', 'x', 'request', { conversation_id: 'other' })];
    const first = layoutSequence(rows).arrows[0]!;
    const alone = layoutSequence(rows.slice(0, 1)).arrows[0]!;
    expect(first.style).toEqual(alone.style);
    expect(first.title).toContain('conversation order-17');
    expect(conversationStyle(undefined).colour).toBe(-1);
    // Ids spread over the palette.
    const colours = new Set(Array.from({ length: 64 }, (_, i) => conversationStyle(`c-${i}`).colour));
    expect(colours.size).toBeGreaterThan(5);
  });
});
