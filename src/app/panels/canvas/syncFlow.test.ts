import { describe, expect, it } from 'vitest';
import { initialData } from '../../store/createWorkbenchStore';
import type { AgentState } from '../../store/types';
import { syncNodes, type GraphInput } from './syncFlow';

const agent = (name: string): AgentState =>
  ({
    name,
    kind: 'echo',
    status: 'running',
    instance: 1,
    restarts: 0,
    mailboxDepth: 0,
    counters: { sent: 0, delivered: 0, failed: 0 },
    config: null,
  }) as AgentState;

function graph(names: string[]): GraphInput {
  return {
    ...initialData(),
    agents: Object.fromEntries(names.map((n) => [n, agent(n)])),
    agentOrder: names,
    positions: Object.fromEntries(names.map((n, i) => [n, { x: i * 300, y: 0 }])),
    plainNodes: {},
    plainOrder: [],
    groups: {},
    membership: {},
    selectedNodes: [],
    selectedLink: null,
    search: '',
  };
}

describe('agent nodes for React Flow', () => {
  it('carry their size and handles until measured, so React Flow need not render off-screen nodes to measure them', () => {
    const [fresh] = syncNodes([], graph(['a']), (k) => k);
    expect(fresh?.handles?.map((h) => h.type)).toEqual(['target', 'source']);
    expect(fresh?.initialWidth).toBeGreaterThan(0);
    const measured = { ...fresh!, measured: { width: 180, height: 90 } };
    const [after] = syncNodes([measured], graph(['a']), (k) => k);
    expect(after?.handles).toBeUndefined();
    expect(after?.measured).toEqual({ width: 180, height: 90 });
  });
});
