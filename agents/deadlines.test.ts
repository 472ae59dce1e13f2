// Deadlines of the pattern agents that wait for others: each call for proposals / request
// carries `reply_by`, the agent sets a timer for it, and a silent participant costs one
// deadline instead of a stalled conversation. Real agents over the test router, timers on
// its virtual clock (test/router.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgents, loadAgent, preload } from './test/harness';
import { Network, loadScenario, type Envelope, type Json, type Scenario } from './test/router';

beforeAll(async () => {
  buildAgents();
  await preload(['cnet-manager', 'auctioneer', 'bidder', 'gatherer', 'kv-store', 'saga-coordinator', 'saga-step', 'requester', 'service']);
}, 120_000);

const DEFAULT_DEADLINE_MS = 5000;

/** The scenario's config of `name`, with `extra` merged in. */
function configOf(s: Scenario, name: string, extra: Record<string, Json>): Json {
  const node = s.nodes.find((n) => n.name === name);
  const base = node?.type === 'agent' && node.config && typeof node.config === 'object' && !Array.isArray(node.config) ? node.config : {};
  return { ...base, ...extra };
}

async function start(id: string, configs: Record<string, Json> = {}) {
  const s = loadScenario(id);
  return { s, net: await Network.start(s, configs) };
}

/** Plays the scenario; returns the final report of `from` and when the clock said it was sent. */
function play(net: Network, s: Scenario): Envelope {
  net.play(s);
  expect(net.problems).toEqual([]);
  const reports = net.sent.filter((m) => m.sender === s.expect.from && m.receiver === (s.run[0]!.from ?? 'you'));
  expect(reports, 'exactly one final report').toHaveLength(1);
  return reports[0]!;
}

describe('contract net manager', () => {
  it('awards among the bids it has when a bidder stays silent, at the deadline', async () => {
    const { s, net } = await start('contract-net');
    const report = play(net.silence('worker-2'), s);
    expect(net.from('manager', 'cfp')[0]!.reply_by).toBe(DEFAULT_DEADLINE_MS);
    expect(report.sent_at).toBe(DEFAULT_DEADLINE_MS);
    expect(report.content).toMatchObject({
      winner: 'worker-1',
      price: 15,
      task: 'done',
      bids: { 'worker-2': null },
      missing: ['worker-2'],
    });
  });

  it('takes its deadline from config, and reports not-awarded when the only bidder is silent', async () => {
    const { s, net } = await start('contract-net', {
      manager: configOf(loadScenario('contract-net'), 'manager', { deadline_ms: 800 }),
      'worker-1': { refuse: true },
      'worker-3': { refuse: true },
    });
    const report = play(net.silence('worker-2'), s);
    expect(net.from('manager', 'cfp')[0]!.reply_by).toBe(800);
    expect(report.sent_at).toBe(800);
    expect(report.content).toMatchObject({ winner: null, task: 'not-awarded', missing: ['worker-2'] });
  });

  it('reports the task failed with reason timeout when the winner never confirms', async () => {
    const { s, net } = await start('contract-net');
    net.drop = (to, m) => to === 'worker-2' && m.performative === 'accept-proposal';
    const report = play(net, s);
    expect(net.from('manager', 'accept-proposal')[0]!.reply_by).toBe(DEFAULT_DEADLINE_MS);
    expect(report.sent_at).toBe(DEFAULT_DEADLINE_MS);
    expect(report.content).toMatchObject({
      winner: 'worker-2',
      task: 'failed',
      reason: { reason: 'timeout', missing: ['worker-2'] },
      missing: [],
    });
  });

  it('ignores the wake-ups of waits already decided', async () => {
    const { s, net } = await start('contract-net');
    const report = play(net, s);
    expect(report.sent_at).toBe(0);
    expect(report.content).toMatchObject({ winner: 'worker-2', task: 'done', missing: [] });
    // Both waits (cfp, award) were decided before their timers fired; the wake-ups changed nothing.
    expect(net.wakeups.map((w) => w.agent)).toEqual(['manager', 'manager']);
    expect(net.sent.filter((m) => m.sender === 'manager')).toHaveLength(5);
  });
});

describe('auctioneer', () => {
  it('closes a round with the bids it has when a bidder stays silent', async () => {
    const { s, net } = await start('english-auction');
    const report = play(net.silence('bidder-3'), s);
    expect(net.from('auctioneer', 'cfp')[0]!.reply_by).toBe(DEFAULT_DEADLINE_MS);
    expect(report.sent_at).toBe(DEFAULT_DEADLINE_MS);
    // Without bidder-3 (limit 70) the price stops at 70: bidder-1 drops out at 70.
    expect(report.content).toMatchObject({ winner: 'bidder-2', price: 70, rounds: 3, sold: true, missing: ['bidder-3'] });
  });

  it('ignores the stale wake-up of an earlier round when a bidder falls silent later', async () => {
    const { s, net } = await start('english-auction');
    net.drop = (to, m) => to === 'bidder-2' && (m.content as { round?: number } | null)?.round === 2;
    const report = play(net, s);
    // Round 1's timer fired first (stale), then round 2's closed the round without bidder-2;
    // round 3 at 70 is above bidder-1's limit.
    expect(net.wakeups.slice(0, 2).map((w) => w.tag)).toEqual(['auction-1-r1@1', 'auction-1-r2@2']);
    expect(report.sent_at).toBe(DEFAULT_DEADLINE_MS);
    expect(report.content).toMatchObject({ winner: 'bidder-3', price: 70, rounds: 3, sold: true, missing: ['bidder-2'] });
  });

  it('reports not sold when the winner never confirms', async () => {
    const { s, net } = await start('english-auction');
    net.drop = (to, m) => to === 'bidder-2' && m.performative === 'accept-proposal';
    const report = play(net, s);
    expect(report.content).toMatchObject({ winner: 'bidder-2', price: 80, sold: false });
    expect(report.sent_at).toBe(DEFAULT_DEADLINE_MS);
  });
});

