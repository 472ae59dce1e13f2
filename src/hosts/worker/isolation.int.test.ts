/**
 * Failure isolation with real wasm agents in real worker_threads: an agent that hangs (the
 * built-in spinner) shares one worker with three healthy neighbours (two echoes and a
 * counter). Each time the watchdog terminates that worker, the neighbours die with it as
 * bystanders; they must not be charged for it (the top-level supervisor fails an agent after
 * more than 5 restarts in 10 s, and ten hangs come within a few seconds), must keep their kv,
 * and must answer every request, including the ones caught in flight. The spinner is moved
 * to a worker of its own, so later hangs no longer touch them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../kernel/types';
import type { AclMessage } from '../../protocol/message';
import { createNodeWorkbench, type NodeWorkbench } from '../node/createNodeWorkbench';
import { requireBuiltAgents } from '../node/requireBuiltAgents';

requireBuiltAgents();

const NEIGHBOURS = ['e1', 'e2', 'n1'];
const HANGS = 10;

let wb: NodeWorkbench;
beforeAll(async () => {
  wb = await createNodeWorkbench({
    kinds: ['echo', 'counter', 'spinner'],
    workers: 1,
    watchdogIntervalMs: 10,
    kernel: { eventLogCapacity: Infinity },
  });
});
afterAll(async () => {
  await wb?.dispose();
});

const ask = (receiver: string, content: unknown): Promise<AclMessage> => wb.request({ performative: 'request', receiver, content }, 15_000);
const events = <T extends KernelEvent['type']>(type: T, agent?: string) =>
  wb.runtime
    .log()
    .filter(
      (e): e is Extract<KernelEvent, { type: T }> => e.type === type && (agent === undefined || (e as { agent?: string }).agent === agent),
    );
const status = (agent: string) => wb.kernel.snapshot().agents.find((a) => a.name === agent)?.status;

async function until(what: string, pred: () => boolean, ms = 10_000): Promise<void> {
  const end = performance.now() + ms;
  while (!pred()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('failure isolation (real wasm agents, real worker_threads)', () => {
  it('a spinner hanging ten times in a shared worker: its neighbours never fail, lose nothing, answer every request', async () => {
    // The spinner's own group tolerates its restarts, so it keeps coming back to hang again.
    await wb.command({
      type: 'group.create',
      spec: {
        name: 'runaways',
        strategy: 'one_for_one',
        intensity: 100,
        periodMs: 10_000,
        backoff: { minMs: 10, maxMs: 20, randomFactor: 0 },
      },
    });
    await wb.command({
      type: 'agent.deploy',
      spec: { name: 'spin', kind: 'spinner', group: 'runaways', limits: { deadlineMs: 150 }, redelivery: 'never' },
    });
    for (const name of NEIGHBOURS) await wb.command({ type: 'agent.deploy', spec: { name, kind: name === 'n1' ? 'counter' : 'echo' } });
    for (const name of ['spin', ...NEIGHBOURS]) await until(`${name} running`, () => status(name) === 'running');
    const placement = wb.host.placement();
    for (const name of NEIGHBOURS) expect(placement[name]).toBe(placement['spin']);

    for (let round = 1; round <= HANGS; round++) {
      const hang = ask('spin', { action: 'spin' });
      await new Promise((r) => setTimeout(r, 20)); // the spinner is spinning: these queue behind it
      const answers = await Promise.all([ask('e1', round), ask('e2', round), ask('n1', { action: 'increment' })]);
      expect(answers.map((a) => a.performative)).toEqual(['inform', 'inform', 'inform']);
      expect(answers.map((a) => a.content)).toEqual([round, round, { count: round }]);
      expect(await hang).toMatchObject({ performative: 'failure', content: { reason: 'deadline-exceeded' } });
      await until('spin running again', () => status('spin') === 'running');
    }

    expect(events('agent.crashed', 'spin').filter((e) => e.reason === 'deadline-exceeded')).toHaveLength(HANGS);
    expect(events('agent.isolated', 'spin')).toHaveLength(1);
    for (const name of NEIGHBOURS) {
      expect(status(name)).toBe('running');
      expect(events('agent.status', name).some((e) => e.status === 'failed')).toBe(false);
      // Hit only while the spinner still shared their worker, never after it was isolated.
      expect(events('agent.crashed', name).length).toBeLessThanOrEqual(2);
      expect(events('agent.crashed', name).every((e) => e.reason === 'worker-terminated')).toBe(true);
    }
    expect(wb.kernel.deadLetters().filter((d) => NEIGHBOURS.includes(d.to) || NEIGHBOURS.includes(d.message.sender))).toEqual([]);
    expect(wb.kernel.kv('n1')).toEqual({ count: String(HANGS) });
    expect(wb.host.placement()['spin']).not.toBe(wb.host.placement()['e1']);
  });
});
