/** Hand-made logs for tests of metrics and probes. */
import type { EventBody, KernelEvent } from '../../kernel/types';
import type { AclMessage } from '../../protocol/message';

/** A hand-made log: bodies stamped with seq and the given times. */
export function makeLog(entries: Array<[number, EventBody]>): KernelEvent[] {
  return entries.map(([t, body], seq) => ({ ...body, seq, t }) as KernelEvent);
}

export function msg(id: string, sender: string, receiver: string, extra: Partial<AclMessage> = {}): AclMessage {
  return { id, performative: 'request', sender, receiver, content: null, sent_at: 0, ...extra };
}

/** c sends r1 (answered at 10 by inform), r2 (kernel failure at 30), r3 (never answered), r4 (answered twice). */
export const requestLog = makeLog([
  [0, { type: 'node.added', node: 'c', kind: 'client' }],
  [0, { type: 'agent.status', agent: 'a', status: 'running' }],
  [1, { type: 'message.sent', message: msg('m1', 'c', 'a', { reply_with: 'r1' }) }],
  [1, { type: 'message.delivered', messageId: 'm1', to: 'a', link: 'l1' }],
  [11, { type: 'message.sent', message: msg('m2', 'a', 'c', { performative: 'inform', in_reply_to: 'r1' }) }],
  [11, { type: 'message.delivered', messageId: 'm2', to: 'c', link: 'l1' }],
  [11, { type: 'message.delivered', messageId: 'm2', to: 'c', link: 'l1' }],
  [20, { type: 'message.sent', message: msg('m3', 'c', 'a', { reply_with: 'r2' }) }],
  [25, { type: 'agent.crashed', agent: 'a', reason: 'trap', messageId: 'm3' }],
  [25, { type: 'agent.status', agent: 'a', status: 'restarting' }],
  [25, { type: 'message.failed', messageId: 'm3', to: 'a', reason: 'agent-crashed', link: 'l1' }],
  [25, { type: 'message.dead-lettered', message: msg('m3', 'c', 'a', { reply_with: 'r2' }), to: 'a', reason: 'agent-crashed' }],
  [
    30,
    {
      type: 'message.sent',
      message: msg('m4', 'kernel', 'c', { performative: 'failure', in_reply_to: 'r2', content: { reason: 'agent-crashed' } }),
    },
  ],
  [30, { type: 'message.delivered', messageId: 'm4', to: 'c' }],
  [31, { type: 'agent.restarted', agent: 'a', instance: 2 }],
  [31, { type: 'agent.status', agent: 'a', status: 'running' }],
  [40, { type: 'message.sent', message: msg('m5', 'c', 'a', { reply_with: 'r3' }) }],
  [50, { type: 'message.sent', message: msg('m6', 'c', 'a', { reply_with: 'r4' }) }],
  [
    60,
    {
      type: 'message.sent',
      message: msg('m7', 'kernel', 'c', { performative: 'failure', in_reply_to: 'r4', content: { reason: 'timeout' } }),
    },
  ],
  [60, { type: 'message.delivered', messageId: 'm7', to: 'c' }],
  [70, { type: 'message.sent', message: msg('m8', 'a', 'c', { performative: 'inform', in_reply_to: 'r4' }) }],
  [70, { type: 'message.delivered', messageId: 'm8', to: 'c', link: 'l1' }],
  [75, { type: 'chaos.injected', fault: 'f', kind: 'drop', link: 'l1' }],
]);
