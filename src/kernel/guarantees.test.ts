import { describe, expect, it } from 'vitest';
import { createTestWorkbench, type AgentHandler } from './shell';

const sink: AgentHandler = () => undefined;
/** Crashes on "boom"; crashes on "once" only the first time it sees it. */
let seenOnce = new Set<string>();
const fragile: AgentHandler = (m) => {
  if (m.content === 'boom') throw new Error('trap: unreachable');
  if (m.content === 'once' && !seenOnce.has(m.id)) {
    seenOnce.add(m.id);
    throw new Error('trap: flaky');
  }
};
const echo: AgentHandler = (m, ctx) => ctx.reply(m, { performative: 'inform', content: m.content });

function bench(seed = 5) {
  seenOnce = new Set();
  return createTestWorkbench({ seed, kinds: { sink, fragile, echo } });
}

describe('redelivery', () => {
  it('redelivers the message being handled once; a second crash dead-letters it and tells the sender', () => {
    const wb = bench();
    wb.deploy('f', 'fragile');
    wb.send({ performative: 'request', receiver: 'f', content: 'boom', reply_with: 'r1' });
    wb.tick(2_000);
    const id = wb.eventsOf('message.sent')[0]!.message.id;
    expect(wb.eventsOf('agent.crashed')).toHaveLength(2);
    expect(wb.eventsOf('message.redelivered')).toMatchObject([{ messageId: id, agent: 'f', attempt: 1 }]);
    expect(wb.deadLetters()).toMatchObject([
      { message: { id }, to: 'f', reason: 'agent-crashed', detail: expect.stringContaining('crashed its agent twice') },
    ]);
    expect(wb.snapshot().deadLetters).toBe(1);
    expect(wb.messagesTo('you')).toMatchObject([
      { performative: 'failure', in_reply_to: 'r1', content: { reason: 'agent-crashed', message_id: id } },
    ]);
    expect(wb.snapshot().agents[0]).toMatchObject({ status: 'running', restarts: 2 });
  });

  it('a message that crashes its agent once is handled on redelivery: nothing lost', () => {
    const wb = bench();
    wb.deploy('f', 'fragile');
    wb.send({ performative: 'inform', receiver: 'f', content: 'once' });
    wb.tick(1_000);
    expect(wb.eventsOf('message.handled')).toHaveLength(1);
    expect(wb.deadLetters()).toEqual([]);
  });

  it('redelivery "never" dead-letters at the first crash', () => {
    const wb = bench();
    wb.deploy('f', 'fragile', { redelivery: 'never' });
    wb.send({ performative: 'inform', receiver: 'f', content: 'once' });
    wb.tick(1_000);
    expect(wb.eventsOf('message.redelivered')).toEqual([]);
    expect(wb.deadLetters()).toMatchObject([{ reason: 'agent-crashed' }]);
  });

  it('a bystander of a terminated worker blames nothing: everything in flight is requeued', () => {
    const wb = bench();
    wb.deploy('n', 'sink', { redelivery: 'never' });
    wb.hold('n');
    for (const c of [1, 2, 3]) wb.send({ performative: 'inform', receiver: 'n', content: c });
    wb.crash('n', 'worker-terminated', { bystander: true });
    expect(wb.eventsOf('agent.crashed')).toEqual([expect.objectContaining({ agent: 'n', reason: 'worker-terminated' })]);
    expect(wb.eventsOf('agent.crashed')[0]).not.toHaveProperty('messageId');
    expect(wb.kernel.mailbox('n').map((m) => m.content)).toEqual([1, 2, 3]);
    wb.release('n');
    wb.tick(1_000);
    expect(wb.eventsOf('message.handled')).toHaveLength(3);
    expect(wb.deadLetters()).toEqual([]);
  });
});

