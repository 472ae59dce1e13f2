// The pattern gallery: every scenario in agents/patterns/ runs end to end on the real
// built agents through a small in-test router (test/router.ts), and its final report
// matches the scenario's `expect`. Plus the protocol paths the gallery relies on.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAgents, OUT_DIR, preload } from './test/harness';
import { Network, loadScenario, scenarioIds, type Json, type Scenario } from './test/router';

beforeAll(async () => {
  buildAgents();
  const kinds = new Set(scenarioIds().flatMap((id) => loadScenario(id).nodes.flatMap((n) => (n.type === 'agent' ? [n.kind] : []))));
  await preload([...kinds]);
}, 120_000);

const PATTERNS = [
  'request-response',
  'fire-and-forget',
  'query',
  'publish-subscribe',
  'contract-net',
  'english-auction',
  'blackboard',
  'pipeline',
  'scatter-gather',
  'saga',
];

const starter = (s: Scenario) => s.run[0]!.from ?? 'you';

async function run(s: Scenario, configs: Record<string, Json> = {}) {
  const net = await Network.start(s, configs);
  net.play(s);
  expect(net.problems).toEqual([]);
  return net;
}

describe('scenario files', () => {
  it('has the ten patterns, each well formed and built from manifest kinds', () => {
    expect(scenarioIds().sort()).toEqual([...PATTERNS].sort());
    const manifest = JSON.parse(readFileSync(join(OUT_DIR, 'manifest.json'), 'utf8')) as { kind: string; role: string }[];
    const kinds = new Map(manifest.map((m) => [m.kind, m.role]));
    for (const id of PATTERNS) {
      const s = loadScenario(id);
      expect(s.id).toBe(id);
      expect(s.title).toBeTruthy();
      expect(s.description).toBeTruthy();
      const names = s.nodes.map((n) => n.name);
      expect(new Set(names).size, `${id}: node names are unique`).toBe(names.length);
      for (const n of s.nodes) {
        expect(['agent', 'topic', 'client']).toContain(n.type);
        if (n.type === 'agent') expect(kinds.get(n.kind), `${id}: ${n.kind} is a pattern kind`).toBe('pattern');
      }
      for (const [a, b] of s.links) expect(names, `${id}: link ${a}–${b}`).toEqual(expect.arrayContaining([a, b]));
      expect(s.run.length).toBeGreaterThan(0);
      for (const step of s.run) {
        if (step.from !== undefined) expect(s.nodes.find((n) => n.name === step.from)?.type).toBe('client');
        expect(typeof step.message.performative).toBe('string');
      }
      expect(names).toContain(s.expect.from);
      expect((s.expect.content as { pattern?: string }).pattern).toBe(id === 'english-auction' ? 'english-auction' : id);
    }
  });
});

describe.each(PATTERNS)('pattern %s', (id) => {
  it('runs and reports what the scenario expects', async () => {
    const s = loadScenario(id);
    const net = await run(s);
    const report = net.report(s.expect.from);
    expect(report, `${id}: a report from ${s.expect.from}`).toBeDefined();
    expect(report!.receiver).toBe(s.expect.from === 'sink' || s.expect.from === 'publisher' ? 'you' : starter(s));
    expect(report!.performative).toBe(s.expect.performative);
    expect(report!.content).toMatchObject(s.expect.content as object);
    // One conversation from start to finish.
    const conv = s.run[0]!.message.conversation_id;
    for (const m of net.sent)
      if (m.sender !== 'kernel') expect(m.conversation_id, `${m.performative} ${m.sender} -> ${String(m.receiver)}`).toBe(conv);
  });
});

