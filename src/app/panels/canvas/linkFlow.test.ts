import { describe, expect, it } from 'vitest';
import type { CanaryView } from '../../../experiments/load/run/types';
import { initialLoadLab, type LoadLab } from '../load/loadSlice';
import type { PlainNode } from './canvasSlice';
import { flowOf, type LinkFlowInput } from './linkFlow';

const canary: CanaryView = { stable: 'echo-1', canary: 'echo-1-next', stage: 1, stages: 4, weight: 5, state: 'running', verdicts: [] };

function input(links: Record<string, number>, lab: Partial<LoadLab> = {}): LinkFlowInput {
  const plainNodes: Record<string, PlainNode> = { traffic: { name: 'traffic', kind: 'client' } };
  return { rates: { nodes: {}, links, mailbox: {} }, plainNodes, loadLab: { ...initialLoadLab(), ...lab } };
}

const toEcho = { a: 'traffic', b: 'echo-1' };

describe('flowOf', () => {
  it('outside a load run shows the sampled traffic and no load step', () => {
    const flow = flowOf(input({ 'l>': 150, 'l<': 0 }, { linkLoad: { l: 5000 } }), 'l', toEcho);
    expect(flow).toMatchObject({ toB: true, toA: false, label: '150 msg/s', step: 0 });
  });

  it('during a run colours the link by the run’s own rate when the canvas’s kernel does not see it (simulation)', () => {
    const flow = flowOf(input({}, { status: 'running', linkLoad: { l: 250 } }), 'l', toEcho);
    expect(flow).toMatchObject({ toB: false, toA: false, label: '250 msg/s', step: 3 });
  });

  it('during a live run takes the larger of the sampled traffic both ways and the run’s rate', () => {
    const flow = flowOf(input({ 'l>': 800, 'l<': 790 }, { status: 'running', linkLoad: { l: 900 } }), 'l', toEcho);
    expect(flow).toMatchObject({ toB: true, toA: true, label: '1.6k msg/s', step: 4 });
  });

  it('leaves a link without traffic unloaded during a run', () => {
    expect(flowOf(input({ 'm>': 0 }, { status: 'running', linkLoad: { l: 12 } }), 'm', toEcho)).toMatchObject({ label: '', step: 0 });
  });

  it('labels the halves of a canary split on links from clients, during the run and after it', () => {
    for (const status of ['running', 'done'] as const) {
      const lab = { status, canary };
      expect(flowOf(input({}, lab), 'l', toEcho)).toMatchObject({ role: 'stable', split: 'stable 95 %' });
      expect(flowOf(input({}, lab), 'k', { a: 'traffic', b: 'echo-1-next' })).toMatchObject({ role: 'canary', split: 'canary 5 %' });
      expect(flowOf(input({}, lab), 'j', { a: 'echo-1', b: 'echo-1-next' })).toMatchObject({ role: undefined, split: '' });
    }
  });
});
