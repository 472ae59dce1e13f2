import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../../kernel/types';
import { initialCanvas, reduceCanvasEvents, type CanvasInput } from './canvasSlice';

function input(patch: Partial<CanvasInput> = {}): CanvasInput {
  return {
    ...initialCanvas(),
    positions: {},
    pending: {},
    links: {},
    selected: null,
    rows: [],
    rowById: new Map(),
    droppedRows: 0,
    ...patch,
  };
}

let seq = 0;
const ev = (body: Record<string, unknown>, t = 0) => ({ ...body, seq: seq++, t }) as unknown as KernelEvent;

describe('reduceCanvasEvents', () => {
  it('adds topics and clients where they were reserved, and removes them', () => {
    const s = input({ pending: { 'topic-1': { x: 10, y: 20 } } });
    const out = reduceCanvasEvents(s, [ev({ type: 'node.added', node: 'topic-1', kind: 'topic' })], -1);
    expect(out.plainNodes).toEqual({ 'topic-1': { name: 'topic-1', kind: 'topic' } });
    expect(out.positions).toEqual({ 'topic-1': { x: 10, y: 20 } });
    expect(out.pending).toEqual({});
    const next = { ...s, ...out } as CanvasInput;
    const gone = reduceCanvasEvents(next, [ev({ type: 'node.removed', node: 'topic-1' })], seq - 2);
    expect(gone.plainNodes).toEqual({});
    expect(gone.plainOrder).toEqual([]);
  });

  it('counts deliveries per link direction with their latency from the log', () => {
    const s = input({
      links: { l1: { id: 'l1', a: 'x', b: 'y' } },
      rows: [{ key: 'm1', seq: 0, t: 100, performative: 'inform', sender: 'x', receiver: 'y', content: '', outcome: 'sent' }],
      rowById: new Map([['m1', 0]]),
    });
    const out = reduceCanvasEvents(
      s,
      [
        ev({ type: 'message.delivered', messageId: 'm1', to: 'y', link: 'l1' }, 103),
        ev({ type: 'message.delivered', messageId: 'm9', to: 'x', link: 'l1' }, 110),
      ],
      -1,
    );
    expect(out.flows?.['l1']).toMatchObject({ ab: 1, ba: 1, timed: 1, latencySumMs: 3, latencyMaxMs: 3 });
  });

  it('keeps status, restart and log history per agent', () => {
    const s = input({ positions: { c: { x: 0, y: 0 } } });
    const out = reduceCanvasEvents(
      s,
      [
        ev({ type: 'agent.deployed', agent: 'c', kind: 'crasher', config: null }),
        ev({ type: 'agent.status', agent: 'c', status: 'running' }),
        ev({ type: 'agent.crashed', agent: 'c', reason: 'trap' }),
        ev({ type: 'agent.restarted', agent: 'c', instance: 2 }),
        ev({ type: 'log', agent: 'c', level: 'info', text: 'hello' }),
      ],
      -1,
    );
    const insight = out.insight?.['c'];
    expect(insight?.statuses.map((x) => x.status)).toEqual(['loading', 'running']);
    expect(insight?.restarts.map((x) => x.what)).toEqual(['crashed', 'restarted']);
    expect(insight?.logs.map((x) => x.text)).toEqual(['hello']);
  });

  it('skips events already applied', () => {
    const s = input();
    const e = ev({ type: 'node.added', node: 'client-1', kind: 'client' });
    expect(reduceCanvasEvents(s, [e], e.seq)).toEqual({});
  });
});