describe('mailbox limits', () => {
  it('overflow "reject" fails the newest with mailbox-full; "drop-oldest" dead-letters the oldest', () => {
    for (const overflow of ['reject', 'drop-oldest'] as const) {
      const wb = bench();
      wb.deploy('s', 'sink', { limits: { mailboxCapacity: 2, overflow }, redelivery: 'never' });
      wb.hold('s');
      wb.tick(0);
      // Fill the in-flight window first: the default is 32.
      for (let i = 0; i < 32; i++) wb.send({ performative: 'inform', receiver: 's', content: `f${i}` });
      for (const c of ['q1', 'q2', 'q3']) wb.send({ performative: 'inform', receiver: 's', content: c });
      const dead = wb.deadLetters().map((d) => [d.message.content, d.reason]);
      expect(dead).toEqual([[overflow === 'reject' ? 'q3' : 'q1', 'mailbox-full']]);
      wb.release('s');
      const handled = wb
        .messagesTo('s')
        .map((m) => m.content)
        .slice(32);
      expect(handled).toEqual(overflow === 'reject' ? ['q1', 'q2'] : ['q2', 'q3']);
      expect(wb.messagesTo('you')).toMatchObject([{ performative: 'failure', content: { reason: 'mailbox-full' } }]);
    }
  });

  it('bulkhead: at most maxConcurrent deliveries in flight, the rest wait queued', () => {
    const wb = bench();
    wb.deploy('s', 'sink', { limits: { maxConcurrent: 2 } });
    wb.hold('s');
    for (let i = 0; i < 5; i++) wb.send({ performative: 'request', receiver: 's', content: i });
    expect(wb.eventsOf('message.delivered')).toHaveLength(2);
    expect(wb.snapshot().agents[0]!.mailboxDepth).toBe(5);
    wb.release('s');
    expect(wb.eventsOf('message.handled')).toHaveLength(5);
    expect(wb.deploy('t', 'sink', { limits: { maxConcurrent: 0 } }).error?.code).toBe('ORR018');
    expect(wb.deploy('t', 'sink', { limits: { overflow: 'bounce' as never } }).error?.code).toBe('ORR018');
  });
});

describe('at-least-once links', () => {
  function pair(seed = 5) {
    const wb = bench(seed);
    wb.client('c');
    wb.deploy('e', 'echo');
    wb.link('c', 'e', 'L');
    wb.configureLink('L', { delivery: 'at-least-once', retry: { initialMs: 50, maxMs: 400, maxAttempts: 4 } });
    return wb;
  }

  it('acknowledges a handled message and retries nothing', () => {
    const wb = pair();
    wb.send({ performative: 'request', receiver: 'e', content: 1 }, 'c');
    wb.tick(1_000);
    expect(wb.eventsOf('message.acked')).toHaveLength(2); // the request, and the reply to the client
    expect(wb.eventsOf('message.retried')).toEqual([]);
    expect(wb.eventsOf('link.configured')).toMatchObject([
      { link: 'L', policy: { delivery: 'at-least-once', retry: { initialMs: 50, maxMs: 400, maxAttempts: 4 } } },
    ]);
  });

  it('survives drops by resending with backoff, and the receiver discards duplicates', () => {
    const wb = pair();
    wb.inject({ id: 'd', target: { links: ['L'] }, probability: 1, effect: { kind: 'drop' } });
    wb.send({ performative: 'request', receiver: 'e', content: 'x' }, 'c');
    wb.tick(120); // first send at 0 and the retry at 50 are dropped
    wb.clearChaos('d');
    wb.inject({ id: 'dup', target: { links: ['L'] }, probability: 1, effect: { kind: 'duplicate' } });
    wb.tick(2_000);
    const retried = wb.eventsOf('message.retried').filter((e) => e.messageId === 'm1');
    expect(retried.map((e) => [e.attempt, e.t])).toEqual([
      [2, 50],
      [3, 150],
    ]);
    expect(wb.messagesTo('e').map((m) => m.content)).toEqual(['x']);
    expect(wb.eventsOf('message.duplicate-discarded').length).toBeGreaterThanOrEqual(1);
    expect(wb.messagesTo('c')).toMatchObject([{ performative: 'inform', content: 'x' }]);
    expect(wb.deadLetters()).toEqual([]);
  });

  it('dead-letters after maxAttempts (timeout) and tells the sender', () => {
    const wb = pair();
    wb.inject({ id: 'd', target: { links: ['L'] }, probability: 1, effect: { kind: 'drop' } });
    wb.send({ performative: 'request', receiver: 'e', content: 'x', reply_with: 'q' }, 'c');
    wb.tick(5_000);
    expect(wb.eventsOf('message.retried').map((e) => e.attempt)).toEqual([2, 3, 4]);
    expect(wb.deadLetters()).toMatchObject([{ to: 'e', reason: 'timeout', detail: expect.stringContaining('4 attempts') }]);
    // The kernel's failure does not travel the faulty link: the sender is always told.
    expect(wb.messagesTo('c')).toMatchObject([
      { performative: 'failure', sender: 'kernel', in_reply_to: 'q', content: { reason: 'timeout', message_id: 'm1' } },
    ]);
  });

  it('refuses bad policies', () => {
    const wb = pair();
    expect(wb.configureLink('L', { delivery: 'exactly-once' as never }).error?.code).toBe('ORR021');
    expect(wb.configureLink('nope', {}).error?.code).toBe('ORR013');
    expect(wb.configureLink('L', { retry: { initialMs: -1 } as never }).error?.code).toBe('ORR021');
  });
});

