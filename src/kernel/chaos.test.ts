import { describe, expect, it } from 'vitest';
import type { FaultEffect, FaultSpec } from './resilienceTypes';
import { createTestWorkbench, type AgentHandler } from './shell';

const sink: AgentHandler = () => undefined;
const clockReader: AgentHandler = (m, ctx) => ctx.reply(m, { performative: 'inform', content: ctx.now() });

function net(seed = 11) {
  const wb = createTestWorkbench({ seed, kinds: { sink, clockReader } });
  wb.deploy('a', 'sink');
  wb.deploy('b', 'sink');
  wb.deploy('c', 'sink');
  wb.link('a', 'b', 'ab');
  wb.link('a', 'c', 'ac');
  return wb;
}

const fault = (id: string, effect: FaultEffect, extra: Partial<FaultSpec> = {}): FaultSpec => ({
  id,
  target: {},
  probability: 1,
  effect,
  ...extra,
});
const contents = (wb: ReturnType<typeof net>, name: string) => wb.messagesTo(name).map((m) => m.content);
const sendN = (wb: ReturnType<typeof net>, to: string, n: number) => {
  for (let i = 0; i < n; i++) wb.sendAs('a', { performative: 'inform', receiver: to, content: i });
};

describe('network faults', () => {
  it('latency + jitter holds messages until their time and keeps per-pair FIFO', () => {
    const wb = net();
    wb.inject(fault('lat', { kind: 'latency', ms: 100, jitterMs: 80 }, { target: { links: ['ab'] } }));
    sendN(wb, 'b', 20);
    sendN(wb, 'c', 2); // another link: untouched
    expect(contents(wb, 'b')).toEqual([]);
    expect(contents(wb, 'c')).toEqual([0, 1]);
    wb.tick(99);
    expect(contents(wb, 'b')).toEqual([]);
    wb.tick(200);
    expect(contents(wb, 'b')).toEqual([...Array(20).keys()]);
    const injected = wb.eventsOf('chaos.injected');
    expect(injected).toHaveLength(20);
    expect(injected[0]).toMatchObject({ fault: 'lat', kind: 'latency', link: 'ab', messageId: expect.any(String) });
  });

  it('keeps FIFO when the fault is cleared while messages are still in transit', () => {
    const wb = net();
    wb.inject(fault('lat', { kind: 'latency', ms: 100, jitterMs: 0 }));
    sendN(wb, 'b', 3);
    wb.clearChaos('lat');
    wb.sendAs('a', { performative: 'inform', receiver: 'b', content: 'after' });
    expect(contents(wb, 'b')).toEqual([]);
    wb.tick(100);
    expect(contents(wb, 'b')).toEqual([0, 1, 2, 'after']);
    expect(wb.eventsOf('chaos.cleared')).toMatchObject([{ fault: 'lat' }]);
  });

  it('reorder lets messages overtake each other within the window', () => {
    const wb = net();
    wb.inject(fault('r', { kind: 'reorder', windowMs: 50 }));
    sendN(wb, 'b', 30);
    wb.tick(60);
    const got = contents(wb, 'b') as number[];
    expect([...got].sort((x, y) => x - y)).toEqual([...Array(30).keys()]);
    expect(got).not.toEqual([...Array(30).keys()]);
  });

  it('drop on an at-most-once link: dead-lettered as "dropped", the sender is not told', () => {
    const wb = net();
    wb.inject(fault('d', { kind: 'drop' }, { performatives: ['request'] }));
    wb.sendAs('a', { performative: 'request', receiver: 'b', content: 'lost' });
    wb.sendAs('a', { performative: 'inform', receiver: 'b', content: 'kept' });
    expect(contents(wb, 'b')).toEqual(['kept']);
    expect(wb.deadLetters()).toMatchObject([{ to: 'b', reason: 'dropped', message: { content: 'lost' } }]);
    expect(contents(wb, 'a')).toEqual([]);
  });

  it('drops with a probability drawn from the seeded Rng', () => {
    const wb = net();
    wb.inject(fault('d', { kind: 'drop' }, { probability: 0.5 }));
    sendN(wb, 'b', 200);
    const n = contents(wb, 'b').length;
    expect(n).toBeGreaterThan(60);
    expect(n).toBeLessThan(140);
  });

  it('duplicate delivers twice on an at-most-once link', () => {
    const wb = net();
    wb.inject(fault('dup', { kind: 'duplicate' }));
    sendN(wb, 'b', 2);
    expect(contents(wb, 'b')).toEqual([0, 0, 1, 1]);
  });

  it('corrupt: a damaged performative is refused (invalid-message to the sender); damaged content is delivered', () => {
    const wb = net();
    wb.inject(fault('cp', { kind: 'corrupt', field: 'performative' }, { target: { links: ['ab'] } }));
    wb.inject(fault('cc', { kind: 'corrupt', field: 'content' }, { target: { links: ['ac'] } }));
    wb.sendAs('a', { performative: 'inform', receiver: 'b', content: 'x' });
    wb.sendAs('a', { performative: 'inform', receiver: 'c', content: { v: 'hello' } });
    expect(contents(wb, 'b')).toEqual([]);
    expect(wb.messagesTo('a')).toMatchObject([
      { performative: 'failure', content: { reason: 'invalid-message', detail: expect.stringContaining('corrupted') } },
    ]);
    const got = wb.messagesTo('c')[0]!;
    expect(typeof got.content).toBe('string');
    expect(got.content).not.toBe(JSON.stringify({ v: 'hello' }));
  });

  it('partition both ways drops across groups (with a chaos.injected event); one-way only earlier → later', () => {
    const wb = net();
    wb.inject(fault('p', { kind: 'partition', groups: [['a'], ['b']], direction: 'both' }));
    wb.sendAs('a', { performative: 'inform', receiver: 'b', content: 1 });
    wb.sendAs('b', { performative: 'inform', receiver: 'a', content: 2 });
    wb.sendAs('a', { performative: 'inform', receiver: 'c', content: 3 });
    expect(contents(wb, 'b')).toEqual([]);
    expect(contents(wb, 'a')).toEqual([]);
    expect(contents(wb, 'c')).toEqual([3]);
    expect(wb.eventsOf('chaos.injected').map((e) => e.kind)).toEqual(['partition', 'partition']);
    wb.clearChaos();
    wb.inject(fault('p1', { kind: 'partition', groups: [['a'], ['b']], direction: 'one-way' }));
    wb.sendAs('a', { performative: 'inform', receiver: 'b', content: 4 });
    wb.sendAs('b', { performative: 'inform', receiver: 'a', content: 5 });
    expect(contents(wb, 'b')).toEqual([]);
    expect(contents(wb, 'a')).toEqual([5]);
  });

  it('bandwidth delays messages by their size over the link, back to back', () => {
    const wb = net();
    wb.inject(fault('bw', { kind: 'bandwidth', bytesPerSecond: 1_000 }));
    wb.sendAs('a', { performative: 'inform', receiver: 'b', content: 'x'.repeat(300) });
    wb.sendAs('a', { performative: 'inform', receiver: 'b', content: 'y' });
    const [first, second] = wb.eventsOf('message.sent').map((e) => JSON.stringify(e.message).length);
    wb.tick(5_000);
    const landed = wb.eventsOf('message.delivered').map((e) => e.t);
    expect(landed).toEqual([first!, first! + second!]); // 1 byte per ms
  });

  it('refuses malformed faults and unknown ids', () => {
    const wb = net();
    expect(wb.inject({ id: '', target: {}, probability: 1, effect: { kind: 'drop' } }).error?.code).toBe('ORR022');
    expect(wb.inject({ id: 'x', target: {}, probability: 2, effect: { kind: 'drop' } }).error?.code).toBe('ORR022');
    expect(wb.inject({ id: 'x', target: {}, probability: 1, effect: { kind: 'meteor' } as never }).error?.code).toBe('ORR022');
    expect(wb.inject(fault('x', { kind: 'latency', ms: -1, jitterMs: 0 })).error?.code).toBe('ORR022');
    expect(wb.clearChaos('nope').error?.code).toBe('ORR022');
    wb.inject(fault('x', { kind: 'drop' }));
    expect(wb.snapshot().faults).toMatchObject([{ id: 'x' }]);
  });
});

