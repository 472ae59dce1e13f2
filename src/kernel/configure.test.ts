import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestWorkbench, type AgentHandler } from './shell';
import type { Command, LimitsPatch } from './types';

/** Counts in kv; crashes on content "boom". */
const counter: AgentHandler = (m, ctx) => {
  if (m.content === 'boom') throw new Error('trap: unreachable');
  ctx.kv.set('count', String(Number(ctx.kv.get('count') ?? 0) + 1));
};

const noJitter = { minMs: 100, maxMs: 1_000, randomFactor: 0 };

function bench() {
  const wb = createTestWorkbench({ seed: 5, kinds: { counter } });
  wb.deploy('k', 'counter');
  return wb;
}

type Wb = ReturnType<typeof bench>;
const view = (wb: Wb, name = 'k') => wb.snapshot().agents.find((a) => a.name === name)!;
const groupView = (wb: Wb, name: string) => wb.snapshot().groups!.find((g) => g.name === name)!;
const configure = (wb: Wb, patch: Omit<Extract<Command, { type: 'agent.configure' }>, 'type' | 'name'>, name = 'k') =>
  wb.command({ type: 'agent.configure', name, ...patch });
const send = (wb: Wb, content: unknown = 1, to = 'k') => wb.send({ performative: 'inform', receiver: to, content });

describe('agent.configure: kernel-side settings apply at once', () => {
  it('changes mailbox limits without a new instance; kv, queue and in-flight stay', () => {
    const wb = bench();
    send(wb);
    wb.hold('k');
    for (let i = 0; i < 40; i++) send(wb, i); // 32 in flight, 8 queued
    const before = wb.kernel.mailbox('k').map((m) => m.id);
    const result = configure(wb, { limits: { mailboxCapacity: 8, overflow: 'drop-oldest', maxMessageBytes: 2_048 } });
    expect(result.error).toBeUndefined();
    expect(result.effects).toEqual([]);
    expect(result.events).toMatchObject([
      {
        type: 'agent.configured',
        agent: 'k',
        respawn: false,
        changed: ['mailboxCapacity', 'maxMessageBytes', 'overflow'],
        limits: { mailboxCapacity: 8, overflow: 'drop-oldest', maxMessageBytes: 2_048, deadlineMs: 5_000 },
      },
    ]);
    expect(view(wb)).toMatchObject({ instance: 1, restarts: 0, mailboxDepth: 40, limits: { mailboxCapacity: 8, overflow: 'drop-oldest' } });
    expect(wb.kernel.mailbox('k').map((m) => m.id)).toEqual(before);
    expect(wb.kernel.kv('k')).toEqual({ count: '1' });
    // Over capacity already: nothing accepted is dropped by configure, the next one overflows.
    const next = send(wb, 'new');
    expect(next.events).toContainEqual(expect.objectContaining({ type: 'message.dead-lettered', reason: 'mailbox-full', to: 'k' }));
    wb.release('k');
    expect(wb.kernel.kv('k')).toEqual({ count: String(1 + 40) });
  });

  it('widening maxConcurrent hands queued messages over at once; narrowing holds new ones back', () => {
    const wb = bench();
    configure(wb, { limits: { maxConcurrent: 1 } });
    wb.hold('k');
    for (let i = 0; i < 5; i++) send(wb, i);
    expect(wb.kernel.mailbox('k')).toHaveLength(5);
    expect(wb.eventsOf('message.delivered').filter((e) => e.to === 'k')).toHaveLength(1);
    const widened = configure(wb, { limits: { maxConcurrent: 3 } });
    expect(widened.effects.filter((e) => e.type === 'deliver')).toHaveLength(2);
    configure(wb, { limits: { maxConcurrent: null } }); // back to the kernel's window
    expect(view(wb).limits.maxConcurrent).toBeUndefined();
    expect(wb.eventsOf('message.delivered').filter((e) => e.to === 'k')).toHaveLength(5);
    wb.release('k');
    expect(wb.kernel.kv('k')).toEqual({ count: '5' });
  });

  it('restart type and redelivery apply to the next crash', () => {
    const wb = bench();
    configure(wb, { redelivery: 'never' });
    send(wb, 'boom');
    expect(wb.eventsOf('message.redelivered')).toEqual([]);
    expect(wb.deadLetters().map((d) => d.reason)).toEqual(['agent-crashed']);
    wb.tick(1_000);
    configure(wb, { restart: 'temporary' });
    expect(view(wb)).toMatchObject({ restart: 'temporary', redelivery: 'never', isolated: false, status: 'running' });
    send(wb, 'boom');
    expect(view(wb).status).toBe('failed');
  });

  it('null puts a limit back to the kernel default', () => {
    const wb = createTestWorkbench({ kinds: { counter } });
    wb.deploy('k', 'counter', { limits: { mailboxCapacity: 5, memoryPages: 4 } });
    configure(wb, { limits: { mailboxCapacity: null, memoryPages: null } });
    expect(view(wb).limits).toEqual({ deadlineMs: 5_000, mailboxCapacity: 10_000, maxMessageBytes: 1_048_576 });
  });
});

