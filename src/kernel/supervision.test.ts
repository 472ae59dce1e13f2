import { describe, expect, it } from 'vitest';
import { createTestWorkbench, type AgentHandler } from './shell';

const sink: AgentHandler = () => undefined;
/** Counts in kv; crashes on content "boom". */
const counter: AgentHandler = (m, ctx) => {
  if (m.content === 'boom') throw new Error('trap: unreachable');
  ctx.kv.set('count', String(Number(ctx.kv.get('count') ?? 0) + 1));
};

function setup(redelivery: 'once' | 'never' = 'never') {
  const wb = createTestWorkbench({ seed: 3, kinds: { sink, counter } });
  wb.deploy('src', 'sink');
  wb.deploy('k', 'counter', { redelivery });
  wb.link('src', 'k');
  return wb;
}

const status = (wb: ReturnType<typeof setup>, name: string) => wb.snapshot().agents.find((a) => a.name === name);

describe('lifecycle', () => {
  it('deploys: deployed, loading, spawn with instance 1 and empty kv, then running', () => {
    const wb = createTestWorkbench({ kinds: { sink } });
    const result = wb.command({ type: 'agent.deploy', spec: { name: 'a', kind: 'sink', config: { x: 1 } } });
    expect(result.events).toMatchObject([
      { type: 'agent.deployed', agent: 'a', kind: 'sink', config: { x: 1 } },
      { type: 'agent.status', agent: 'a', status: 'loading' },
    ]);
    expect(result.effects).toMatchObject([
      {
        type: 'spawn',
        agent: 'a',
        instance: 1,
        kind: 'sink',
        kv: {},
        isolated: false,
        limits: { mailboxCapacity: 10_000, deadlineMs: 5_000 },
      },
    ]);
    expect(wb.eventsOf('agent.status').at(-1)).toMatchObject({ status: 'running' });
  });

  it('refuses duplicate and invalid names, changing nothing but a kernel log line', () => {
    const wb = setup();
    const before = wb.snapshot();
    for (const [name, code] of [
      ['k', 'ORR010'],
      ['you', 'ORR011'],
      ['kernel', 'ORR011'],
      ['topic:x', 'ORR011'],
      ['a b', 'ORR011'],
      ['', 'ORR011'],
    ] as const) {
      const result = wb.deploy(name, 'sink');
      expect(result.error?.code).toBe(code);
      expect(result.events).toMatchObject([{ type: 'log', agent: 'kernel', level: 'error', text: expect.stringContaining(code) }]);
      expect(result.effects).toEqual([]);
    }
    expect(wb.topic('src').error?.code).toBe('ORR010');
    expect(wb.snapshot()).toEqual({ ...before, seq: wb.snapshot().seq });
  });

  it('queues messages while loading and delivers once ready', () => {
    const wb = createTestWorkbench({ kinds: { sink } });
    wb.hold('slow'); // the host has not performed the spawn yet
    wb.deploy('slow', 'sink');
    wb.send({ performative: 'inform', receiver: 'slow', content: 1 });
    expect(status(wb, 'slow')).toMatchObject({ status: 'loading', mailboxDepth: 1 });
    expect(wb.eventsOf('message.delivered')).toEqual([]);
    wb.release('slow');
    expect(status(wb, 'slow')?.status).toBe('running');
    expect(wb.messagesTo('slow').map((m) => m.content)).toEqual([1]);
  });

  it('marks an agent failed when init fails, and fails messages sent to it', () => {
    const wb = createTestWorkbench({ kinds: { bad: { init: () => 'missing config', handle: sink } } });
    wb.deploy('b', 'bad');
    expect(status(wb, 'b')).toMatchObject({ status: 'failed' });
    expect(wb.eventsOf('agent.status').at(-1)).toMatchObject({ status: 'failed', reason: 'missing config' });
    wb.send({ performative: 'inform', receiver: 'b' });
    expect(wb.messagesTo('you')).toMatchObject([{ content: { reason: 'agent-stopped' } }]);
  });

  it('stops (kill, failures for the mailbox), starts again with the kv', () => {
    const wb = setup();
    wb.sendAs('src', { performative: 'inform', receiver: 'k' });
    wb.hold('k');
    wb.sendAs('src', { performative: 'inform', receiver: 'k', content: 'queued' });
    const stop = wb.command({ type: 'agent.stop', name: 'k' });
    expect(stop.effects[0]).toEqual({ type: 'kill', agent: 'k', instance: 1 });
    expect(status(wb, 'k')?.status).toBe('stopped');
    expect(wb.messagesTo('src')).toMatchObject([{ performative: 'failure', content: { reason: 'agent-stopped' } }]);
    wb.sendAs('src', { performative: 'inform', receiver: 'k' });
    expect(wb.messagesTo('src')).toHaveLength(2);
    expect(wb.command({ type: 'agent.stop', name: 'k' }).error?.code).toBe('ORR015');
    wb.release('k');
    const start = wb.command({ type: 'agent.start', name: 'k' });
    expect(start.effects).toMatchObject([{ type: 'spawn', instance: 2, kv: { count: '1' } }]);
    expect(status(wb, 'k')?.status).toBe('running');
    expect(wb.command({ type: 'agent.start', name: 'k' }).error?.code).toBe('ORR015');
  });

  it('suspends (messages queue, no deliveries) and resumes in order', () => {
    const wb = setup();
    wb.command({ type: 'agent.suspend', name: 'k' });
    expect(status(wb, 'k')?.status).toBe('suspended');
    for (let i = 0; i < 3; i++) wb.sendAs('src', { performative: 'inform', receiver: 'k', content: i });
    expect(wb.messagesTo('k')).toEqual([]);
    expect(wb.kernel.mailbox('k').map((m) => m.content)).toEqual([0, 1, 2]);
    expect(wb.command({ type: 'agent.suspend', name: 'k' }).error?.code).toBe('ORR015');
    wb.command({ type: 'agent.resume', name: 'k' });
    expect(wb.messagesTo('k').map((m) => m.content)).toEqual([0, 1, 2]);
    expect(wb.command({ type: 'agent.resume', name: 'k' }).error?.code).toBe('ORR015');
  });

  it('restarts on command: kill, new instance with kv, in-flight requeued, restarted event', () => {
    const wb = setup();
    wb.sendAs('src', { performative: 'inform', receiver: 'k', content: 1 });
    wb.hold('k');
    wb.sendAs('src', { performative: 'inform', receiver: 'k', content: 2 });
    const result = wb.command({ type: 'agent.restart', name: 'k' });
    expect(result.effects).toMatchObject([
      { type: 'kill', instance: 1 },
      { type: 'spawn', instance: 2, kv: { count: '1' } },
    ]);
    wb.release('k');
    expect(wb.eventsOf('agent.restarted')).toMatchObject([{ agent: 'k', instance: 2 }]);
    expect(wb.messagesTo('k').map((m) => m.content)).toEqual([1, 2]);
    expect(wb.kernel.kv('k')).toEqual({ count: '2' });
    expect(status(wb, 'k')).toMatchObject({ status: 'running', instance: 2, restarts: 1 });
  });

  it('removes a node: links go, the mailbox fails with agent-stopped, the name is free again', () => {
    const wb = setup();
    wb.hold('k');
    wb.sendAs('src', { performative: 'inform', receiver: 'k', content: 1 });
    const result = wb.command({ type: 'node.remove', name: 'k' });
    expect(result.effects[0]).toEqual({ type: 'kill', agent: 'k', instance: 1 });
    expect(result.events.map((e) => e.type)).toContain('link.removed');
    expect(result.events.at(-1)).toMatchObject({ type: 'node.removed', node: 'k' });
    expect(wb.messagesTo('src')).toMatchObject([{ content: { reason: 'agent-stopped' } }]);
    expect(wb.snapshot().links).toEqual([]);
    expect(wb.deploy('k', 'sink').error).toBeUndefined();
    expect(wb.command({ type: 'node.remove', name: 'ghost' }).error?.code).toBe('ORR012');
  });

  it('adds and removes links, refusing self, duplicate and unknown ends', () => {
    const wb = setup();
    expect(wb.link('src', 'k').error?.code).toBe('ORR014');
    expect(wb.link('k', 'src').error?.code).toBe('ORR014');
    expect(wb.link('k', 'k').error?.code).toBe('ORR014');
    expect(wb.link('k', 'nope').error?.code).toBe('ORR012');
    wb.command({ type: 'link.remove', id: 'l1' });
    wb.sendAs('src', { performative: 'inform', receiver: 'k' });
    expect(wb.messagesTo('src')).toMatchObject([{ content: { reason: 'no-route' } }]);
    expect(wb.command({ type: 'link.remove', id: 'l1' }).error?.code).toBe('ORR013');
    expect(wb.link('src', 'k', 'wire').events).toMatchObject([{ type: 'link.added', link: { id: 'wire', a: 'src', b: 'k' } }]);
  });
});

