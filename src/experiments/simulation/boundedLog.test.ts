/**
 * Bounded by default: the single-thread shell keeps the newest DEFAULT_EVENT_LOG_CAPACITY
 * events however long the run, while the log hash, which needs every event, is computed from
 * a subscriber and still covers the whole run.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_LOG_CAPACITY } from '../../kernel';
import { createBehaviorAgents, createShell, type AgentBehavior, type ShellOptions } from '../../kernel/shell';
import { createLogHasher, logHash } from './logHash';

const TICK_MS = 200;

/** Wakes itself every TICK_MS (an agent timer) and asks the echo something each time. */
const ticker: AgentBehavior = {
  init: (ctx) => ctx.setTimer(TICK_MS, 'tick'),
  handle: (m, ctx) => {
    if (m.ontology !== 'orrery-timer') return;
    ctx.send({ performative: 'request', receiver: 'echo', content: { at: ctx.now() } });
    ctx.setTimer(TICK_MS, 'tick');
  },
};
const echo: AgentBehavior = {
  handle: (m, ctx) => {
    if (m.performative === 'request') ctx.reply(m, { performative: 'inform', content: m.content ?? null });
  },
};

/** Ticker and echo, linked, running for `ms` of virtual time; the subscriber sees every event. */
async function traffic(ms: number, options: Partial<ShellOptions> = {}) {
  const shell = createShell({ ...options, seed: 9, agents: createBehaviorAgents({ ticker, echo }).factory });
  const hasher = createLogHasher();
  let seen = 0;
  shell.subscribe((event) => {
    hasher.add(event);
    seen++;
  });
  for (const name of ['echo', 'ticker']) shell.command({ type: 'agent.deploy', spec: { name, kind: name } });
  shell.command({ type: 'link.add', a: 'ticker', b: 'echo' });
  await shell.advanceTo(ms);
  return { shell, seen, hash: hasher.hex() };
}

describe('bounded event log in the single-thread shell', () => {
  it('an hour of simulated traffic keeps the retained log at its default bound and counts what it dropped', async () => {
    const { shell, seen } = await traffic(3_600_000);
    const delivered = shell.kernel.snapshot();
    expect(seen).toBeGreaterThan(1.5 * DEFAULT_EVENT_LOG_CAPACITY); // the run really outgrew the bound
    expect(shell.log()).toHaveLength(DEFAULT_EVENT_LOG_CAPACITY);
    expect(shell.eventsDropped()).toBe(seen - DEFAULT_EVENT_LOG_CAPACITY);
    expect(shell.log().at(-1)!.seq).toBe(seen - 1); // the newest are the ones kept
    expect(delivered.agents.map((a) => a.status)).toEqual(['running', 'running']);
  }, 120_000);

  it('the hash from a subscriber covers the whole run, however little the log keeps', async () => {
    const bounded = await traffic(300_000, { eventLogCapacity: 1_000 });
    const full = await traffic(300_000, { eventLogCapacity: Infinity });
    expect(bounded.shell.log()).toHaveLength(1_000);
    expect(full.shell.log()).toHaveLength(full.seen);
    expect(bounded.hash).toBe(logHash(full.shell.log()));
    expect(logHash(bounded.shell.log())).not.toBe(bounded.hash);
  }, 60_000);
});