describe('agent.configure: host-enforced limits need a new instance', () => {
  it('restarts a live agent in place: kill, in flight requeued, spawn with the new limits and the same kv', () => {
    const wb = bench();
    send(wb);
    wb.hold('k');
    send(wb, 2);
    send(wb, 3);
    const result = configure(wb, { limits: { deadlineMs: 250, memoryPages: 16 }, isolated: true });
    expect(result.events.map((e) => e.type)).toEqual(['agent.configured', 'agent.status']);
    expect(result.events[0]).toMatchObject({ respawn: true, changed: ['deadlineMs', 'memoryPages', 'isolated'] });
    expect(result.events[1]).toMatchObject({ status: 'restarting', reason: 'reconfigured (deadlineMs, memoryPages, isolated)' });
    expect(result.effects).toEqual([
      { type: 'kill', agent: 'k', instance: 1 },
      expect.objectContaining({
        type: 'spawn',
        instance: 2,
        isolated: true,
        kv: { count: '1' },
        limits: expect.objectContaining({ deadlineMs: 250, memoryPages: 16 }),
      }),
    ]);
    expect(wb.kernel.mailbox('k').map((m) => m.content)).toEqual([2, 3]);
    wb.release('k');
    expect(view(wb)).toMatchObject({ status: 'running', instance: 2, isolated: true });
    expect(wb.kernel.kv('k')).toEqual({ count: '3' });
    expect(wb.eventsOf('message.failed')).toEqual([]);
  });

  it('a stopped agent or one waiting out a backoff spawns with them when it comes back', () => {
    const wb = bench();
    wb.command({ type: 'agent.stop', name: 'k' });
    expect(configure(wb, { limits: { memoryPages: 8 } }).effects).toEqual([]);
    const started = wb.command({ type: 'agent.start', name: 'k' });
    expect(started.effects).toContainEqual(expect.objectContaining({ type: 'spawn', limits: expect.objectContaining({ memoryPages: 8 }) }));

    wb.crash('k');
    expect(view(wb).status).toBe('restarting');
    const during = configure(wb, { limits: { deadlineMs: 99 } });
    expect(during.events[0]).toMatchObject({ respawn: false });
    expect(during.effects.filter((e) => e.type === 'spawn' || e.type === 'kill')).toEqual([]);
    wb.tick(1_000);
    expect(view(wb)).toMatchObject({ status: 'running', limits: { deadlineMs: 99 } });
  });

  it('an unchanged host limit restarts nothing', () => {
    const wb = bench();
    const result = configure(wb, { limits: { deadlineMs: 5_000 }, isolated: false });
    expect(result.events).toMatchObject([{ type: 'agent.configured', changed: [], respawn: false }]);
    expect(result.effects).toEqual([]);
  });
});

describe('agent.configure: groups', () => {
  it('moves an agent between groups (joining the end) and back to the top level', () => {
    const wb = createTestWorkbench({ kinds: { counter } });
    wb.group({ name: 'g1', strategy: 'rest_for_one', backoff: noJitter, intensity: 10 });
    wb.group({ name: 'g2', backoff: noJitter });
    for (const n of ['a', 'b', 'c']) wb.deploy(n, 'counter', { group: 'g1' });
    configure(wb, { group: 'g2' }, 'a');
    expect(groupView(wb, 'g1').children).toEqual(['b', 'c']);
    expect(groupView(wb, 'g2').children).toEqual(['a']);
    configure(wb, { group: 'g1' }, 'a'); // back, but now after b and c
    expect(groupView(wb, 'g1').children).toEqual(['b', 'c', 'a']);
    wb.crash('c');
    wb.tick(200);
    // rest_for_one: c and those that joined after it (a), not b.
    expect(
      wb
        .eventsOf('agent.restarted')
        .map((e) => e.agent)
        .sort(),
    ).toEqual(['a', 'c']);
    const top = configure(wb, { group: null }, 'a');
    expect(top.events[0]).toMatchObject({ changed: ['group'] });
    expect(top.events[0]).not.toHaveProperty('group');
    expect(view(wb, 'a').group).toBeUndefined();
    expect(groupView(wb, 'g1').children).toEqual(['b', 'c']);
  });
});

