import { describe, expect, it } from 'vitest';
import { agentStatusAt, deadLetters, linkCounts, nodeCounts, restarts, throughput } from './counts';
import { percentile, summarize } from './percentile';
import { collectRequests, latencies, summarizeOutcomes } from './requests';
import { indexAt, sliceWindow } from './window';
import { requestLog } from './fixtures';

describe('requests and outcomes', () => {
  const records = collectRequests(requestLog);

  it('pairs each request with its distinct answers; duplicate deliveries count once', () => {
    expect(records.map((r) => [r.id, r.outcomes.map((o) => o.messageId), r.deliveries])).toEqual([
      ['m1', ['m2'], 2],
      ['m3', ['m4'], 1],
      ['m5', [], 0],
      ['m6', ['m7', 'm8'], 2],
    ]);
    expect(records[1]!.outcomes[0]).toMatchObject({ performative: 'failure', reason: 'agent-crashed', sender: 'kernel' });
  });

  it('summarises: lost, answered twice, failures by reason', () => {
    expect(summarizeOutcomes(records)).toEqual({
      requests: 4,
      answered: 3,
      succeeded: 1,
      failed: 2,
      lost: 1,
      answeredTwice: 1,
      duplicateDeliveries: 1,
      failuresByReason: { 'agent-crashed': 1, timeout: 1 },
    });
  });

  it('latency = first answer − sent', () => {
    expect(latencies(records)).toEqual([10, 10, 10]);
    expect(latencies(records, 'success')).toEqual([10]);
  });

  it('only counts the named requesters when asked', () => {
    expect(collectRequests(requestLog, { from: ['someone-else'] })).toEqual([]);
  });
});

describe('percentiles', () => {
  it('nearest rank, exact', () => {
    const v = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 95)).toBe(95);
    expect(percentile(v, 100)).toBe(100);
    expect(percentile(v, 0)).toBe(1);
    expect(percentile([], 50)).toBeUndefined();
    expect(summarize([3, 1, 2])).toMatchObject({ count: 3, min: 1, p50: 2, max: 3, mean: 2 });
  });
});

describe('counters', () => {
  it('per node and per link', () => {
    expect(nodeCounts(requestLog)['a']).toMatchObject({ sent: 2, delivered: 1, failed: 1, deadLettered: 1 });
    expect(nodeCounts(requestLog)['c']).toMatchObject({ sent: 4, delivered: 5 });
    expect(linkCounts(requestLog)['l1']).toMatchObject({ delivered: 4, failed: 1, faults: { drop: 1 } });
  });

  it('dead letters, restarts, statuses at a time', () => {
    expect(deadLetters(requestLog)).toEqual({ total: 1, byReason: { 'agent-crashed': 1 }, byReceiver: { a: 1 } });
    expect(restarts(requestLog).agents['a']).toEqual({ crashes: 1, restarts: 1, backoffs: 0, reasons: { trap: 1 } });
    expect(agentStatusAt(requestLog, 26).get('a')).toBe('restarting');
    expect(agentStatusAt(requestLog).get('a')).toBe('running');
  });

  it('throughput per bucket and windows by time', () => {
    const points = throughput(requestLog, { start: 0, end: 80 }, 20);
    expect(points.map((p) => p.count)).toEqual([3, 1, 0, 2]);
    expect(points[0]!.perSecond).toBe(150);
    expect(indexAt(requestLog, 11)).toBe(4);
    expect(sliceWindow(requestLog, { start: 11, end: 20 }).map((e) => e.seq)).toEqual([4, 5, 6]);
  });
});

describe('names that shadow Object.prototype', () => {
  it('counts nodes called constructor, __proto__ or toString as plain names', () => {
    const log = ['constructor', '__proto__', 'toString'].flatMap((name, i) => [
      { seq: 2 * i, t: i, type: 'agent.crashed', agent: name, instance: 1, reason: 'trap' },
      { seq: 2 * i + 1, t: i, type: 'message.dead-lettered', to: name, reason: 'constructor', message: {} },
    ]) as unknown as Parameters<typeof restarts>[0];
    const r = restarts(log);
    expect(Object.keys(r.agents)).toEqual(['constructor', '__proto__', 'toString']);
    expect(r.agents['__proto__']).toEqual({ crashes: 1, restarts: 0, backoffs: 0, reasons: { trap: 1 } });
    const d = deadLetters(log);
    expect(Object.entries(d.byReceiver)).toEqual([
      ['constructor', 1],
      ['__proto__', 1],
      ['toString', 1],
    ]);
    expect(Object.entries(d.byReason)).toEqual([['constructor', 3]]);
    expect(Object.getPrototypeOf(d.byReceiver)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['crashes']).toBeUndefined();
  });
});