describe('contract net', () => {
  const s = loadScenario('contract-net');
  const workers = (p1: Json, p2: Json, p3: Json) => ({ 'worker-1': p1, 'worker-2': p2, 'worker-3': p3 });

  it('follows cfp, propose, accept/reject, inform', async () => {
    const net = await run(s);
    const flow = net.sent
      .filter((m) => m.sender !== 'you')
      .map((m) => `${m.sender} ${m.performative} ${Array.isArray(m.receiver) ? m.receiver.join(',') : m.receiver}`);
    expect(flow).toEqual([
      'manager cfp worker-1,worker-2,worker-3',
      'worker-1 propose manager',
      'worker-2 propose manager',
      'worker-3 propose manager',
      'manager reject-proposal worker-1',
      'manager accept-proposal worker-2',
      'manager reject-proposal worker-3',
      'worker-2 inform manager',
      'manager inform you',
    ]);
    // accept-proposal answers the winner's propose; the proposals answer the cfp.
    const cfp = net.from('manager', 'cfp')[0]!;
    for (const p of net.sent.filter((m) => m.performative === 'propose')) expect(p.in_reply_to).toBe(cfp.reply_with);
    const accept = net.from('manager', 'accept-proposal')[0]!;
    expect(accept.in_reply_to).toBe(net.from('worker-2', 'propose')[0]!.reply_with);
    expect(net.report('manager')!.in_reply_to).toBe('start');
  });

  it('awards the best bid from config, ties to the first, and skips refusals', async () => {
    const cases: [Record<string, Json>, string | null, number | null][] = [
      [workers({ price: 30 }, { price: 20 }, { price: 5 }), 'worker-3', 5],
      [workers({ price: 7 }, { price: 7 }, { price: 9 }), 'worker-1', 7],
      [workers({ price: 3, refuse: true }, { price: 8 }, { price: 6 }), 'worker-3', 6],
    ];
    for (const [configs, winner, price] of cases) {
      const net = await run(s, configs);
      expect(net.report('manager')!.content).toMatchObject({ pattern: 'contract-net', winner, price, task: 'done' });
      expect(net.from('manager', 'accept-proposal').map((m) => m.receiver)).toEqual([winner]);
    }
  });

  it('reports not-awarded when all refuse, and failed when the winner fails', async () => {
    const none = await run(s, workers({ refuse: true }, { refuse: true }, { refuse: true }));
    expect(none.report('manager')!.content).toMatchObject({ winner: null, task: 'not-awarded', bids: { 'worker-1': null } });
    const failing = await run(s, workers({ price: 1, fail_task: true }, { price: 2 }, { price: 3 }));
    expect(failing.report('manager')!.content).toMatchObject({ winner: 'worker-1', price: 1, task: 'failed' });
  });

  it('counts an unreachable worker as an answer (the kernel failure)', async () => {
    const cut = { ...s, links: s.links.filter(([, b]) => b !== 'worker-2') };
    const net = await Network.start(cut);
    net.play(cut);
    expect(net.problems).toEqual(['no-route: cfp manager -> worker-2']);
    expect(net.report('manager')!.content).toMatchObject({ winner: 'worker-1', price: 15, task: 'done', bids: { 'worker-2': null } });
  });
});

describe('saga', () => {
  const s = loadScenario('saga');
  const steps = ['flights', 'hotels', 'cars', 'payments'];
  const failAt = (agent: string): Record<string, Json> =>
    Object.fromEntries(steps.map((a): [string, Json] => [a, a === agent ? { fail: true, reason: `${a} down` } : {}]));
  const requests = (net: Network) =>
    net.from('coordinator', 'request').map((m) => `${String(m.receiver)}:${(m.content as { action: string }).action}`);

  it('compensates the completed steps in reverse order when a step fails', async () => {
    const net = await run(s);
    expect(requests(net)).toEqual([
      'flights:book-flight',
      'hotels:book-hotel',
      'cars:book-car',
      'hotels:cancel-hotel',
      'flights:cancel-flight',
    ]);
    // Each compensation is awaited: cancel-flight is sent only after hotels informed.
    const order = net.sent.map((m) => `${m.sender}:${m.performative}:${(m.content as { action?: string } | null)?.action ?? ''}`);
    expect(order.indexOf('hotels:inform:cancel-hotel')).toBeLessThan(order.indexOf('coordinator:request:cancel-flight'));
    expect(net.from('payments')).toEqual([]);
    // The participants' own logs agree.
    for (const [agent, log] of [
      ['flights', ['book-flight', 'cancel-flight']],
      ['hotels', ['book-hotel', 'cancel-hotel']],
      ['cars', ['failed book-car']],
    ] as const) {
      net.send({ performative: 'query-ref', receiver: agent, content: null }, 'you');
      net.settle();
      expect(net.report(agent)!.content).toEqual({ log });
    }
  });

  it('commits when no step fails, and compensates nothing when the first fails', async () => {
    const ok = await run(s, failAt('none'));
    expect(ok.report('coordinator')!.content).toEqual({
      pattern: 'saga',
      outcome: 'committed',
      completed: ['book-flight', 'book-hotel', 'book-car', 'charge-card'],
    });
    const first = await run(s, failAt('flights'));
    expect(first.report('coordinator')!.content).toMatchObject({
      outcome: 'compensated',
      failed_step: 'book-flight',
      reason: 'flights down',
      completed: [],
      compensated: [],
    });
    const last = await run(s, failAt('payments'));
    expect(last.report('coordinator')!.content).toMatchObject({
      failed_step: 'charge-card',
      compensated: ['book-car', 'book-hotel', 'book-flight'],
    });
    expect(requests(last).slice(4)).toEqual(['cars:cancel-car', 'hotels:cancel-hotel', 'flights:cancel-flight']);
  });
});