/** Client `c` linked over `L` (with this breaker) to a `fragile` agent that is never redelivered to. */
function fragileBehindBreaker(breaker: { failures: number; windowMs: number; openMs: number }) {
  const wb = bench();
  wb.client('c');
  wb.deploy('f', 'fragile', { redelivery: 'never' });
  wb.link('c', 'f', 'L');
  wb.configureLink('L', { breaker });
  return wb;
}

describe('circuit breaker', () => {
  it('opens after failures in the window, fails fast, half-opens after openMs, closes on a handled probe', () => {
    const wb = fragileBehindBreaker({ failures: 2, windowMs: 1_000, openMs: 500 });
    wb.send({ performative: 'request', receiver: 'f', content: 'boom' }, 'c');
    wb.tick(300);
    wb.send({ performative: 'request', receiver: 'f', content: 'boom' }, 'c');
    expect(wb.eventsOf('breaker.state')).toMatchObject([{ link: 'L', state: 'open' }]);
    wb.tick(300);
    const fast = wb.send({ performative: 'request', receiver: 'f', content: 'ok' }, 'c');
    expect(fast.events).toContainEqual(expect.objectContaining({ type: 'message.failed', reason: 'circuit-open', link: 'L' }));
    wb.tick(300);
    expect(wb.eventsOf('breaker.state').map((e) => e.state)).toEqual(['open', 'half-open']);
    wb.send({ performative: 'request', receiver: 'f', content: 'probe' }, 'c');
    wb.tick(300);
    expect(wb.eventsOf('breaker.state').map((e) => e.state)).toEqual(['open', 'half-open', 'closed']);
    expect(wb.snapshot().links[0]).toMatchObject({ breaker: 'closed' });
  });

  it('a failed probe opens it again', () => {
    const wb = fragileBehindBreaker({ failures: 1, windowMs: 1_000, openMs: 100 });
    wb.send({ performative: 'inform', receiver: 'f', content: 'boom' }, 'c');
    wb.tick(150);
    wb.send({ performative: 'inform', receiver: 'f', content: 'boom' }, 'c');
    expect(wb.eventsOf('breaker.state').map((e) => e.state)).toEqual(['open', 'half-open', 'open']);
  });
});

describe('request retry (link policy requestRetry)', () => {
  function setup() {
    const wb = bench();
    wb.client('c');
    wb.deploy('f', 'fragile', { redelivery: 'never' });
    wb.link('c', 'f', 'L');
    wb.configureLink('L', { requestRetry: { maxAttempts: 3, initialMs: 100, maxMs: 1_000 } });
    return wb;
  }

  it('resends a request that failed transiently; the requester only sees the answer', () => {
    const wb = setup();
    wb.send({ performative: 'request', receiver: 'f', content: 'once', reply_with: 'q' }, 'c');
    wb.tick(2_000);
    expect(wb.eventsOf('message.retried')).toMatchObject([{ messageId: 'm1', link: 'L', attempt: 2 }]);
    expect(wb.eventsOf('message.handled')).toMatchObject([{ messageId: 'm1' }]);
    expect(wb.messagesTo('c')).toEqual([]);
    expect(wb.deadLetters()).toEqual([]);
  });

  it('gives up after maxAttempts sends: one failure to the sender, one dead letter', () => {
    const wb = setup();
    wb.send({ performative: 'request', receiver: 'f', content: 'boom', reply_with: 'q' }, 'c');
    wb.tick(5_000);
    expect(wb.eventsOf('message.retried').map((e) => e.attempt)).toEqual([2, 3]);
    expect(wb.eventsOf('agent.crashed')).toHaveLength(3);
    expect(wb.messagesTo('c')).toMatchObject([{ performative: 'failure', in_reply_to: 'q', content: { reason: 'agent-crashed' } }]);
    expect(wb.deadLetters()).toHaveLength(1);
  });

  it('does not retry informs or permanent reasons', () => {
    const wb = setup();
    wb.send({ performative: 'inform', receiver: 'f', content: 'boom' }, 'c');
    wb.tick(2_000);
    expect(wb.eventsOf('message.retried')).toEqual([]);
    expect(wb.configureLink('L', { requestRetry: { maxAttempts: 0 } as never }).error?.code).toBe('ORR021');
  });
});