describe('agent faults', () => {
  it('kill: the instance is killed and supervised; nothing in flight is blamed', () => {
    const wb = net();
    wb.hold('b');
    wb.sendAs('a', { performative: 'inform', receiver: 'b', content: 1 });
    const r = wb.inject(fault('k', { kind: 'kill' }, { target: { agents: ['b'] } }));
    expect(r.effects).toContainEqual({ type: 'kill', agent: 'b', instance: 1 });
    expect(r.events.map((e) => e.type)).toEqual(['chaos.set', 'chaos.injected', 'agent.crashed', 'agent.status', 'agent.backoff']);
    wb.release('b');
    wb.tick(500);
    expect(contents(wb, 'b')).toEqual([1]);
    expect(wb.deadLetters()).toEqual([]);
  });

  it('crash: the host traps on the next message, which is redelivered to the new instance', () => {
    const wb = net();
    const r = wb.inject(fault('c', { kind: 'crash' }, { target: { agents: ['b'] } }));
    expect(r.effects).toEqual([{ type: 'fault', agent: 'b', instance: 1, fault: 'crash' }]);
    wb.sendAs('a', { performative: 'inform', receiver: 'b', content: 1 });
    expect(wb.eventsOf('agent.crashed')).toMatchObject([{ agent: 'b', reason: expect.stringContaining('injected crash') }]);
    wb.tick(500);
    expect(wb.eventsOf('message.handled')).toHaveLength(1);
  });

  it('hang: the handler never returns; the watchdog reports deadline-exceeded at the deadline', () => {
    const wb = createTestWorkbench({ seed: 2, kinds: { sink } });
    wb.deploy('h', 'sink', { limits: { deadlineMs: 300 } });
    wb.inject(fault('h', { kind: 'hang' }, { target: { agents: ['h'] } }));
    wb.send({ performative: 'inform', receiver: 'h', content: 1 });
    wb.tick(299);
    expect(wb.eventsOf('agent.crashed')).toEqual([]);
    wb.tick(1);
    expect(wb.eventsOf('agent.crashed')).toMatchObject([{ agent: 'h', reason: 'deadline-exceeded' }]);
    wb.tick(500);
    expect(wb.eventsOf('message.handled')).toHaveLength(1); // redelivered once, handled
  });

  it('slow: every handle starts ms later, also after a restart, until cleared', () => {
    const wb = createTestWorkbench({ seed: 2, kinds: { sink } });
    wb.deploy('s', 'sink');
    wb.inject(fault('s', { kind: 'slow', ms: 50 }, { target: { agents: ['s'] } }));
    wb.send({ performative: 'inform', receiver: 's', content: 1 });
    expect(wb.messagesTo('s')).toEqual([]);
    wb.tick(50);
    expect(wb.messagesTo('s')).toHaveLength(1);
    wb.command({ type: 'agent.restart', name: 's' });
    wb.send({ performative: 'inform', receiver: 's', content: 2 });
    wb.tick(49);
    expect(wb.messagesTo('s')).toHaveLength(1);
    wb.tick(1);
    expect(wb.messagesTo('s')).toHaveLength(2);
    const cleared = wb.clearChaos('s');
    expect(cleared.effects).toEqual([{ type: 'fault', agent: 's', instance: 2, fault: 'slow', ms: 0 }]);
    wb.send({ performative: 'inform', receiver: 's', content: 3 });
    expect(wb.messagesTo('s')).toHaveLength(3);
  });

  it("clock-skew offsets the agent's now-ms", () => {
    const wb = createTestWorkbench({ seed: 2, kinds: { clockReader } });
    wb.deploy('t', 'clockReader');
    wb.inject(fault('sk', { kind: 'clock-skew', ms: 5_000 }));
    wb.send({ performative: 'request', receiver: 't' });
    expect(wb.messagesTo('you')[0]!.content).toBe(5_000);
    expect(wb.eventsOf('chaos.injected')).toMatchObject([{ fault: 'sk', kind: 'clock-skew', agent: 't' }]);
  });
});