describe('agent.configure: refusals change nothing', () => {
  it.each<[string, Record<string, unknown>, string, string?]>([
    ['unknown agent', { name: 'ghost' }, 'ORR012'],
    ['kind is fixed', { name: 'k', kind: 'echo' }, 'ORR023', 'unknown setting "kind" (kind cannot be changed in place)'],
    [
      'bad limit',
      { name: 'k', limits: { mailboxCapacity: -1 } },
      'ORR023',
      'limit mailboxCapacity must be a positive number (or null for the default)',
    ],
    ['unknown limit', { name: 'k', limits: { cpu: 1 } }, 'ORR023', 'unknown limit "cpu"'],
    ['limits not an object', { name: 'k', limits: 5 }, 'ORR023'],
    ['restart type', { name: 'k', restart: 'sometimes' }, 'ORR023'],
    ['redelivery', { name: 'k', redelivery: 'twice' }, 'ORR023'],
    ['unknown group', { name: 'k', group: 'nowhere' }, 'ORR023', 'no supervision group named "nowhere"'],
    ['isolated', { name: 'k', isolated: 'yes' }, 'ORR023', 'isolated must be a boolean'],
  ])('%s', (_, input, code, message) => {
    const wb = bench();
    const before = wb.snapshot();
    const result = wb.input({ type: 'agent.configure', ...input } as Command);
    expect(result.error?.code).toBe(code);
    if (message) expect(result.error?.message).toBe(message);
    expect(result.error?.expected).toBeDefined();
    expect(result.effects).toEqual([]);
    expect(result.events).toMatchObject([{ type: 'log', level: 'error' }]);
    expect(wb.snapshot()).toEqual({ ...before, seq: wb.snapshot().seq });
  });
});

describe('group.configure', () => {
  it('reports the whole spec in the snapshot and applies a new strategy from the next crash', () => {
    const wb = createTestWorkbench({ kinds: { counter } });
    wb.group({ name: 'g', strategy: 'one_for_one', backoff: noJitter, intensity: 5 });
    wb.deploy('a', 'counter', { group: 'g' });
    wb.deploy('b', 'counter', { group: 'g' });
    expect(groupView(wb, 'g')).toEqual({
      name: 'g',
      strategy: 'one_for_one',
      intensity: 5,
      periodMs: 5_000,
      backoff: noJitter,
      children: ['a', 'b'],
      status: 'running',
    });
    const result = wb.command({ type: 'group.configure', name: 'g', strategy: 'one_for_all', backoff: { minMs: 40 } });
    expect(result.events).toMatchObject([
      {
        type: 'group.configured',
        changed: ['strategy', 'backoff'],
        spec: { name: 'g', strategy: 'one_for_all', intensity: 5, backoff: { minMs: 40, maxMs: 1_000, randomFactor: 0 } },
      },
    ]);
    wb.crash('a');
    expect(wb.eventsOf('agent.backoff').map((e) => [e.agent, e.delayMs])).toEqual([
      ['a', 40],
      ['b', 40],
    ]);
    wb.tick(40);
    expect(view(wb, 'b')).toMatchObject({ status: 'running', instance: 2 });
  });

  it('a lower intensity counts the restarts already in the period', () => {
    const wb = createTestWorkbench({ kinds: { counter } });
    wb.group({ name: 'g', backoff: noJitter, intensity: 5, periodMs: 10_000 });
    wb.deploy('a', 'counter', { group: 'g', redelivery: 'never' });
    wb.crash('a');
    wb.tick(200);
    expect(view(wb, 'a').status).toBe('running');
    wb.command({ type: 'group.configure', name: 'g', intensity: 1 });
    wb.crash('a'); // the second within the period: more than 1
    expect(view(wb, 'a').status).toBe('failed');
    expect(wb.eventsOf('group.escalated')).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['unknown group', { name: 'nope' }, 'no supervision group named "nope"'],
    ['strategy', { name: 'g', strategy: 'all_for_none' }, 'unknown strategy string "all_for_none"'],
    ['intensity', { name: 'g', intensity: -1 }, 'intensity must be an integer ≥ 0'],
    ['period', { name: 'g', periodMs: 0 }, 'periodMs must be a positive number'],
    ['backoff', { name: 'g', backoff: { minMs: 500, maxMs: 100 } }, 'backoff needs 0 ≤ minMs ≤ maxMs'],
    ['parent', { name: 'g', parent: 'x' }, 'unknown setting "parent" (parent cannot be changed in place)'],
  ])('refuses %s with ORR024', (_, input, message) => {
    const wb = createTestWorkbench({ kinds: { counter } });
    wb.group({ name: 'g' });
    const before = wb.snapshot();
    const result = wb.input({ type: 'group.configure', ...input } as Command);
    expect(result.error).toMatchObject({ code: 'ORR024', message });
    expect(wb.snapshot()).toEqual({ ...before, seq: wb.snapshot().seq });
  });
});