describe('english auction', () => {
  const s = loadScenario('english-auction');
  it('raises the price each round and sells to the last bidder standing', async () => {
    const net = await run(s);
    expect(net.from('auctioneer', 'cfp').map((m) => [(m.content as { price: number }).price, m.receiver])).toEqual([
      [50, ['bidder-1', 'bidder-2', 'bidder-3']],
      [60, ['bidder-1', 'bidder-2', 'bidder-3']],
      [70, ['bidder-1', 'bidder-2', 'bidder-3']], // everyone who took 60 is asked at 70
      [80, ['bidder-2', 'bidder-3']],
    ]);
    expect(net.from('bidder-3').map((m) => m.performative)).toEqual(['propose', 'propose', 'propose', 'refuse']);
    expect(net.from('auctioneer', 'accept-proposal').map((m) => m.receiver)).toEqual(['bidder-2']);
  });

  it('sells at the previous price when everyone drops out at once, and not at all below the start', async () => {
    const tie = await run(s, { 'bidder-1': { limit: 75 }, 'bidder-2': { limit: 75 }, 'bidder-3': { limit: 10 } });
    expect(tie.report('auctioneer')!.content).toMatchObject({ winner: 'bidder-1', price: 70, rounds: 4, sold: true });
    expect(tie.from('auctioneer', 'reject-proposal').map((m) => m.receiver)).toEqual(['bidder-2']);
    const none = await run(s, { 'bidder-1': { limit: 1 }, 'bidder-2': { limit: 2 }, 'bidder-3': { limit: 3 } });
    expect(none.report('auctioneer')!.content).toMatchObject({ winner: null, sold: false, rounds: 1 });
  });
});

describe('role agents', () => {
  it('order does not matter on the blackboard: subscriptions before the problem work too', async () => {
    const s = loadScenario('blackboard');
    const reversed = { ...s, run: [...s.run].reverse() };
    const net = await run(reversed);
    expect(net.report('blackboard')!.content).toMatchObject(s.expect.content as object);
  });

  it('a requester passes a service failure on as a failure', async () => {
    const s = loadScenario('request-response');
    const net = await run(s, { requester: { to: 'calculator', content: { op: 'div', a: 1, b: 0 } } });
    expect(net.report('requester')).toMatchObject({
      performative: 'failure',
      content: { answer: 'failure', agreed: true, reason: { reason: 'division by zero' } },
    });
  });

  it('a pipeline stage reports a transform that does not apply to the origin', async () => {
    const s = loadScenario('pipeline');
    const net = await Network.start(s);
    net.send({ performative: 'request', receiver: 'stage-1', content: { value: 42 }, conversation_id: 'p' }, 'you');
    net.settle();
    expect(net.report('stage-1')).toMatchObject({ performative: 'failure', receiver: 'you', content: { stage: 'trim' } });
  });

  it('the scenario can run again on the same agents', async () => {
    for (const id of ['contract-net', 'english-auction', 'publish-subscribe', 'saga', 'scatter-gather', 'fire-and-forget']) {
      const s = loadScenario(id);
      const net = await Network.start(s);
      net.play(s).play(s);
      expect(net.problems).toEqual([]);
      const reports = net.outside.filter(
        (o) => o.message.sender === s.expect.from && (o.message.content as { pattern?: string })?.pattern === id,
      );
      expect(reports.length, id).toBe(2);
      for (const r of reports) expect(r.message.content).toMatchObject(s.expect.content as object);
    }
  });
});
