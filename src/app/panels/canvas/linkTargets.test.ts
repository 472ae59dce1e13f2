import { describe, expect, it } from 'vitest';
import { linkSource, linkTargets } from './linkTargets';

const graph = {
  agentOrder: ['echo-1', 'echo-2', 'counter-1'],
  plainOrder: ['news'],
  plainNodes: { news: { name: 'news', kind: 'topic' as const } },
  links: { l1: { id: 'l1', a: 'echo-1', b: 'counter-1', pulse: 0, messages: 0 } },
};

describe('keyboard linking', () => {
  it('offers every other node not linked yet, in canvas order, filtered by name', () => {
    expect(linkTargets(graph, 'echo-1')).toEqual([
      { name: 'echo-2', type: 'agent' },
      { name: 'news', type: 'topic' },
    ]);
    expect(linkTargets(graph, 'counter-1').map((t) => t.name)).toEqual(['echo-2', 'news']);
    expect(linkTargets(graph, 'echo-1', 'NEW').map((t) => t.name)).toEqual(['news']);
  });

  it('starts from exactly one selected node', () => {
    const base = { agents: { 'echo-1': {} as never }, plainNodes: graph.plainNodes };
    expect(linkSource({ ...base, selectedNodes: ['echo-1'], selected: 'echo-1' })).toBe('echo-1');
    expect(linkSource({ ...base, selectedNodes: [], selected: 'news' })).toBe('news');
    expect(linkSource({ ...base, selectedNodes: ['echo-1', 'news'], selected: 'echo-1' })).toBeNull();
    expect(linkSource({ ...base, selectedNodes: ['gone'], selected: 'gone' })).toBeNull();
  });
});