describe('properties', () => {
  const limitsPatch: fc.Arbitrary<LimitsPatch> = fc.record(
    {
      deadlineMs: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
      memoryPages: fc.option(fc.integer({ min: 1, max: 64 }), { nil: null }),
      mailboxCapacity: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
      maxConcurrent: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
      overflow: fc.option(fc.constantFrom('reject' as const, 'drop-oldest' as const), { nil: null }),
    },
    { requiredKeys: [] },
  );
  const op = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('hold' as const, 'release' as const) }) },
    {
      weight: 3,
      arbitrary: fc.record(
        {
          kind: fc.constant('configure' as const),
          limits: limitsPatch,
          restart: fc.constantFrom('permanent' as const, 'transient' as const),
          redelivery: fc.constantFrom('once' as const, 'never' as const),
          group: fc.constantFrom('g1', 'g2', null),
          isolated: fc.boolean(),
        },
        { requiredKeys: ['kind'] },
      ),
    },
  );

  it('kv and the mailbox survive any configure; every message ends handled or failed, once', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(op, { maxLength: 60 }), (seed, ops) => {
        const wb = createTestWorkbench({ seed, kinds: { counter } });
        wb.group({ name: 'g1' });
        wb.group({ name: 'g2', strategy: 'one_for_all' });
        wb.deploy('k', 'counter');
        let n = 0;
        for (const o of ops) {
          if (o.kind === 'send') send(wb, n++);
          else if (o.kind === 'hold') wb.hold('k');
          else if (o.kind === 'release') wb.release('k');
          else {
            const kv = wb.kernel.kv('k');
            const mailbox = wb.kernel.mailbox('k').map((m) => m.id);
            const { kind: _, ...patch } = o;
            expect(configure(wb, patch).error).toBeUndefined();
            expect(wb.kernel.kv('k')).toEqual(kv);
            expect(
              wb.kernel
                .mailbox('k')
                .map((m) => m.id)
                .sort(),
            ).toEqual(mailbox.sort());
          }
        }
        wb.release('k');
        wb.tick(10_000);
        const sent = wb
          .eventsOf('message.sent')
          .filter((e) => e.message.receiver === 'k')
          .map((e) => e.message.id);
        const handled = wb.eventsOf('message.handled').map((e) => e.messageId);
        const failed = wb
          .eventsOf('message.failed')
          .filter((e) => e.to === 'k')
          .map((e) => e.messageId);
        expect(new Set(handled).size).toBe(handled.length); // no message handled twice
        expect([...handled, ...failed].sort()).toEqual([...sent].sort());
        expect(Number(wb.kernel.kv('k').count ?? 0)).toBe(handled.length);
        expect(view(wb).status).toBe('running');
      }),
      { numRuns: 150 },
    );
  });

  it('a group keeps exactly the agents configured into it, in joining order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), fc.constantFrom('g1', 'g2', null)), { maxLength: 30 }), (moves) => {
        const wb = createTestWorkbench({ kinds: { counter } });
        wb.group({ name: 'g1' });
        wb.group({ name: 'g2' });
        const names = ['a0', 'a1', 'a2', 'a3'];
        for (const name of names) wb.deploy(name, 'counter');
        const model: Record<string, string[]> = { g1: [], g2: [] };
        const where: Record<string, string | null> = {};
        for (const [i, group] of moves) {
          const name = names[i]!;
          configure(wb, { group }, name);
          const from = where[name] ?? null;
          if (from === group) continue;
          if (from) model[from] = model[from]!.filter((x) => x !== name);
          if (group) model[group]!.push(name);
          where[name] = group;
        }
        expect(groupView(wb, 'g1').children).toEqual(model.g1);
        expect(groupView(wb, 'g2').children).toEqual(model.g2);
        for (const name of names) expect(view(wb, name).group).toBe(where[name] ?? undefined);
      }),
    );
  });
});
