import { describe, expect, it } from 'vitest';
import type { AgentView, KernelSnapshot } from '../../kernel/types';
import { applySnapshot } from './applySnapshot';
import { initialData } from './createWorkbenchStore';

const view = (name: string, delivered = 0): AgentView =>
  ({
    name,
    kind: 'echo',
    status: 'running',
    instance: 1,
    restarts: 0,
    mailboxDepth: 0,
    counters: { sent: 0, delivered, failed: 0 },
    config: { n: 1 },
    limits: { maxMailbox: 10 },
    restart: 'permanent',
    redelivery: { maxAttempts: 1 },
    isolated: false,
  }) as unknown as AgentView;

const snapshot = (views: AgentView[], seq: number): KernelSnapshot =>
  ({ time: 0, agents: views, topics: [], clients: [], links: [], seq }) as unknown as KernelSnapshot;

describe('reconciling with a snapshot', () => {
  it('keeps the objects of agents the snapshot agrees with, and replaces those it does not', () => {
    const first = { ...initialData(), ...applySnapshot(initialData(), snapshot([view('a'), view('b')], 1)) };
    const again = { ...first, ...applySnapshot(first, snapshot([view('a'), view('b', 3)], 1)) };
    expect(again.agents.a).toBe(first.agents.a);
    expect(again.agents.b).not.toBe(first.agents.b);
    expect(again.agents.b?.counters.delivered).toBe(3);
  });

  it('places the topics and clients the snapshot names and drops those it does not, keeping creation order', () => {
    const first = { ...initialData(), ...applySnapshot(initialData(), { ...snapshot([view('a')], 1), topics: ['t1'], clients: ['c1'] }) };
    expect(first.plainOrder).toEqual(['t1', 'c1']);
    expect(first.plainNodes).toEqual({ t1: { name: 't1', kind: 'topic' }, c1: { name: 'c1', kind: 'client' } });
    const taken = new Set([first.positions.a, first.positions.t1, first.positions.c1].map((p) => JSON.stringify(p)));
    expect(taken.size).toBe(3);

    const later = { ...first, ...applySnapshot(first, { ...snapshot([view('a')], 1), topics: ['t2'], clients: ['c1'] }) };
    expect(later.plainOrder).toEqual(['c1', 't2']);
    expect(later.positions.c1).toEqual(first.positions.c1);
    expect(later.positions.t1).toBeUndefined();
    const unchanged = applySnapshot(later, { ...snapshot([view('a')], 1), topics: ['t2'], clients: ['c1'] });
    expect(unchanged.plainNodes).toBeUndefined();
  });
});
