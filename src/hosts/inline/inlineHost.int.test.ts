/**
 * The inline host in real time: real AssemblyScript agents from public/agents on the
 * calling thread, under createRuntime.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKernel, type Kernel } from '../../kernel/kernel';
import { createSeededRng } from '../../kernel/rng';
import type { KernelEvent } from '../../kernel/types';
import { createRealClock } from '../createRealClock';
import { createRuntime, type Runtime } from '../createRuntime';
import { nodeAgentAssets } from '../node/nodeAgentAssets';
import { requireBuiltAgents } from '../node/requireBuiltAgents';
import { createInlineHost, type InlineHost } from './createInlineHost';
import { createKindLibrary } from './createKindLibrary';
import { loadLibraryKinds } from './loadLibraryKinds';

requireBuiltAgents();

const library = createKindLibrary();
let host: InlineHost;
let runtime: Runtime;
let kernel: Kernel;

const waitFor = async (pred: () => boolean, ms = 3000) => {
  const end = performance.now() + ms;
  while (!pred()) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};
const events = <T extends KernelEvent['type']>(type: T, agent: string) =>
  runtime.log().filter((e): e is Extract<KernelEvent, { type: T }> => e.type === type && (e as { agent?: string }).agent === agent);
const status = (name: string) => kernel.snapshot().agents.find((a) => a.name === name)?.status;

beforeAll(async () => {
  await loadLibraryKinds(library, nodeAgentAssets(), ['echo', 'crasher', 'spinner']);
  const clock = createRealClock();
  kernel = createKernel({ clock, rng: createSeededRng(1) });
  host = createInlineHost({ clock, library });
  runtime = createRuntime({ kernel, host, clock });
});
afterAll(async () => {
  await runtime?.dispose();
});

describe('inline host (real time, real wasm)', () => {
  it('runs a real echo agent on this thread', async () => {
    await runtime.command({ type: 'agent.deploy', spec: { name: 'echo1', kind: 'echo' } });
    const reply = await runtime.request({ performative: 'request', receiver: 'echo1', content: { hi: [1, 2] } }, 2000);
    expect(reply).toMatchObject({ performative: 'inform', sender: 'echo1', content: { hi: [1, 2] } });
    expect(host.kinds().map((k) => k.kind).sort()).toEqual(['crasher', 'echo', 'spinner']);
  });

  it('a trap during init is a crash, supervised like any other (as in the worker pool)', async () => {
    await runtime.command({ type: 'agent.deploy', spec: { name: 'bad', kind: 'crasher', config: { crash_on_init: true } } });
    await waitFor(() => events('agent.crashed', 'bad').length >= 2);
    expect(events('agent.crashed', 'bad')[0]).toMatchObject({ reason: expect.stringMatching(/^trap during init/) });
    expect(events('agent.backoff', 'bad').length).toBeGreaterThan(0);
    await runtime.command({ type: 'agent.stop', name: 'bad' });
  });

  it('init returning an error fails the deploy, and says why', async () => {
    await runtime.command({ type: 'agent.deploy', spec: { name: 'bad2', kind: 'crasher', config: { fail_init: 'no way' } } });
    await waitFor(() => status('bad2') === 'failed');
    expect(events('agent.status', 'bad2').at(-1)?.reason).toBe('no way');
    expect(events('agent.crashed', 'bad2')).toEqual([]);
  });

  it('crash during handling: the requester is told, the supervisor restarts the agent', async () => {
    await runtime.command({ type: 'agent.deploy', spec: { name: 'c1', kind: 'crasher' } });
    const reply = await runtime.request({ performative: 'request', receiver: 'c1', content: { action: 'crash' } }, 2000);
    expect(reply).toMatchObject({ performative: 'failure', sender: 'kernel', content: { reason: 'agent-crashed' } });
    expect(events('agent.crashed', 'c1')[0]?.reason).toMatch(/^trap: /);
    await waitFor(() => status('c1') === 'running');
    expect((await runtime.request({ performative: 'request', receiver: 'c1', content: {} }, 2000)).content).toEqual({ pong: true });
  });

  it('memory cap: growing past limits.memoryPages traps and the agent is restarted', async () => {
    await runtime.command({ type: 'agent.deploy', spec: { name: 'mem', kind: 'spinner', limits: { memoryPages: 4 } } });
    const small = await runtime.request({ performative: 'request', receiver: 'mem', content: { action: 'alloc', pages: 1 } }, 2000);
    expect(small.performative).toBe('inform');
    const big = await runtime.request({ performative: 'request', receiver: 'mem', content: { action: 'alloc', pages: 64 } }, 2000);
    expect(big).toMatchObject({ performative: 'failure', content: { reason: 'agent-crashed' } });
    await waitFor(() => events('agent.restarted', 'mem').length > 0);
  });

  it('a hang fault is reported as deadline-exceeded after the deadline, not spun', async () => {
    await runtime.command({ type: 'agent.deploy', spec: { name: 'h', kind: 'echo', limits: { deadlineMs: 80 } } });
    await waitFor(() => status('h') === 'running');
    await runtime.command({ type: 'chaos.inject', fault: { id: 'hang-h', target: { agents: ['h'] }, probability: 1, effect: { kind: 'hang' } } });
    const t = performance.now();
    const reply = await runtime.request({ performative: 'request', receiver: 'h', content: 1 }, 2000);
    // The kernel redelivers the message once to the new instance, which answers it.
    expect(reply).toMatchObject({ performative: 'inform', content: 1 });
    expect(performance.now() - t).toBeGreaterThanOrEqual(75);
    expect(events('agent.crashed', 'h')).toMatchObject([{ reason: 'deadline-exceeded', messageId: expect.any(String) }]);
    expect(runtime.log().some((e) => e.type === 'message.redelivered' && e.agent === 'h')).toBe(true);
  });
});
