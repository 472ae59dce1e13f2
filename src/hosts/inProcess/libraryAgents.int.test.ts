/**
 * Real AssemblyScript agents from public/agents (and a WAT timer probe) in process, under the
 * single-thread shell in virtual time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../kernel/types';
import { buildTimerProbeComponent } from '../../wasm/fixtures/buildFixtures';
import { nodeAgentAssets } from '../node/nodeAgentAssets';
import { requireBuiltAgents } from '../node/requireBuiltAgents';
import { createKindLibrary } from './createKindLibrary';
import { createSimulation, type Simulation } from './createSimulation';
import { loadLibraryKinds } from './loadLibraryKinds';

requireBuiltAgents();

const library = createKindLibrary();
beforeAll(async () => {
  await loadLibraryKinds(library, nodeAgentAssets(), ['echo', 'crasher', 'spinner']);
  await library.registerKind('timer-probe', await buildTimerProbeComponent());
});

const events = <T extends KernelEvent['type']>(sim: Simulation, type: T, agent: string) =>
  sim.log().filter((e): e is Extract<KernelEvent, { type: T }> => e.type === type && (e as { agent?: string }).agent === agent);
const status = (sim: Simulation, name: string) => sim.snapshot().agents.find((a) => a.name === name)?.status;

async function deployed(name: string, spec: Record<string, unknown> & { kind: string }, seed = 1): Promise<Simulation> {
  const sim = createSimulation({ seed, library });
  expect(sim.command({ type: 'agent.deploy', spec: { name, ...spec } }).error).toBeUndefined();
  await sim.runUntil(() => status(sim, name) !== 'loading', 10_000);
  return sim;
}

describe('kind-library agents in the single-thread shell (real wasm, virtual time)', () => {
  it('runs a real echo agent', async () => {
    const sim = await deployed('echo1', { kind: 'echo' });
    const reply = await sim.request({ performative: 'request', receiver: 'echo1', content: { hi: [1, 2] } }, 2000);
    expect(reply).toMatchObject({ performative: 'inform', sender: 'echo1', content: { hi: [1, 2] } });
  });

  it('a trap during init is a crash, supervised like any other (as in the worker pool)', async () => {
    const sim = await deployed('bad', { kind: 'crasher', config: { crash_on_init: true } });
    await sim.runUntil(() => events(sim, 'agent.crashed', 'bad').length >= 2, 60_000);
    expect(events(sim, 'agent.crashed', 'bad')[0]).toMatchObject({ reason: expect.stringMatching(/^trap during init/) });
    expect(events(sim, 'agent.backoff', 'bad').length).toBeGreaterThan(0);
  });

  it('init returning an error fails the deploy, and says why', async () => {
    const sim = await deployed('bad2', { kind: 'crasher', config: { fail_init: 'no way' } });
    expect(status(sim, 'bad2')).toBe('failed');
    expect(events(sim, 'agent.status', 'bad2').at(-1)?.reason).toBe('no way');
    expect(events(sim, 'agent.crashed', 'bad2')).toEqual([]);
  });

  it('crash during handling: the requester is told, the supervisor restarts the agent', async () => {
    const sim = await deployed('c1', { kind: 'crasher', redelivery: 'never' });
    const reply = await sim.request({ performative: 'request', receiver: 'c1', content: { action: 'crash' } }, 2000);
    expect(reply).toMatchObject({ performative: 'failure', sender: 'kernel', content: { reason: 'agent-crashed' } });
    expect(events(sim, 'agent.crashed', 'c1')[0]?.reason).toMatch(/^trap: /);
    await sim.runUntil(() => status(sim, 'c1') === 'running', 10_000);
    expect((await sim.request({ performative: 'request', receiver: 'c1', content: {} }, 2000)).content).toEqual({ pong: true });
  });

  it('memory cap: growing past limits.memoryPages traps and the agent is restarted', async () => {
    const sim = await deployed('mem', { kind: 'spinner', limits: { memoryPages: 4 }, redelivery: 'never' });
    const small = await sim.request({ performative: 'request', receiver: 'mem', content: { action: 'alloc', pages: 1 } }, 2000);
    expect(small.performative).toBe('inform');
    const big = await sim.request({ performative: 'request', receiver: 'mem', content: { action: 'alloc', pages: 64 } }, 2000);
    expect(big).toMatchObject({ performative: 'failure', content: { reason: 'agent-crashed' } });
    expect(await sim.runUntil(() => events(sim, 'agent.restarted', 'mem').length > 0, 10_000)).toBe(true);
  });

  it('a hang fault is reported as deadline-exceeded at the deadline (virtual time), not spun', async () => {
    const sim = await deployed('h', { kind: 'echo', limits: { deadlineMs: 80 } });
    sim.command({ type: 'chaos.inject', fault: { id: 'hang-h', target: { agents: ['h'] }, probability: 1, effect: { kind: 'hang' } } });
    const t = sim.now();
    const reply = await sim.request({ performative: 'request', receiver: 'h', content: 1 }, 2000);
    // The kernel redelivers the message once to the new instance, which answers it.
    expect(reply).toMatchObject({ performative: 'inform', content: 1 });
    expect(events(sim, 'agent.crashed', 'h')).toMatchObject([{ reason: 'deadline-exceeded', messageId: expect.any(String), t: t + 80 }]);
    expect(sim.log().some((e) => e.type === 'message.redelivered' && e.agent === 'h')).toBe(true);
  });

  it("the guest's set-timer call becomes agent.timer: the kernel wakes the agent on its clock", async () => {
    const sim = await deployed('tp', { kind: 'timer-probe' });
    const sentAt = sim.now();
    expect(sim.send({ performative: 'inform', receiver: 'tp', content: 'x' }).ok).toBe(true);
    expect(await sim.runUntil(() => events(sim, 'timer.fired', 'tp').length > 0, sentAt + 10_000)).toBe(true);
    const [set] = events(sim, 'timer.set', 'tp');
    const [fired] = events(sim, 'timer.fired', 'tp');
    expect(set!.at - set!.t).toBe(250);
    expect(fired).toMatchObject({ tag: set!.tag, t: set!.at });
    const wake = sim.log().find((e) => e.type === 'message.sent' && e.message.ontology === 'orrery-timer');
    expect(wake).toMatchObject({ message: { sender: 'tp', receiver: 'tp', content: { timer: set!.tag } } });
    const wakeId = wake?.type === 'message.sent' ? wake.message.id : undefined;
    expect(sim.log().some((e) => e.type === 'message.delivered' && e.to === 'tp' && e.messageId === wakeId)).toBe(true);
  });
});
