import { describe, expect, it } from 'vitest';
import { fromState } from './fromState';
import type { Workspace } from './model';
import { toCommands } from './toCommands';

const WS: Workspace = {
  orrery: 'workspace',
  version: 2,
  name: 'Order',
  // Deliberately in the "wrong" order: agents first, a child group before its parent.
  nodes: [
    { type: 'agent', name: 'a', kind: 'echo', group: 'inner', limits: { deadlineMs: 100 }, position: { x: 1, y: 2 } },
    { type: 'group', name: 'inner', strategy: 'one_for_one', parent: 'outer' },
    { type: 'client', name: 'app', position: { x: 5, y: 6 } },
    { type: 'agent', name: 'b', kind: 'counter', config: { n: 1 } },
    { type: 'topic', name: 'news' },
    { type: 'group', name: 'outer', strategy: 'one_for_all', intensity: 3 },
  ],
  links: [
    { a: 'a', b: 'news' },
    { a: 'app', b: 'b' },
  ],
  modules: [],
  composerHistory: ['x'],
};

describe('toCommands', () => {
  it('creates groups (parents first), topics and clients, then agents, then links', () => {
    const plan = toCommands(WS);
    const label = (c: (typeof plan.commands)[number]) =>
      c.type === 'link.add' ? `${c.a}-${c.b}` : 'spec' in c ? c.spec.name : 'name' in c ? c.name : '?';
    expect(plan.commands.map((c) => `${c.type} ${label(c)}`)).toEqual([
      'group.create outer',
      'group.create inner',
      'topic.create news',
      'client.create app',
      'agent.deploy a',
      'agent.deploy b',
      'link.add a-news',
      'link.add app-b',
    ]);
  });

  it('carries specs, group defaults, positions and history', () => {
    const plan = toCommands(WS);
    expect(plan.commands[0]).toEqual({
      type: 'group.create',
      spec: {
        name: 'outer',
        strategy: 'one_for_all',
        intensity: 3,
        periodMs: 5000,
        backoff: { minMs: 100, maxMs: 10_000, randomFactor: 0.2 },
      },
    });
    expect(plan.commands[4]).toEqual({
      type: 'agent.deploy',
      spec: { name: 'a', kind: 'echo', group: 'inner', limits: { deadlineMs: 100 } },
    });
    expect(plan.commands[5]).toEqual({ type: 'agent.deploy', spec: { name: 'b', kind: 'counter', config: { n: 1 } } });
    expect(plan.positions).toEqual({ a: { x: 1, y: 2 }, app: { x: 5, y: 6 } });
    expect(plan.composerHistory).toEqual(['x']);
  });
});

describe('fromState', () => {
  it('keeps what matters and leaves defaults out', () => {
    const ws = fromState({
      name: 'Live',
      agents: [
        { name: 'echo-1', kind: 'echo', config: null, limits: { deadlineMs: 5000, mailboxCapacity: 10_000, maxMessageBytes: 1024 * 1024 } },
        {
          name: 'c-1',
          kind: 'counter',
          config: { n: 2 },
          limits: { deadlineMs: 250, mailboxCapacity: 10_000, maxMessageBytes: 1024 * 1024 },
          group: 'sup',
        },
      ],
      topics: ['news'],
      clients: [],
      groups: [{ name: 'sup', strategy: 'one_for_one', intensity: 1, periodMs: 5000 }],
      links: [{ a: 'echo-1', b: 'news' }],
      positions: { 'echo-1': { x: 10.4, y: 20.6 }, news: { x: 300, y: 40 }, gone: { x: 0, y: 0 } },
      modules: [],
      composerHistory: [{ text: '{}' }],
    });
    expect(ws.nodes).toEqual([
      { type: 'group', name: 'sup', strategy: 'one_for_one', intensity: 1, periodMs: 5000 },
      { type: 'topic', name: 'news', position: { x: 300, y: 40 } },
      { type: 'agent', name: 'echo-1', kind: 'echo', position: { x: 10, y: 21 } },
      { type: 'agent', name: 'c-1', kind: 'counter', config: { n: 2 }, limits: { deadlineMs: 250 }, group: 'sup' },
    ]);
    expect(ws.links).toEqual([{ a: 'echo-1', b: 'news' }]);
    expect(ws.composerHistory).toEqual([{ text: '{}' }]);
  });

  it('round-trips through toCommands', () => {
    const plan = toCommands(WS);
    const again = fromState({
      name: WS.name,
      agents: plan.commands.flatMap((c) => (c.type === 'agent.deploy' ? [c.spec] : [])),
      topics: ['news'],
      clients: ['app'],
      groups: plan.commands.flatMap((c) =>
        c.type === 'group.create'
          ? [
              {
                name: c.spec.name,
                strategy: c.spec.strategy,
                intensity: c.spec.intensity,
                periodMs: c.spec.periodMs,
                ...(c.spec.parent ? { parent: c.spec.parent } : {}),
              },
            ]
          : [],
      ),
      links: WS.links,
      positions: plan.positions,
      modules: [],
      composerHistory: plan.composerHistory,
    });
    expect(toCommands(again).commands).toEqual(plan.commands);
  });
});
