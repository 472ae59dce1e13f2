import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RestartStrategy, RestartType } from './resilienceTypes';
import { createTestWorkbench, type AgentHandler, type TestWorkbench } from './shell';

const sink: AgentHandler = () => undefined;
const SENDERS = ['s0', 's1', 's2'];
const RECEIVERS = ['r0', 'r1', 'r2'];

type NetOp =
  | { kind: 'send'; from: number; to: number }
  | { kind: 'kill'; agent: number }
  | { kind: 'hold'; agent: number }
  | { kind: 'release'; agent: number }
  | { kind: 'tick'; ms: number };

const netOp: fc.Arbitrary<NetOp> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('send' as const), from: fc.nat(2), to: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('kill' as const), agent: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('hold' as const, 'release' as const), agent: fc.nat(5) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 300 }) }) },
);

interface NetScenario {
  seed: number;
  drop: number;
  duplicate: number;
  reorder: number;
  latency: number;
  jitter: number;
  ops: NetOp[];
}

const netScenario = (reorder: boolean): fc.Arbitrary<NetScenario> =>
  fc.record({
    seed: fc.nat(),
    drop: fc.double({ min: 0, max: 0.5, noNaN: true }),
    duplicate: fc.double({ min: 0, max: 0.5, noNaN: true }),
    reorder: reorder ? fc.double({ min: 0, max: 0.5, noNaN: true }) : fc.constant(0),
    latency: fc.integer({ min: 0, max: 50 }),
    jitter: fc.integer({ min: 0, max: 100 }),
    ops: fc.array(netOp, { maxLength: 60 }),
  });

const everyone = [...SENDERS, ...RECEIVERS];

/** Senders linked to every receiver; faults on every link; random kills, holds and time. */
function playNet(s: NetScenario, delivery: 'at-least-once' | 'at-most-once'): TestWorkbench {
  const wb = createTestWorkbench({ seed: s.seed, kinds: { sink } });
  for (const name of everyone) wb.deploy(name, 'sink');
  for (const a of SENDERS) for (const b of RECEIVERS) wb.link(a, b, `${a}-${b}`);
  if (delivery === 'at-least-once') {
    for (const a of SENDERS)
      for (const b of RECEIVERS) wb.configureLink(`${a}-${b}`, { delivery, retry: { initialMs: 50, maxMs: 500, maxAttempts: 30 } });
  }
  const inject = (id: string, probability: number, effect: Parameters<TestWorkbench['inject']>[0]['effect']) => {
    if (probability > 0) wb.inject({ id, target: {}, probability, effect });
  };
  inject('drop', s.drop, { kind: 'drop' });
  inject('dup', s.duplicate, { kind: 'duplicate' });
  inject('reorder', s.reorder, { kind: 'reorder', windowMs: 80 });
  inject('latency', 1, { kind: 'latency', ms: s.latency, jitterMs: s.jitter });
  let n = 0;
  for (const op of s.ops) {
    if (op.kind === 'send') wb.sendAs(SENDERS[op.from]!, { performative: 'request', receiver: RECEIVERS[op.to]!, content: n++ });
    else if (op.kind === 'kill')
      wb.inject({ id: `kill${n++}`, target: { agents: [everyone[op.agent]!] }, probability: 1, effect: { kind: 'kill' } });
    else if (op.kind === 'hold') wb.hold(everyone[op.agent]!);
    else if (op.kind === 'release') wb.release(everyone[op.agent]!);
    else wb.tick(op.ms);
  }
  wb.clearChaos();
  for (const name of everyone) wb.release(name);
  wb.tick(120_000); // settle: every retry, backoff and transit comes due
  return wb;
}

