import { describe, expect, it } from 'vitest';
import type { EventBody, KernelEvent } from '../../../kernel/types';
import type { AclMessage } from '../../../protocol/message';
import { initialData } from '../../store/createWorkbenchStore';
import { reduceEvents } from '../../store/reduceEvents';
import { fateOf, rowOf } from './messageFate';

const message = (id: string, receiver: string): AclMessage => ({
  id,
  performative: 'request',
  sender: 'you',
  receiver,
  content: {},
  sent_at: 0,
});

function logAfter(bodies: EventBody[]) {
  const events = bodies.map((body, seq) => ({ ...body, seq, t: seq }) as KernelEvent);
  const data = initialData();
  return { ...data, ...reduceEvents(data, events) };
}

describe('the fate of a sent message', () => {
  it('is on its way until the log says otherwise, then delivered', () => {
    expect(fateOf(rowOf(logAfter([]), 'm1'))).toEqual({ state: 'on-its-way' });
    expect(fateOf(rowOf(logAfter([{ type: 'message.sent', message: message('m1', 'echo-1') }]), 'm1'))).toEqual({ state: 'on-its-way' });
    const delivered = logAfter([
      { type: 'message.sent', message: message('m1', 'echo-1') },
      { type: 'message.delivered', messageId: 'm1', to: 'echo-1' },
    ]);
    expect(fateOf(rowOf(delivered, 'm1'))).toEqual({ state: 'delivered', to: 'echo-1' });
  });

  it('says why it was not delivered, and whether it sits in Dead letters', () => {
    const m = message('m2', 'nobody');
    const dead = logAfter([
      { type: 'message.sent', message: m },
      { type: 'message.dead-lettered', message: m, to: 'nobody', reason: 'unknown-receiver', detail: 'no agent named "nobody"' },
    ]);
    const fate = fateOf(rowOf(dead, 'm2'));
    expect(fate).toMatchObject({ state: 'not-delivered', to: 'nobody', deadLettered: true });
    expect(fate.state === 'not-delivered' && fate.reason).toMatch(/^unknown-receiver/);
  });
});
