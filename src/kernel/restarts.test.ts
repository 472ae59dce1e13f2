import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';
import { createSeededRng } from './rng';
import { createTestWorkbench, type AgentHandler } from './shell';

/** Crashes on content "boom"; counts the rest in kv. */
const worker: AgentHandler = (m, ctx) => {
  if (m.content === 'boom') throw new Error('trap: unreachable');
  ctx.kv.set('n', String(Number(ctx.kv.get('n') ?? 0) + 1));
};

const noJitter = { minMs: 100, maxMs: 1_000, randomFactor: 0 };

function bench(seed = 7) {
  return createTestWorkbench({ seed, kinds: { worker } });
}

const status = (wb: ReturnType<typeof bench>, name: string) => wb.snapshot().agents.find((a) => a.name === name)!;
const restartedNames = (wb: ReturnType<typeof bench>) => wb.eventsOf('agent.restarted').map((e) => e.agent);

describe('backoff', () => {
  it('doubles from min to max and adds at most randomFactor of seeded jitter', () => {
    const rng = createSeededRng(1);
    const spec = { minMs: 100, maxMs: 1_000, randomFactor: 0.5 };
    for (let attempt = 0; attempt < 8; attempt++) {
      for (let i = 0; i < 50; i++) {
        const base = Math.min(1_000, 100 * 2 ** attempt);
        const d = backoffDelay(spec, attempt, rng);
        expect(d).toBeGreaterThanOrEqual(base);
        expect(d).toBeLessThanOrEqual(Math.round(base * 1.5));
      }
    }
    expect(backoffDelay({ ...spec, randomFactor: 0 }, 3, rng)).toBe(800);
    expect(backoffDelay({ ...spec, randomFactor: 0 }, 30, rng)).toBe(1_000);
  });

  it('restarts on the tick after the backoff, not before, with agent.backoff and a timer effect', () => {
    const wb = bench();
    wb.group({ name: 'g', backoff: noJitter, intensity: 10 });
    wb.deploy('a', 'worker', { group: 'g', redelivery: 'never' });
    const crash = wb.crash('a');
    expect(crash.events.at(-1)).toMatchObject({ type: 'agent.backoff', agent: 'a', delayMs: 100, attempt: 1 });
    expect(crash.effects).toEqual([{ type: 'timer', at: 100 }]);
    wb.tick(99);
    expect(status(wb, 'a').status).toBe('restarting');
    wb.tick(1);
    expect(status(wb, 'a')).toMatchObject({ status: 'running', instance: 2, restarts: 1 });
    wb.crash('a');
    expect(wb.eventsOf('agent.backoff').at(-1)).toMatchObject({ delayMs: 200, attempt: 2 });
  });

  it('keeps messages sent during the backoff and delivers them after the restart', () => {
    const wb = bench();
    wb.deploy('a', 'worker');
    wb.crash('a');
    wb.send({ performative: 'inform', receiver: 'a', content: 'later' });
    expect(status(wb, 'a').mailboxDepth).toBe(1);
    wb.tick(1_000);
    expect(wb.messagesTo('a').map((m) => m.content)).toEqual(['later']);
  });
});

describe('the implicit top-level supervisor', () => {
  it('brings a crashed agent back within ~120 ms and gives up after more than 5 restarts in 10 s', () => {
    const wb = bench();
    wb.deploy('a', 'worker', { redelivery: 'never' });
    wb.crash('a');
    wb.tick(120);
    expect(status(wb, 'a').status).toBe('running');
    for (let i = 0; i < 4; i++) {
      wb.crash('a');
      wb.tick(2_000);
    }
    expect(status(wb, 'a').status).toBe('running');
    wb.crash('a'); // the sixth within 10 s
    expect(status(wb, 'a').status).toBe('failed');
    expect(wb.eventsOf('agent.status').at(-1)).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('restart intensity exceeded'),
    });
    expect(wb.send({ performative: 'inform', receiver: 'a' }).events).toContainEqual(
      expect.objectContaining({ type: 'message.failed', reason: 'agent-stopped' }),
    );
  });

  it('supervises a crash while initialising like any crash (backoff, then running)', () => {
    let inits = 0;
    const wb = createTestWorkbench({
      kinds: {
        flaky: {
          init: () => {
            if (++inits <= 2) throw new Error('unreachable');
          },
          handle: () => undefined,
        },
      },
    });
    wb.deploy('f', 'flaky');
    expect(status(wb, 'f').status).toBe('restarting');
    expect(wb.eventsOf('agent.crashed')).toMatchObject([{ agent: 'f', reason: expect.stringContaining('trap during init') }]);
    wb.tick(1_000);
    expect(wb.eventsOf('agent.backoff').map((e) => e.attempt)).toEqual([1, 2]);
    expect(status(wb, 'f')).toMatchObject({ status: 'running', instance: 3 });
  });

  it('fails for good when init always crashes (intensity), messages answered agent-stopped', () => {
    const wb = createTestWorkbench({
      kinds: {
        broken: {
          init: () => {
            throw new Error('unreachable');
          },
          handle: () => undefined,
        },
      },
    });
    wb.deploy('b', 'broken');
    wb.send({ performative: 'request', receiver: 'b', reply_with: 'q' });
    wb.tick(20_000);
    expect(status(wb, 'b').status).toBe('failed');
    expect(wb.eventsOf('agent.crashed')).toHaveLength(6);
    expect(wb.messagesTo('you')).toMatchObject([{ performative: 'failure', content: { reason: 'agent-stopped' } }]);
  });
});