describe('resilience properties', () => {
  it('at-least-once links under drop/duplicate/reorder and kills: each request handled exactly once, or dead-lettered; never both, never lost', () => {
    fc.assert(
      fc.property(netScenario(true), (s) => {
        const wb = playNet(s, 'at-least-once');
        const requests = wb
          .eventsOf('message.sent')
          .map((e) => e.message)
          .filter((m) => m.performative === 'request');
        const handled = new Map<string, number>();
        for (const e of wb.eventsOf('message.handled'))
          handled.set(`${e.agent}|${e.messageId}`, (handled.get(`${e.agent}|${e.messageId}`) ?? 0) + 1);
        const invoked = new Map<string, number>();
        for (const r of RECEIVERS) for (const m of wb.messagesTo(r)) invoked.set(`${r}|${m.id}`, (invoked.get(`${r}|${m.id}`) ?? 0) + 1);
        const dead = new Set(wb.eventsOf('message.dead-lettered').map((e) => `${e.to}|${e.message.id}`));
        for (const m of requests) {
          const key = `${m.receiver as string}|${m.id}`;
          const h = handled.get(key) ?? 0;
          expect(h).toBeLessThanOrEqual(1);
          expect(invoked.get(key) ?? 0).toBeLessThanOrEqual(1);
          expect(h + (dead.has(key) ? 1 : 0)).toBe(1);
        }
        expect(wb.kernel.snapshot().agents.every((a) => a.mailboxDepth === 0 || a.status === 'failed')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('without reorder, per-pair order holds under latency + jitter, drops, duplicates and kills', () => {
    fc.assert(
      fc.property(netScenario(false), (s) => {
        const wb = playNet(s, 'at-most-once');
        for (const r of RECEIVERS) {
          const last = new Map<string, number>();
          for (const m of wb.messagesTo(r)) {
            const previous = last.get(m.sender) ?? -1;
            expect(m.content as number).toBeGreaterThanOrEqual(previous); // duplicates repeat, never go back
            last.set(m.sender, m.content as number);
          }
        }
        // Nothing vanishes: every request is handled, dropped (dead-lettered) or failed.
        const requests = wb
          .eventsOf('message.sent')
          .map((e) => e.message)
          .filter((m) => m.performative === 'request');
        const accounted = new Set([
          ...wb.eventsOf('message.handled').map((e) => `${e.agent}|${e.messageId}`),
          ...wb.eventsOf('message.dead-lettered').map((e) => `${e.to}|${e.message.id}`),
        ]);
        for (const m of requests) expect(accounted.has(`${m.receiver as string}|${m.id}`)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('same seed ⇒ the same event log; different seeds ⇒ different logs under probabilistic faults', () => {
    fc.assert(
      fc.property(netScenario(true), (s) => {
        const a = JSON.stringify(playNet(s, 'at-least-once').events);
        const b = JSON.stringify(playNet(s, 'at-least-once').events);
        expect(a).toBe(b);
      }),
      { numRuns: 20 },
    );
    const base: NetScenario = {
      seed: 1,
      drop: 0.4,
      duplicate: 0.3,
      reorder: 0.3,
      latency: 10,
      jitter: 50,
      ops: Array.from({ length: 30 }, (_, i) => ({ kind: 'send' as const, from: i % 3, to: (i * 7) % 3 })),
    };
    const logs = new Set([1, 2, 3].map((seed) => JSON.stringify(playNet({ ...base, seed }, 'at-least-once').events)));
    expect(logs.size).toBe(3);
  });

  it('strategies restart exactly what OTP restarts (one_for_one / one_for_all / rest_for_one, restart types)', () => {
    const types = fc.constantFrom<RestartType>('permanent', 'transient', 'temporary');
    fc.assert(
      fc.property(
        fc.constantFrom<RestartStrategy>('one_for_one', 'one_for_all', 'rest_for_one'),
        fc.array(types, { minLength: 1, maxLength: 5 }),
        fc.nat(4),
        fc.nat(),
        (strategy, kinds, pick, seed) => {
          const crashed = pick % kinds.length;
          const wb = createTestWorkbench({ seed, kinds: { sink } });
          wb.group({ name: 'g', strategy, intensity: 10, periodMs: 1_000, backoff: { minMs: 10, maxMs: 10, randomFactor: 0 } });
          kinds.forEach((restart, i) => wb.deploy(`c${i}`, 'sink', { group: 'g', restart }));
          wb.crash(`c${crashed}`);
          wb.tick(100);
          // OTP: a temporary child's exit restarts nothing (not even under one_for_all).
          const alone = strategy === 'one_for_one' || kinds[crashed] === 'temporary';
          const affected = kinds.map((_, i) => i).filter((i) => (alone ? i === crashed : strategy === 'one_for_all' ? true : i >= crashed));
          const restarted = affected.filter((i) => kinds[i] !== 'temporary').map((i) => `c${i}`);
          expect(wb.eventsOf('agent.backoff').map((e) => e.agent)).toEqual(restarted); // scheduled in joining order
          expect(
            wb
              .eventsOf('agent.restarted')
              .map((e) => e.agent)
              .sort(),
          ).toEqual(restarted);
          const status = (i: number) => wb.snapshot().agents[i]!.status;
          kinds.forEach((restart, i) => {
            if (!affected.includes(i)) expect(status(i)).toBe('running');
            else if (restart !== 'temporary') expect(status(i)).toBe('running');
            else expect(status(i)).toBe(i === crashed ? 'failed' : 'stopped');
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('intensity/period: the group escalates exactly at the first restart beyond `intensity` within `periodMs`', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: 100, max: 2_000 }),
        (intensity, crashes, gap, periodMs) => {
          const wb = createTestWorkbench({ seed: 1, kinds: { sink } });
          wb.group({ name: 'g', intensity, periodMs, backoff: { minMs: 10, maxMs: 10, randomFactor: 0 } });
          wb.deploy('a', 'sink', { group: 'g' });
          const times: number[] = [];
          let escalatedAt = -1;
          for (let j = 0; j < crashes; j++) {
            const t = wb.clock.now();
            times.push(t);
            wb.crash('a');
            if (escalatedAt < 0 && times.filter((x) => x > t - periodMs).length > intensity) escalatedAt = j;
            if (escalatedAt >= 0) break;
            wb.tick(gap);
          }
          expect(wb.eventsOf('group.escalated')).toHaveLength(escalatedAt >= 0 ? 1 : 0);
          expect(wb.eventsOf('agent.backoff')).toHaveLength(escalatedAt >= 0 ? escalatedAt : crashes);
          expect(wb.snapshot().agents[0]!.status).toBe(escalatedAt >= 0 ? 'failed' : 'running');
        },
      ),
      { numRuns: 200 },
    );
  });
});
