/**
 * The Node workbench end to end: kernel and runtime on this thread, real AssemblyScript
 * agents from public/agents in real worker_threads.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AclMessage } from '../protocol/message';
import { createNodeWorkbench, type NodeWorkbench } from './node/createNodeWorkbench';
import { requireBuiltAgents } from './node/requireBuiltAgents';

requireBuiltAgents();

const ask = (wb: NodeWorkbench, receiver: string, content: unknown, timeoutMs = 5000): Promise<AclMessage> =>
  wb.request({ performative: 'request', receiver, content }, timeoutMs);

describe('Node workbench with worker_threads', () => {
  let wb: NodeWorkbench;
  beforeAll(async () => {
    wb = await createNodeWorkbench({ kinds: ['echo', 'counter', 'text', 'sequence', 'crasher'], workers: 2 });
  });
  afterAll(async () => {
    await wb?.dispose();
  });

  it('lists the built-in kinds with hashes', async () => {
    const kinds = await wb.kinds();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['counter', 'crasher', 'echo', 'sequence', 'text']);
    for (const k of kinds) {
      expect(k.builtin).toBe(true);
      expect(k.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('echo: a request comes back as an inform with the same content', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'echo1', kind: 'echo' } });
    const reply = await ask(wb, 'echo1', { hello: 'world', n: [1, 2, 3] });
    expect(reply.performative).toBe('inform');
    expect(reply.sender).toBe('echo1');
    expect(reply.content).toEqual({ hello: 'world', n: [1, 2, 3] });
    const snapshot = await wb.snapshot();
    expect(snapshot.agents.find((a) => a.name === 'echo1')?.status).toBe('running');
  });

  it('send returns the precise validation error and routes nothing', async () => {
    const result = await wb.send({ performative: 'shout', receiver: 'echo1' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/performative/);
    await expect(wb.request({ receiver: 'echo1' }, 1000)).rejects.toThrow(/performative/);
  });

  it('text: operations on random strings equal JavaScript', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'text1', kind: 'text' } });
    const reverse = (s: string) => Array.from(s).reverse().join('');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), async (text) => {
        const up = await ask(wb, 'text1', { op: 'uppercase', text });
        expect(up.content).toEqual({ result: text.toUpperCase() });
        const low = await ask(wb, 'text1', { op: 'lowercase', text });
        expect(low.content).toEqual({ result: text.toLowerCase() });
        const rev = await ask(wb, 'text1', { op: 'reverse', text });
        expect(rev.content).toEqual({ result: reverse(text) });
        const len = await ask(wb, 'text1', { op: 'length', text });
        expect(len.content).toEqual({ result: text.length });
      }),
      { numRuns: 40 },
    );
  });

  it('counter: the count survives a restart and a terminated worker', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'count1', kind: 'counter' } });
    for (let i = 1; i <= 3; i++) expect((await ask(wb, 'count1', { action: 'increment' })).content).toEqual({ count: i });
    await wb.command({ type: 'agent.restart', name: 'count1' });
    expect((await ask(wb, 'count1', { action: 'get' })).content).toEqual({ count: 3 });
    expect((await ask(wb, 'count1', { action: 'increment' })).content).toEqual({ count: 4 });
    const before = (await wb.snapshot()).agents.find((a) => a.name === 'count1')!;
    expect(wb.host.terminateWorkerOf('count1')).toBe(true);
    expect((await ask(wb, 'count1', { action: 'get' })).content).toEqual({ count: 4 });
    const after = (await wb.snapshot()).agents.find((a) => a.name === 'count1')!;
    expect(after.instance).toBeGreaterThan(before.instance);
    expect(Object.keys(wb.kernel.kv('count1')).length).toBeGreaterThan(0);
  });

  it('crasher: a trap is answered with a failure, the agent restarts and answers pong', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'crash1', kind: 'crasher' } });
    expect((await ask(wb, 'crash1', { action: 'ping' })).content).toEqual({ pong: true });
    const failure = await ask(wb, 'crash1', { action: 'crash' });
    expect(failure.performative).toBe('failure');
    expect(JSON.stringify(failure.content)).toMatch(/agent-crashed/);
    expect((await ask(wb, 'crash1', { action: 'ping' })).content).toEqual({ pong: true });
    const crashed = wb.runtime.log().filter((e) => e.type === 'agent.crashed' && e.agent === 'crash1');
    expect(crashed).toHaveLength(2); // the crashing message is redelivered once (redelivery 'once'), then dead-lettered
    expect(JSON.stringify(crashed[0])).toMatch(/trap/);
    expect(wb.runtime.log().some((e) => e.type === 'agent.restarted' && e.agent === 'crash1')).toBe(true);
  });

  it('sequence: 50 numbered messages arrive in order', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'seq1', kind: 'sequence' } });
    for (let i = 1; i <= 50; i++) {
      const r = await wb.send({ performative: 'inform', receiver: 'seq1', content: { sequence_number: i } });
      expect(r.ok).toBe(true);
    }
    const verdict = await ask(wb, 'seq1', { action: 'verify_sequence' });
    expect(verdict.content).toEqual({ messages_received: 50, sequence_valid: true });
  });

  it('answers 10 concurrent requests to one agent and to two agents', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'echoA', kind: 'echo' } });
    await wb.command({ type: 'agent.deploy', spec: { name: 'echoB', kind: 'echo' } });
    const one = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(wb, 'echoA', { i })));
    expect(one.map((r) => r.content)).toEqual(Array.from({ length: 10 }, (_, i) => ({ i })));
    const two = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(wb, i % 2 ? 'echoA' : 'echoB', { i })));
    expect(two.map((r) => [r.sender, r.content])).toEqual(Array.from({ length: 10 }, (_, i) => [i % 2 ? 'echoA' : 'echoB', { i }]));
  });

  it('refuses a wrong or corrupt component with a clear error, and nothing else is affected', async () => {
    const kindsBefore = await wb.kinds();
    await expect(wb.registerComponent('junk', new TextEncoder().encode('not wasm at all'))).rejects.toThrow(/not WebAssembly.*00 61 73 6d/);
    const corrupt = new Uint8Array(40).fill(7);
    corrupt.set([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]);
    await expect(wb.registerComponent('corrupt', corrupt)).rejects.toThrow(/ORR106/);
    const core = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    await expect(wb.registerComponent('core', core)).rejects.toThrow(/core WebAssembly module, not a component/);
    expect(await wb.kinds()).toEqual(kindsBefore);
    expect((await ask(wb, 'echo1', 'still here')).content).toBe('still here');
  });
});

describe('watchdog', () => {
  let wb: NodeWorkbench;
  beforeAll(async () => {
    wb = await createNodeWorkbench({ kinds: ['echo', 'spinner'], workers: 2 });
  });
  afterAll(async () => {
    await wb?.dispose();
  });

  it('cuts a spinning agent off at its deadline; other agents keep answering', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'spin', kind: 'spinner', limits: { deadlineMs: 200 } } });
    await wb.command({ type: 'agent.deploy', spec: { name: 'other', kind: 'echo' } });
    await wb.command({ type: 'agent.deploy', spec: { name: 'neighbour', kind: 'echo' } });
    expect((await ask(wb, 'spin', { action: 'ping' })).content).toEqual({ pong: true });
    expect((await ask(wb, 'other', 1)).content).toBe(1);
    expect((await ask(wb, 'neighbour', 1)).content).toBe(1);
    const placement = wb.host.placement();
    expect(placement['neighbour']).toBe(placement['spin']);
    expect(placement['other']).not.toBe(placement['spin']);

    const started = performance.now();
    const spinning = ask(wb, 'spin', { action: 'spin' }, 10_000);
    // While it spins, the agent in the other worker answers promptly.
    await new Promise((r) => setTimeout(r, 50));

    const t = performance.now();
    expect((await ask(wb, 'other', 'during')).content).toBe('during');
    expect(performance.now() - t).toBeLessThan(150);

    const failure = await spinning;
    const elapsed = performance.now() - started;
    expect(failure.performative).toBe('failure');
    expect(JSON.stringify(failure.content)).toMatch(/deadline-exceeded/);
    expect(elapsed).toBeGreaterThanOrEqual(200);
    expect(elapsed).toBeLessThan(1500);

    const crashes = wb.runtime.log().filter((e) => e.type === 'agent.crashed');
    expect(crashes.find((e) => e.type === 'agent.crashed' && e.agent === 'spin')).toMatchObject({ reason: 'deadline-exceeded' });
    expect(crashes.find((e) => e.type === 'agent.crashed' && e.agent === 'neighbour')).toMatchObject({ reason: 'worker-terminated' });
    expect(crashes.some((e) => e.type === 'agent.crashed' && e.agent === 'other')).toBe(false);

    // The neighbour was restarted in a fresh worker and answers; so does the spinner.
    expect((await ask(wb, 'neighbour', 'after')).content).toBe('after');
    expect((await ask(wb, 'spin', { action: 'ping' })).content).toEqual({ pong: true });
    expect((await ask(wb, 'other', 'after')).content).toBe('after');
  });

  // A bystander's crash blames none of its messages: what it had in flight is delivered again.
  it('requeues a bystander message stuck behind a spinner in the same worker', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'spin2', kind: 'spinner', limits: { deadlineMs: 200 } } });
    await wb.command({ type: 'agent.deploy', spec: { name: 'other2', kind: 'echo' } });
    await wb.command({ type: 'agent.deploy', spec: { name: 'neighbour2', kind: 'echo' } });
    expect((await ask(wb, 'neighbour2', 1)).content).toBe(1);
    const placement = wb.host.placement();
    expect(placement['neighbour2']).toBe(placement['spin2']);
    const spinning = ask(wb, 'spin2', { action: 'spin' }, 10_000);
    await new Promise((r) => setTimeout(r, 50));
    const stuck = ask(wb, 'neighbour2', 'stuck', 10_000);
    expect((await spinning).performative).toBe('failure');
    expect((await stuck).content).toBe('stuck');
  });
});