describe('strategies', () => {
  function trio(
    strategy: 'one_for_one' | 'one_for_all' | 'rest_for_one',
    types: Record<string, 'permanent' | 'transient' | 'temporary'> = {},
  ) {
    const wb = bench();
    wb.group({ name: 'g', strategy, intensity: 10, periodMs: 5_000, backoff: noJitter });
    for (const name of ['a', 'b', 'c']) wb.deploy(name, 'worker', { group: 'g', restart: types[name] ?? 'permanent', redelivery: 'never' });
    wb.deploy('outside', 'worker');
    return wb;
  }

  it('one_for_one restarts only the crashed child', () => {
    const wb = trio('one_for_one');
    wb.crash('b');
    wb.tick(500);
    expect(restartedNames(wb)).toEqual(['b']);
  });

  it('one_for_all restarts every sibling (killing the live ones), in joining order', () => {
    const wb = trio('one_for_all');
    const result = wb.crash('b');
    expect(result.effects.filter((e) => e.type === 'kill').map((e) => (e as { agent: string }).agent)).toEqual(['a', 'c']);
    wb.tick(500);
    expect(wb.eventsOf('agent.backoff').map((e) => e.agent)).toEqual(['a', 'b', 'c']);
    expect(restartedNames(wb).sort()).toEqual(['a', 'b', 'c']);
    expect(
      wb
        .snapshot()
        .agents.filter((a) => a.name !== 'outside')
        .map((a) => a.restarts),
    ).toEqual([1, 1, 1]);
    expect(status(wb, 'outside').restarts).toBe(0);
  });

  it('rest_for_one restarts the crashed child and those that joined after it', () => {
    const wb = trio('rest_for_one');
    wb.crash('b');
    wb.tick(500);
    expect(restartedNames(wb).sort()).toEqual(['b', 'c']);
  });

  it('keeps the messages of restarted siblings (in flight ones requeued, nothing failed)', () => {
    const wb = trio('one_for_all');
    wb.hold('a');
    wb.send({ performative: 'inform', receiver: 'a', content: 1 });
    wb.crash('b');
    wb.release('a');
    wb.tick(500);
    expect(wb.eventsOf('message.failed')).toEqual([]);
    expect(wb.kernel.kv('a')).toEqual({ n: '1' });
  });

  it('never restarts a temporary child; stops a temporary sibling; restarts transient ones after a crash', () => {
    const wb = trio('one_for_all', { a: 'temporary', b: 'transient' });
    wb.crash('c');
    wb.tick(500);
    expect(status(wb, 'a').status).toBe('stopped');
    expect(restartedNames(wb).sort()).toEqual(['b', 'c']);
    wb.crash('b'); // transient: a crash is abnormal, so it restarts
    wb.tick(500);
    expect(status(wb, 'b').status).toBe('running');
    const solo = trio('one_for_one', { a: 'temporary' });
    solo.crash('a');
    solo.tick(500);
    expect(status(solo, 'a').status).toBe('failed');
    expect(restartedNames(solo)).toEqual([]);
  });
});