describe('gatherer', () => {
  it('answers with what it gathered and names who was missing', async () => {
    const { s, net } = await start('scatter-gather');
    const report = play(net.silence('shop-b'), s);
    expect(net.from('gatherer', 'query-ref')[0]!.reply_by).toBe(DEFAULT_DEADLINE_MS);
    expect(report.sent_at).toBe(DEFAULT_DEADLINE_MS);
    expect(report.content).toMatchObject({
      asked: 3,
      replies: 2,
      results: { 'shop-a': 12.5, 'shop-b': null, 'shop-c': 11 },
      best: { from: 'shop-c', value: 11 },
      missing: ['shop-b'],
    });
  });
});

describe('saga coordinator', () => {
  it('compensates the completed steps when a step stays silent', async () => {
    const { s, net } = await start('saga');
    const report = play(net.silence('hotels'), s);
    expect(net.from('coordinator', 'request')[0]!.reply_by).toBe(DEFAULT_DEADLINE_MS);
    expect(report.sent_at).toBe(DEFAULT_DEADLINE_MS);
    expect(report.content).toMatchObject({
      outcome: 'compensated',
      failed_step: 'book-hotel',
      reason: { reason: 'timeout', missing: ['hotels'] },
      completed: ['book-flight'],
      compensated: ['book-flight'],
    });
  });

  it('counts a silent compensation as failed and goes on', async () => {
    const { s, net } = await start('saga');
    net.drop = (to, m) => to === 'hotels' && (m.content as { action?: string } | null)?.action === 'cancel-hotel';
    const report = play(net, s);
    // book-car fails at once; cancel-hotel is silent for one deadline; cancel-flight follows.
    expect(report.sent_at).toBe(DEFAULT_DEADLINE_MS);
    expect(report.content).toMatchObject({ outcome: 'compensation-failed', failed_step: 'book-car', compensated: ['book-flight'] });
  });
});

describe("the kernel's timeout failure", () => {
  /** Runs `id` with `silent` silent, and answers its last request to it as the kernel does when reply_by passes. */
  async function kernelTimesOut(id: string, from: string, silent: string): Promise<Json> {
    const { s, net } = await start(id);
    net.silence(silent);
    for (const step of s.run) net.send(step.message, step.from ?? 'you');
    net.settle(10_000, { timers: false });
    const request = net.sent.filter((m) => m.sender === from && m.receiver === silent).at(-1)!;
    const content = { reason: 'timeout', receiver: silent };
    net.send(
      { performative: 'failure', receiver: from, in_reply_to: request.reply_with!, conversation_id: request.conversation_id!, content },
      'kernel',
    );
    net.settle();
    expect(net.problems).toEqual([]);
    // Decided once: its own wake-up, due later, found nothing left to wait for.
    expect(net.sent.filter((m) => m.sender === from && m.receiver === 'you')).toHaveLength(1);
    return net.report(from)!.content;
  }

  it("reads like the saga's own deadline", async () => {
    const { s, net } = await start('saga');
    const own = play(net.silence('hotels'), s).content;
    expect(await kernelTimesOut('saga', 'coordinator', 'hotels')).toEqual(own);
  });

  it("reads like the requester's own deadline", async () => {
    const { s, net } = await start('request-response');
    const own = play(net.silence('calculator'), s).content;
    expect(await kernelTimesOut('request-response', 'requester', 'calculator')).toEqual(own);
  });
});

describe('requester', () => {
  it('reports a timeout when the service stays silent', async () => {
    const { s, net } = await start('request-response');
    const report = play(net.silence('calculator'), s);
    expect(net.from('requester', 'request')[0]!.reply_by).toBe(DEFAULT_DEADLINE_MS);
    expect(report.sent_at).toBe(DEFAULT_DEADLINE_MS);
    expect(report.performative).toBe('failure');
    expect(report.content).toMatchObject({
      pattern: 'request-response',
      to: 'calculator',
      answer: 'timeout',
      reason: { reason: 'timeout', missing: ['calculator'] },
    });
  });
});

describe('timer wake-ups', () => {
  it('are recognised only from the agent itself', async () => {
    const manager = await loadAgent('cnet-manager', JSON.stringify({ participants: ['w'] }));
    manager.deliver({ performative: 'request', content: {}, conversation_id: 'c' });
    const [timer] = manager.host.takeTimers();
    expect(timer).toEqual({ delayMs: DEFAULT_DEADLINE_MS, tag: 'c-cfp@1' });
    // Someone else sending a wake-up-shaped message decides nothing.
    expect(manager.deliver({ performative: 'inform', ontology: 'orrery-timer', content: { timer: timer!.tag } })).toEqual([]);
    // The real one (sender = receiver = the agent) does.
    const sent = manager.deliver({
      performative: 'inform',
      sender: 'cnet-manager',
      receiver: 'cnet-manager',
      ontology: 'orrery-timer',
      content: { timer: timer!.tag },
    });
    expect(sent).toEqual([
      expect.objectContaining({ performative: 'inform', content: expect.objectContaining({ task: 'not-awarded', missing: ['w'] }) }),
    ]);
  });
});
