import { describe, expect, it } from 'vitest';
import { importJadeLog } from '../../../experiments/interop';
import { createPlayer } from '../../../experiments/replay/player';
import type { AclMessage } from '../../../protocol/message';
import type { LogRow } from '../../store/types';
import { conversationIds, jadeExport, jadeFileName, kernelEpoch } from './jadeExport';

let n = 0;
function row(
  sender: string,
  receiver: string,
  performative: string,
  conversation_id?: string,
  outcome: LogRow['outcome'] = 'delivered',
): LogRow {
  n++;
  const message: AclMessage = {
    id: `m${n}`,
    performative: performative as AclMessage['performative'],
    sender,
    receiver,
    content: { n },
    sent_at: n * 100,
    ...(conversation_id ? { conversation_id } : {}),
  };
  return { key: message.id, seq: n, t: n * 100, performative, sender, receiver, content: '', outcome, message };
}

const ROWS = [
  row('you', 'echo-1', 'request', 'c-1'),
  row('echo-1', 'you', 'inform', 'c-1'),
  row('you', 'counter-1', 'request', 'c-2'),
  row('kernel', 'you', 'failure', 'c-2', 'failed'),
  row('you', 'echo-1', 'inform'),
];

describe('jadeExport', () => {
  it('writes the selected conversation as JADE does, and importJadeLog reads back the same messages', () => {
    const out = jadeExport(ROWS, { conversationId: 'c-1', timeOrigin: Date.UTC(2026, 11, 6) });
    expect(out.fileName).toBe('c-1.acl.log');
    expect(out.count).toBe(2);
    expect(out.text).toContain('2026-12-06T00:00:00.100Z\n(REQUEST\n :sender (agent-identifier :name you)');
    expect(out.text).toContain(':receiver (set (agent-identifier :name echo-1))');
    expect(out.text).toContain(':conversation-id c-1');
    expect(out.text).not.toContain('counter-1');

    const { recording } = importJadeLog(out.text);
    const player = createPlayer(recording);
    const sent = player.eventsBetween(player.first, player.last).flatMap((e) => (e.type === 'message.sent' ? [e] : []));
    expect(sent.map((e) => [e.message.performative, e.message.sender, e.message.content, e.t - Date.UTC(2026, 11, 6)])).toEqual([
      ['request', 'you', { n: 1 }, 100],
      ['inform', 'echo-1', { n: 2 }, 200],
    ]);
  });

  it('without a conversation writes every message the sniffed lanes show, the kernel’s failures left out', () => {
    const all = jadeExport(ROWS);
    expect(all.fileName).toBe('messages.acl.log');
    expect(all.count).toBe(4);
    expect(all.text.match(/^\(/gm)).toHaveLength(4);
    const sniffed = jadeExport(ROWS, { hidden: new Set(['counter-1']) });
    expect(sniffed.count).toBe(3);
    expect(sniffed.text).not.toContain('counter-1');
    expect(jadeExport([], {}).count).toBe(0);
  });

  it('lists conversations in order and makes safe file names', () => {
    expect(conversationIds(ROWS)).toEqual(['c-1', 'c-2']);
    expect(jadeFileName('order #7/a')).toBe('order-7-a.acl.log');
    expect(jadeFileName('../..')).toBe('messages.acl.log');
  });

  it('dates messages exactly: live kernel time is epoch ms, a simulation counts from its recording', () => {
    const sentAt = Date.UTC(2026, 11, 6, 18, 30, 0, 123);
    const live = [{ ...ROWS[0]!, t: sentAt, message: { ...ROWS[0]!.message!, sent_at: sentAt } }];
    // The live kernel (nothing open) and live recordings, JADE imports included: the message's own time is its date
    for (const header of [undefined, { clockMode: 'live' as const, createdAt: '2020-01-01T00:00:00.000Z' }]) {
      const text = jadeExport(live, { conversationId: 'c-1', timeOrigin: kernelEpoch(header) }).text;
      expect(text.split('\n')[0]).toBe('2026-12-06T18:30:00.123Z');
    }
    expect(kernelEpoch({ clockMode: 'simulation', createdAt: '2026-12-06T00:00:00.000Z' })).toBe(Date.UTC(2026, 11, 6));
    expect(kernelEpoch({ clockMode: 'simulation', createdAt: 'not a date' })).toBe(0);
  });
});
