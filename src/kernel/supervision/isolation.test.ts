import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOP_LEVEL_SUPERVISOR } from '../resilienceTypes';
import { createDriver, type Driver } from '../testDriver';

function send(d: Driver, to: string): string {
  const result = d.step({ type: 'message.send', message: { performative: 'request', receiver: to, content: null } });
  const sent = result.events.find((e) => e.type === 'message.sent');
  if (sent?.type !== 'message.sent') throw new Error(`the console could not send to ${to}`);
  return sent.message.id;
}

const bystander = (d: Driver, agent: string) => d.host({ type: 'agent.crashed', agent, reason: 'worker-terminated', bystander: true });
const watchdog = (d: Driver, agent: string) => d.host({ type: 'agent.crashed', agent, reason: 'deadline-exceeded' });

describe('failure isolation: bystanders are not charged', () => {
  it('comes back at once, kv and mailbox kept, the in-flight message handed to the new instance', () => {
    const d = createDriver();
    d.deploy('a');
    d.host({ type: 'kv.set', agent: 'a', key: 'count', value: '3' });
    const id = send(d, 'a');
    const crash = bystander(d, 'a');
    expect(crash.events.map((e) => e.type)).toEqual(['agent.crashed', 'agent.status']);
    expect(crash.events[0]).toMatchObject({ agent: 'a', bystander: true });
    expect(crash.effects).toMatchObject([{ type: 'spawn', agent: 'a', instance: 2, kv: { count: '3' } }]);
    expect(d.of('agent.backoff')).toEqual([]);
    const ready = d.host({ type: 'agent.ready', agent: 'a', instance: 2 });
    expect(ready.events.map((e) => e.type)).toEqual(['agent.restarted', 'agent.status', 'message.delivered']);
    expect(ready.effects).toMatchObject([{ type: 'deliver', agent: 'a', instance: 2, message: { id } }]);
    expect(d.of('message.redelivered')).toEqual([]);
  });

  it('leaves restart intensity untouched: the agent still gets its own full budget afterwards', () => {
    const d = createDriver();
    d.deploy('a');
    for (let i = 0; i < 3 * TOP_LEVEL_SUPERVISOR.intensity; i++) {
      bystander(d, 'a');
      d.ready();
    }
    expect(d.status('a')).toBe('running');
    // Its own crashes: `intensity` are restarted, one more gives up.
    for (let i = 0; i < TOP_LEVEL_SUPERVISOR.intensity; i++) {
      d.host({ type: 'agent.crashed', agent: 'a', reason: 'trap' });
      d.tickTo(d.kernel.nextTimer()!);
      d.ready();
      expect(d.status('a')).toBe('running');
    }
    d.host({ type: 'agent.crashed', agent: 'a', reason: 'trap' });
    expect(d.status('a')).toBe('failed');
  });

  it('a redelivery spent as a bystander is not spent: the message still gets its one redelivery', () => {
    const d = createDriver();
    d.deploy('a');
    const id = send(d, 'a');
    bystander(d, 'a');
    d.ready();
    d.host({ type: 'agent.crashed', agent: 'a', reason: 'trap', messageId: id });
    expect(d.of('message.redelivered')).toMatchObject([{ messageId: id, attempt: 1 }]);
    expect(d.of('message.dead-lettered')).toEqual([]);
  });

  it('property: any number of bystander crashes, at any moment, never moves an agent to failed nor loses a message', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('bystander' as const), agent: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kind: fc.constant('send' as const), agent: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kind: fc.constant('ready' as const) }),
      fc.record({ kind: fc.constant('handle' as const), agent: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 3_000 }) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 120 }), (actions) => {
        const d = createDriver();
        const names = ['a', 'b', 'c'];
        for (const name of names) d.deploy(name);
        for (const act of actions) {
          if (act.kind === 'bystander') bystander(d, names[act.agent]!);
          else if (act.kind === 'send') send(d, names[act.agent]!);
          else if (act.kind === 'ready') d.ready();
          else if (act.kind === 'handle') handleOne(d, names[act.agent]!);
          else d.tickTo(d.clock.now() + act.ms);
        }
        d.ready();
        for (const name of names) {
          expect(d.status(name)).not.toBe('failed');
          while (handleOne(d, name));
        }
        expect(d.of('message.failed')).toEqual([]);
        expect(d.of('message.handled')).toHaveLength(d.of('message.sent').length);
      }),
      { numRuns: 200 },
    );
  });
});

/** The live instance of `agent` finishes its oldest delivery; false if it has none. */
function handleOne(d: Driver, agent: string): boolean {
  const instance = d.instance(agent);
  if (d.status(agent) !== 'running') return false;
  const inFlight = d.kernel.mailbox(agent);
  const first = inFlight[0];
  if (first === undefined) return false;
  const result = d.host({ type: 'agent.handled', agent, instance, messageId: first.id });
  return result.events.some((e) => e.type === 'message.handled');
}

describe('failure isolation: an agent that keeps hanging gets a worker of its own', () => {
  it('the second watchdog kill respawns it isolated and says so, once', () => {
    const d = createDriver();
    d.deploy('hog');
    watchdog(d, 'hog');
    expect(d.of('agent.isolated')).toEqual([]);
    d.tickTo(d.kernel.nextTimer()!);
    expect(d.pending).toMatchObject([{ agent: 'hog', isolated: false }]);
    d.ready();
    watchdog(d, 'hog');
    expect(d.of('agent.isolated')).toMatchObject([{ agent: 'hog' }]);
    expect(d.of('agent.isolated')[0]!.reason).toContain('2 times');
    d.tickTo(d.kernel.nextTimer()!);
    expect(d.pending).toMatchObject([{ agent: 'hog', isolated: true }]);
    d.ready();
    expect(d.kernel.snapshot().agents[0]!.isolated).toBe(true);
    watchdog(d, 'hog');
    expect(d.of('agent.isolated')).toHaveLength(1);
  });

  it('only the watchdog counts: traps, chaos kills and bystander deaths do not', () => {
    const d = createDriver();
    d.deploy('a');
    for (const reason of ['trap', 'deadline-exceeded']) {
      d.host({ type: 'agent.crashed', agent: 'a', reason });
      d.tickTo(d.kernel.nextTimer()!);
      d.ready();
    }
    d.host({ type: 'agent.crashed', agent: 'a', reason: 'deadline-exceeded', bystander: true });
    d.ready();
    expect(d.of('agent.isolated')).toEqual([]);
  });

  it('an agent deployed isolated is never announced again', () => {
    const d = createDriver();
    d.step({ type: 'agent.deploy', spec: { name: 'a', kind: 'test', isolated: true } });
    d.ready();
    for (let i = 0; i < 2; i++) {
      watchdog(d, 'a');
      d.tickTo(d.kernel.nextTimer()!);
      d.ready();
    }
    expect(d.of('agent.isolated')).toEqual([]);
  });
});
