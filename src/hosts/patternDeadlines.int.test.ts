/**
 * Deadlines end to end: a contract net and an English auction with one silent participant
 * (suspended: its messages wait in its mailbox) decide at their deadline instead of
 * stalling, in the single-thread simulation (virtual time) and live in the worker pool
 * (real time, worker_threads). Real pattern agents from public/agents; the agents' timers
 * go guest set-timer → host event agent.timer → kernel timer → wake-up message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command, KernelEvent } from '../kernel/types';
import type { AclMessage } from '../protocol/message';
import { createKindLibrary, createSimulation, loadLibraryKinds, type Simulation } from './inProcess';
import { createNodeWorkbench, type NodeWorkbench } from './node/createNodeWorkbench';
import { nodeAgentAssets } from './node/nodeAgentAssets';
import { requireBuiltAgents } from './node/requireBuiltAgents';

requireBuiltAgents();

const KINDS = ['cnet-manager', 'auctioneer', 'bidder'];
const DEADLINE_MS = 1000;
/** The caller's own patience: far beyond the deadline, so a stall shows as a failure. */
const REQUEST_TIMEOUT_MS = 8000;

/** What the test needs from a shell: the simulation and the Node workbench both offer it. */
interface Driver {
  command(command: Command): Promise<void>;
  request(draft: Record<string, unknown>): Promise<AclMessage>;
  /** The kernel's clock (virtual in the simulation, real live). */
  now(): number;
  waitRunning(names: string[]): Promise<void>;
  events: KernelEvent[];
}

function simulationDriver(sim: Simulation): Driver {
  const events: KernelEvent[] = [];
  sim.subscribe((e) => void events.push(e));
  const running = (names: string[]) => names.every((n) => sim.snapshot().agents.find((a) => a.name === n)?.status === 'running');
  return {
    events,
    async command(command) {
      expect(sim.command(command).error).toBeUndefined();
      await sim.runUntilIdle(sim.now());
    },
    request: (draft) => sim.request(draft, REQUEST_TIMEOUT_MS),
    now: () => sim.now(),
    async waitRunning(names) {
      expect(await sim.runUntil(() => running(names), sim.now() + 10_000)).toBe(true);
    },
  };
}

