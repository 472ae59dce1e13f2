import { describe, expect, it } from 'vitest';
import { importJadeLog } from '../../../experiments/interop';
import { createPlayer } from '../../../experiments/replay/player';
import type { AclMessage } from '../../../protocol/message';
import type { LogRow } from '../../store/types';
import { conversationIds, jadeExport, jadeFileName } from './jadeExport';

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
    expect(sent.map((e) => [e.message.performative, e.message.sender, e.message.content, e.t])).toEqual([
      ['request', 'you', { n: 1 }, 0],
      ['inform', 'echo-1', { n: 2 }, 100],
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
});