describe('crashes', () => {
  it('with redelivery "never", fails the message being handled, requeues the rest, restarts with the kv after a backoff', () => {
    const wb = setup();
    wb.sendAs('src', { performative: 'inform', receiver: 'k', content: 'first' });
    wb.hold('k');
    wb.sendAs('src', { performative: 'request', receiver: 'k', content: 'boom', reply_with: 'r-boom' });
    wb.sendAs('src', { performative: 'inform', receiver: 'k', content: 'after-1' });
    wb.sendAs('src', { performative: 'inform', receiver: 'k', content: 'after-2' });
    const boom = wb.kernel.mailbox('k')[0]!;
    wb.release('k');
    wb.tick(1_000);
    expect(wb.eventsOf('agent.crashed')).toMatchObject([{ agent: 'k', reason: 'trap: unreachable', messageId: boom.id }]);
    expect(wb.eventsOf('message.dead-lettered')).toMatchObject([{ message: boom, to: 'k', reason: 'agent-crashed' }]);
    expect(wb.messagesTo('src')).toMatchObject([
      {
        performative: 'failure',
        sender: 'kernel',
        in_reply_to: 'r-boom',
        content: { reason: 'agent-crashed', message_id: boom.id, detail: 'trap: unreachable' },
      },
    ]);
    expect(wb.eventsOf('agent.restarted')).toMatchObject([{ agent: 'k', instance: 2 }]);
    expect(wb.messagesTo('k').map((m) => m.content)).toEqual(['first', 'boom', 'after-1', 'after-2']);
    expect(wb.kernel.kv('k')).toEqual({ count: '3' });
    expect(status(wb, 'k')).toMatchObject({ status: 'running', instance: 2, restarts: 1 });
  });

  it('passes the kv to the new instance in the spawn effect', () => {
    const wb = setup();
    wb.sendAs('src', { performative: 'inform', receiver: 'k' });
    const crash = wb.crash('k', 'deadline-exceeded');
    expect(crash.events).toMatchObject([
      { type: 'agent.crashed' },
      { type: 'agent.status', status: 'restarting' },
      { type: 'agent.backoff', agent: 'k', attempt: 1 },
    ]);
    const at = (crash.effects[0] as { type: 'timer'; at: number }).at;
    expect(crash.effects).toEqual([{ type: 'timer', at }]);
    wb.clock.set(at);
    const tick = wb.input({ type: 'tick' });
    expect(tick.effects).toMatchObject([{ type: 'spawn', instance: 2, kv: { count: '1' } }]);
  });

  it('uses deadline-exceeded as the failure reason for a watchdog kill', () => {
    const wb = setup();
    wb.hold('k');
    wb.sendAs('src', { performative: 'inform', receiver: 'k', content: 'slow' });
    wb.crash('k', 'deadline-exceeded');
    expect(wb.eventsOf('message.failed')).toMatchObject([{ to: 'k', reason: 'deadline-exceeded' }]);
    expect(wb.messagesTo('src')).toMatchObject([{ content: { reason: 'deadline-exceeded' } }]);
  });

  it('ignores host events from stale instances', () => {
    const wb = setup();
    wb.crash('k', 'trap');
    const before = wb.events.length;
    for (const event of [
      { type: 'agent.sent', agent: 'k', instance: 1, message: { performative: 'inform', receiver: 'src' } },
      { type: 'kv.set', agent: 'k', instance: 1, key: 'count', value: '99' },
      { type: 'agent.crashed', agent: 'k', instance: 1, reason: 'again' },
      { type: 'agent.ready', agent: 'k', instance: 1 },
      { type: 'agent.log', agent: 'k', instance: 1, level: 'info', text: 'ghost' },
      { type: 'agent.sent', agent: 'nobody', instance: 1, message: {} },
    ] as const) {
      const result = wb.input(event);
      expect(result.events).toEqual([]);
      expect(result.effects).toEqual([]);
    }
    expect(wb.events.length).toBe(before);
    expect(wb.kernel.kv('k')).toEqual({});
  });

  it('records kv.set and agent logs as events', () => {
    const wb = createTestWorkbench({
      kinds: {
        talk: (m, ctx) => {
          ctx.kv.set('last', String(m.content));
          ctx.log('info', 'got it');
        },
      },
    });
    wb.deploy('t', 'talk');
    wb.send({ performative: 'inform', receiver: 't', content: 5 });
    expect(wb.eventsOf('kv.set')).toMatchObject([{ agent: 't', key: 'last', value: '5' }]);
    expect(wb.eventsOf('log')).toMatchObject([{ agent: 't', level: 'info', text: 'got it' }]);
    expect(wb.kernel.kv('t')).toEqual({ last: '5' });
  });
});
