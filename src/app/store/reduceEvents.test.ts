import { describe, expect, it } from 'vitest';
import type { EventBody, KernelEvent } from '../../kernel/types';
import { initialData } from './createWorkbenchStore';
import { nameStem, nextName } from './names';
import { MAX_LOG_ROWS, reduceEvents } from './reduceEvents';
import { applySnapshot, snapshotFits } from './applySnapshot';
import type { WorkbenchData } from './types';

let seq = 0;
const ev = (body: EventBody): KernelEvent => ({ ...body, seq: seq++, t: 1000 + seq }) as KernelEvent;
const apply = (state: WorkbenchData, bodies: EventBody[]): WorkbenchData => ({
  ...state,
  ...reduceEvents(state, bodies.map(ev)),
});
const msg = (id: string, sender: string, receiver: string, content: unknown = {}) => ({
  id,
  performative: 'request' as const,
  sender,
  receiver,
  content: content as never,
  sent_at: 5,
});

describe('reduceEvents', () => {
  it('projects an agent through deploy, crash and restart', () => {
    seq = 0;
    let s = initialData();
    s = { ...s, pending: { 'echo-1': { x: 300, y: 200 } } };
    s = apply(s, [
      { type: 'agent.deployed', agent: 'echo-1', kind: 'echo', config: null },
      { type: 'agent.status', agent: 'echo-1', status: 'running' },
    ]);
    expect(s.agents['echo-1']).toMatchObject({ status: 'running', restarts: 0 });
    expect(s.positions['echo-1']).toEqual({ x: 300, y: 200 });
    expect(s.pending).toEqual({});
    s = apply(s, [
      { type: 'agent.crashed', agent: 'echo-1', reason: 'trap' },
      { type: 'agent.status', agent: 'echo-1', status: 'restarting' },
      { type: 'agent.restarted', agent: 'echo-1', instance: 2 },
      { type: 'agent.status', agent: 'echo-1', status: 'running' },
    ]);
    expect(s.agents['echo-1']).toMatchObject({ status: 'running', restarts: 1, instance: 2 });
  });

  it('writes one log row per message and marks failures', () => {
    seq = 0;
    let s = initialData();
    s = apply(s, [
      { type: 'message.sent', message: msg('m1', 'you', 'echo-1', { text: 'hi' }) },
      { type: 'message.delivered', messageId: 'm1', to: 'echo-1' },
      { type: 'message.sent', message: msg('m2', 'you', 'ghost') },
      { type: 'message.failed', messageId: 'm2', to: 'ghost', reason: 'unknown-receiver' },
    ]);
    expect(s.rows.map((r) => [r.key, r.outcome, r.reason])).toEqual([
      ['m1', 'delivered', undefined],
      ['m2', 'failed', 'unknown-receiver'],
    ]);
    expect(s.rows[0]?.content).toBe('{"text":"hi"}');
  });

  it('skips events it has already applied', () => {
    seq = 0;
    const events = [ev({ type: 'agent.deployed', agent: 'a-1', kind: 'echo', config: null })];
    const once = { ...initialData(), ...reduceEvents(initialData(), events) };
    const twice = { ...once, ...reduceEvents(once, events) };
    expect(twice.agentOrder).toEqual(['a-1']);
  });

  it('bounds the log', () => {
    seq = 0;
    const bodies: EventBody[] = [];
    for (let i = 0; i < MAX_LOG_ROWS + 10; i++) bodies.push({ type: 'message.sent', message: msg(`m${i}`, 'you', 'x') });
    const s = apply(initialData(), bodies);
    expect(s.rows.length).toBeLessThanOrEqual(MAX_LOG_ROWS);
    expect(s.droppedRows + s.rows.length).toBe(MAX_LOG_ROWS + 10);
    const last = s.rows[s.rows.length - 1]!;
    expect(s.rowById.get(last.key)! - s.droppedRows).toBe(s.rows.length - 1);
  });

  it('removes a node with its links', () => {
    seq = 0;
    let s = apply(initialData(), [
      { type: 'agent.deployed', agent: 'a-1', kind: 'echo', config: null },
      { type: 'agent.deployed', agent: 'b-1', kind: 'echo', config: null },
      { type: 'link.added', link: { id: 'l1', a: 'a-1', b: 'b-1' } },
    ]);
    s = apply(s, [{ type: 'message.delivered', messageId: 'mx', to: 'b-1', link: 'l1' }]);
    expect(s.links['l1']).toMatchObject({ pulse: 1, messages: 1 });
    s = { ...s, selected: 'a-1' };
    s = apply(s, [{ type: 'node.removed', node: 'a-1' }]);
    expect(Object.keys(s.agents)).toEqual(['b-1']);
    expect(s.links).toEqual({});
    expect(s.selected).toBeNull();
  });
});

describe('snapshots', () => {
  it('adopts a snapshot only at the same point of the log', () => {
    const snap = { time: 0, agents: [], topics: [], clients: [], links: [], seq: 5 };
    expect(snapshotFits(-1, snap)).toBe(true);
    expect(snapshotFits(4, snap)).toBe(true);
    expect(snapshotFits(3, snap)).toBe(false);
    const s = { ...initialData(), ...applySnapshot(initialData(), snap) };
    expect(s.lastSeq).toBe(4);
  });
});

describe('names', () => {
  it('generates echo-1, echo-2 and fills gaps', () => {
    expect(nextName(nameStem('echo'), new Set())).toBe('echo-1');
    expect(nextName('echo', new Set(['echo-1', 'echo-3']))).toBe('echo-2');
    expect(nameStem('custom:ab12', 'My Parser agent')).toBe('my-parser');
  });
});