async function workbenchDriver(wb: NodeWorkbench): Promise<Driver> {
  const events: KernelEvent[] = [];
  await wb.subscribe((batch) => void events.push(...batch));
  return {
    events,
    command: (command) => wb.command(command),
    request: (draft) => wb.request(draft, REQUEST_TIMEOUT_MS),
    now: () => performance.now(),
    async waitRunning(names) {
      const until = performance.now() + 20_000;
      for (;;) {
        const agents = (await wb.snapshot()).agents;
        if (names.every((n) => agents.find((a) => a.name === n)?.status === 'running')) return;
        if (performance.now() > until) throw new Error(`agents not running: ${names.join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

/** Deploys `lead` and its participants, links them, waits until all run, then suspends `silent`. */
async function setUp(
  d: Driver,
  lead: { name: string; kind: string; config: Record<string, unknown> },
  participants: [string, unknown][],
  silent: string,
) {
  await d.command({
    type: 'agent.deploy',
    spec: { name: lead.name, kind: lead.kind, config: { ...lead.config, deadline_ms: DEADLINE_MS } },
  });
  for (const [name, config] of participants) {
    await d.command({ type: 'agent.deploy', spec: { name, kind: 'bidder', config: config as never } });
    await d.command({ type: 'link.add', a: lead.name, b: name });
  }
  await d.waitRunning([lead.name, ...participants.map(([n]) => n)]);
  await d.command({ type: 'agent.suspend', name: silent });
}

/** Sends the start request; returns the report and how long the decision took on the kernel's clock. */
async function decide(d: Driver, receiver: string, conversation: string): Promise<{ report: AclMessage; tookMs: number }> {
  const started = d.now();
  const report = await d.request({ performative: 'request', receiver, content: {}, conversation_id: conversation, reply_with: 'start' });
  return { report, tookMs: d.now() - started };
}

/** When a run stalls: what the lead agent logged and which timers it set, for the failure message. */
function trail(d: Driver, agent: string): string {
  const mine = d.events.filter((e) => (e as { agent?: string }).agent === agent && (e.type === 'log' || e.type.startsWith('timer.')));
  return `${agent}: ${JSON.stringify(mine.slice(-8))}`;
}

function timerEvents(d: Driver, agent: string) {
  const of = (type: string) => d.events.filter((e) => e.type === type && (e as { agent?: string }).agent === agent);
  return { set: of('timer.set').length, fired: of('timer.fired').length };
}

/** Live, the decision waits one deadline plus the agents' own work on a shared, loaded machine. */
const withinDeadline = (tookMs: number, slackMs: number) => {
  expect(tookMs).toBeGreaterThanOrEqual(DEADLINE_MS - 1);
  expect(tookMs).toBeLessThan(DEADLINE_MS + slackMs);
};

function scenarios(driver: () => Driver, slackMs: number) {
  it('contract net: the manager awards among the bids it has when a bidder is silent', async () => {
    const d = driver();
    const participants: [string, unknown][] = [
      ['cn-w1', { price: 15 }],
      ['cn-w2', { price: 12 }],
      ['cn-w3', { price: 18 }],
    ];
    await setUp(
      d,
      { name: 'cn-manager', kind: 'cnet-manager', config: { participants: participants.map(([n]) => n), task: 'render' } },
      participants,
      'cn-w2',
    );
    const { report, tookMs } = await decide(d, 'cn-manager', 'cnet-deadline');
    expect(report, trail(d, 'cn-manager')).toMatchObject({ performative: 'inform', sender: 'cn-manager' });
    expect(report.content).toMatchObject({
      pattern: 'contract-net',
      winner: 'cn-w1',
      price: 15,
      task: 'done',
      bids: { 'cn-w2': null },
      missing: ['cn-w2'],
    });
    withinDeadline(tookMs, slackMs);
    expect(timerEvents(d, 'cn-manager').fired).toBeGreaterThanOrEqual(1);
  });

  it('auction: the auctioneer closes the round with the bids it has when a bidder is silent', async () => {
    const d = driver();
    const bidders: [string, unknown][] = [
      ['au-b1', { limit: 60 }],
      ['au-b2', { limit: 85 }],
      ['au-b3', { limit: 70 }],
    ];
    await setUp(
      d,
      { name: 'au-auctioneer', kind: 'auctioneer', config: { item: 'vase', bidders: bidders.map(([n]) => n), start: 50, increment: 10 } },
      bidders,
      'au-b3',
    );
    const { report, tookMs } = await decide(d, 'au-auctioneer', 'auction-deadline');
    expect(report, trail(d, 'au-auctioneer')).toMatchObject({ performative: 'inform', sender: 'au-auctioneer' });
    // Without au-b3, round 3 at 70 is above au-b1's limit: au-b2 wins at 70.
    expect(report.content).toMatchObject({
      pattern: 'english-auction',
      winner: 'au-b2',
      price: 70,
      rounds: 3,
      sold: true,
      missing: ['au-b3'],
    });
    withinDeadline(tookMs, slackMs);
    expect(timerEvents(d, 'au-auctioneer').fired).toBeGreaterThanOrEqual(1);
  });
}

describe('pattern deadlines in the single-thread simulation (virtual time)', () => {
  const library = createKindLibrary();
  let sim: Simulation | undefined;
  beforeAll(async () => {
    await loadLibraryKinds(library, nodeAgentAssets(), KINDS);
  }, 60_000);
  afterAll(() => sim?.dispose());

  // One simulation per scenario: same seed, so each run is the same every time.
  scenarios(() => {
    sim?.dispose();
    sim = createSimulation({ seed: 7, library });
    return simulationDriver(sim);
  }, 50);
});

describe('pattern deadlines live in the worker pool (real time)', () => {
  let wb: NodeWorkbench;
  let driver: Driver;
  beforeAll(async () => {
    wb = await createNodeWorkbench({ kinds: KINDS, workers: 2 });
    driver = await workbenchDriver(wb);
  }, 60_000);
  afterAll(async () => {
    await wb?.dispose();
  });

  scenarios(() => driver, 2500);
});
