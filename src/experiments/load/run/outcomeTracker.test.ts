import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../../kernel/types';
import type { AclMessage } from '../../../protocol/message';
import { classifyAnswer, OutcomeTracker, type PendingRequest } from './outcomeTracker';

const request = (over: Partial<PendingRequest> = {}): PendingRequest => ({
  replyWith: 's#0',
  scenario: 's',
  vu: 1,
  iter: 0,
  client: 'c',
  agent: 'echo',
  link: 'c--echo',
  sentAt: 100,
  deadline: 1000,
  thinkMs: 0,
  urgent: false,
  ...over,
});

let seq = 0;
const at = (t: number, body: Record<string, unknown>) => ({ ...body, seq: seq++, t }) as unknown as KernelEvent;
const message = (over: Partial<AclMessage>): AclMessage =>
  ({ id: `m${seq}`, performative: 'inform', sender: 'echo', receiver: 'c', content: {}, sent_at: 0, ...over }) as AclMessage;

/** An answer sent, then delivered to `to`. */
function answer(tracker: OutcomeTracker, t: number, m: AclMessage, to = 'c'): void {
  tracker.onEvent(at(t, { type: 'message.sent', message: m }));
  tracker.onEvent(at(t, { type: 'message.delivered', messageId: m.id, to }));
}

describe('classifyAnswer', () => {
  it.each([
    ['inform', undefined, undefined],
    ['agree', undefined, undefined],
    ['not-understood', undefined, 'not-understood'],
    ['refuse', undefined, 'failure'],
    ['failure', 'timeout', 'timeout'],
    ['failure', 'no-route', 'no-route'],
    ['failure', 'unknown-receiver', 'no-route'],
    ['failure', 'dropped', 'dropped'],
    ['failure', 'agent-crashed', 'failure'],
    ['failure', undefined, 'failure'],
  ])('%s (%s) → %s', (performative, reason, kind) => {
    expect(classifyAnswer({ performative: performative as AclMessage['performative'], content: reason ? { reason } : {} })).toBe(kind);
  });
});

describe('OutcomeTracker', () => {
  it('settles on the answer delivered to the client, with its latency; the answer to someone else does not count', () => {
    const tracker = new OutcomeTracker();
    tracker.track(request());
    expect(tracker.size()).toBe(1);
    expect(tracker.inFlight('echo')).toBe(1);
    answer(tracker, 110, message({ in_reply_to: 's#0', receiver: 'other' }), 'other');
    answer(tracker, 112, message({ in_reply_to: 's#1' }));
    expect(tracker.drain()).toEqual([]);
    answer(tracker, 115, message({ in_reply_to: 's#0' }));
    const [settled] = tracker.drain();
    expect(settled).toMatchObject({ outcome: { ok: true, latencyMs: 15 }, at: 115, request: { scenario: 's', vu: 1 } });
    expect(tracker.size()).toBe(0);
    expect(tracker.inFlight('echo')).toBe(0);
    answer(tracker, 120, message({ in_reply_to: 's#0' }));
    expect(tracker.drain()).toEqual([]);
  });

  it('a kernel timeout has no latency; a not-understood has one', () => {
    const tracker = new OutcomeTracker();
    tracker.track(request());
    tracker.track(request({ replyWith: 's#1', vu: 2 }));
    answer(tracker, 600, message({ sender: 'kernel', performative: 'failure', in_reply_to: 's#0', content: { reason: 'timeout' } }));
    answer(tracker, 130, message({ performative: 'not-understood', in_reply_to: 's#1' }));
    expect(tracker.drain().map((s) => s.outcome)).toEqual([
      { ok: false, kind: 'timeout' },
      { ok: false, kind: 'not-understood', latencyMs: 30 },
    ]);
  });

  it('dead letters: the request dropped by a fault; an answer lost on its way back; other reasons wait for the kernel’s failure', () => {
    const tracker = new OutcomeTracker();
    tracker.track(request());
    tracker.track(request({ replyWith: 's#1', vu: 2 }));
    tracker.track(request({ replyWith: 's#2', vu: 3 }));
    const own = (replyWith: string) => message({ sender: 'c', receiver: 'echo', reply_with: replyWith });
    tracker.onEvent(at(105, { type: 'message.dead-lettered', message: own('s#0'), to: 'echo', reason: 'dropped' }));
    const back = message({ in_reply_to: 's#1' });
    tracker.onEvent(at(106, { type: 'message.sent', message: back }));
    tracker.onEvent(at(107, { type: 'message.dead-lettered', message: back, to: 'c', reason: 'mailbox-full' }));
    tracker.onEvent(at(108, { type: 'message.dead-lettered', message: own('s#2'), to: 'echo', reason: 'agent-crashed' }));
    expect(tracker.drain().map((s) => s.outcome)).toEqual([
      { ok: false, kind: 'dropped' },
      { ok: false, kind: 'dead-lettered' },
    ]);
    answer(tracker, 109, message({ sender: 'kernel', performative: 'failure', in_reply_to: 's#2', content: { reason: 'agent-crashed' } }));
    expect(tracker.drain().map((s) => s.outcome)).toEqual([{ ok: false, kind: 'failure', latencyMs: 9 }]);
  });

  it('its own deadline when nothing came (run time); interrupted requests are forgotten', () => {
    const tracker = new OutcomeTracker();
    tracker.track(request({ deadline: 50 }));
    tracker.track(request({ replyWith: 's#1', vu: 2, deadline: 40 }));
    expect(tracker.nextDeadline()).toBe(40);
    tracker.interrupt('s', 2);
    expect(tracker.nextDeadline()).toBe(50);
    tracker.expire(49.9, 1000);
    expect(tracker.drain()).toEqual([]);
    tracker.expire(50, 1000);
    expect(tracker.drain()).toEqual([expect.objectContaining({ outcome: { ok: false, kind: 'timeout' }, at: 1050 })]);
    expect(tracker.nextDeadline()).toBeUndefined();
  });

  it('urgent requests wake the runner until drained', () => {
    const tracker = new OutcomeTracker();
    tracker.track(request({ urgent: true }));
    expect(tracker.hasUrgent()).toBe(false);
    answer(tracker, 101, message({ in_reply_to: 's#0' }));
    expect(tracker.hasUrgent()).toBe(true);
    tracker.drain();
    expect(tracker.hasUrgent()).toBe(false);
  });
});