describe('intensity and escalation', () => {
  it('5 crashes in 1 s: backoff for the first ones, then the group gives up and its agents fail (top level)', () => {
    const wb = bench();
    wb.group({ name: 'g', strategy: 'one_for_one', intensity: 3, periodMs: 1_000, backoff: { minMs: 10, maxMs: 100, randomFactor: 0.2 } });
    wb.deploy('a', 'worker', { group: 'g', redelivery: 'never' });
    wb.deploy('b', 'worker', { group: 'g' });
    for (let i = 0; i < 5 && status(wb, 'a').status !== 'failed'; i++) {
      wb.crash('a');
      wb.tick(150);
    }
    const delays = wb.eventsOf('agent.backoff').map((e) => e.delayMs);
    expect(delays).toHaveLength(3);
    expect(delays[0]).toBeGreaterThanOrEqual(10);
    expect(delays[2]).toBeGreaterThanOrEqual(40);
    expect(wb.eventsOf('group.escalated')).toMatchObject([{ group: 'g', reason: expect.stringContaining('4 restarts within 1000 ms') }]);
    expect(status(wb, 'a').status).toBe('failed');
    expect(status(wb, 'b').status).toBe('failed');
    expect(wb.snapshot().groups).toMatchObject([{ name: 'g', status: 'failed' }]);
    expect(wb.eventsOf('log').some((e) => e.level === 'error' && e.text.includes('"g" gave up'))).toBe(true);
  });

  it('OTP default 1 restart in 5 s: the second crash escalates', () => {
    const wb = bench();
    wb.group({ name: 'g' });
    wb.deploy('a', 'worker', { group: 'g', redelivery: 'never' });
    wb.crash('a');
    wb.tick(1_000);
    expect(status(wb, 'a').status).toBe('running');
    wb.crash('a');
    expect(status(wb, 'a').status).toBe('failed');
  });

  it('escalates to the parent, which restarts the whole child group as one child (escalation chain)', () => {
    const wb = bench();
    wb.group({ name: 'root', strategy: 'one_for_all', intensity: 1, periodMs: 10_000, backoff: noJitter });
    wb.group({ name: 'inner', parent: 'root', intensity: 0, backoff: noJitter });
    wb.deploy('x', 'worker', { group: 'inner', redelivery: 'never' });
    wb.deploy('y', 'worker', { group: 'inner' });
    wb.deploy('z', 'worker', { group: 'root' });
    wb.crash('x'); // inner allows 0 restarts: escalates; root restarts inner (x, y) and z
    expect(wb.eventsOf('group.escalated')).toMatchObject([{ group: 'inner', parent: 'root' }]);
    wb.tick(500);
    expect(restartedNames(wb).sort()).toEqual(['x', 'y', 'z']);
    expect(wb.snapshot().agents.every((a) => a.status === 'running')).toBe(true);
    wb.crash('y'); // inner escalates again; root's second restart in 10 s exceeds 1: everything fails
    expect(wb.eventsOf('group.escalated').map((e) => e.group)).toEqual(['inner', 'inner', 'root']);
    expect(wb.snapshot().agents.map((a) => a.status)).toEqual(['failed', 'failed', 'failed']);
  });

  it('forgets restarts older than the period', () => {
    const wb = bench();
    wb.group({ name: 'g', intensity: 1, periodMs: 1_000, backoff: noJitter });
    wb.deploy('a', 'worker', { group: 'g', redelivery: 'never' });
    for (let i = 0; i < 4; i++) {
      wb.crash('a');
      wb.tick(1_500);
    }
    expect(status(wb, 'a').status).toBe('running');
    expect(wb.eventsOf('group.escalated')).toEqual([]);
  });

  it('refuses bad group specs and unknown groups', () => {
    const wb = bench();
    expect(wb.group({ name: 'g', strategy: 'nope' as never }).error?.code).toBe('ORR020');
    expect(wb.group({ name: 'g', parent: 'missing' }).error?.code).toBe('ORR020');
    expect(wb.group({ name: 'g', intensity: -1 }).error?.code).toBe('ORR020');
    expect(wb.deploy('a', 'worker', { group: 'missing' }).error?.code).toBe('ORR018');
    wb.group({ name: 'g' });
    expect(wb.deploy('g', 'worker').error?.code).toBe('ORR010');
    expect(wb.eventsOf('group.created')).toMatchObject([{ spec: { name: 'g', strategy: 'one_for_one', intensity: 1, periodMs: 5_000 } }]);
  });
});
