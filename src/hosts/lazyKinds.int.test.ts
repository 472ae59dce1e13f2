/**
 * Pattern agents are declared at start-up and compiled on first spawn: listed at once,
 * deployable, and a scenario built from them runs end to end over real links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeWorkbench, type NodeWorkbench } from './node/createNodeWorkbench';
import { requireBuiltAgents } from './node/requireBuiltAgents';

requireBuiltAgents();

describe('lazily compiled pattern kinds', () => {
  let wb: NodeWorkbench;
  beforeAll(async () => {
    wb = await createNodeWorkbench({ kinds: ['echo', 'requester', 'service', 'sink'], workers: 1 });
  });
  afterAll(async () => {
    await wb?.dispose();
  });

  it('lists pattern kinds with their role before any is compiled', async () => {
    const kinds = await wb.kinds();
    const byKind = new Map(kinds.map((k) => [k.kind, k]));
    expect(byKind.get('echo')?.role).toBe('core');
    expect(byKind.get('requester')?.role).toBe('pattern');
    expect(byKind.get('service')?.label).toBe('Service agent');
  });

  it('compiles a pattern kind on its first deploy and runs request-response over a link', async () => {
    await wb.command({
      type: 'agent.deploy',
      spec: {
        name: 'requester',
        kind: 'requester',
        config: { to: 'calculator', performative: 'request', content: { op: 'mul', a: 6, b: 7 } },
      },
    });
    await wb.command({ type: 'agent.deploy', spec: { name: 'calculator', kind: 'service' } });
    await wb.command({ type: 'link.add', a: 'requester', b: 'calculator' });
    const report = await wb.request({ performative: 'request', receiver: 'requester', content: {}, conversation_id: 'rr-1' }, 10_000);
    expect(report.performative).toBe('inform');
    expect(report.content).toMatchObject({ pattern: 'request-response', agreed: true, result: { op: 'mul', result: 42 } });
  });

  it('applies a fault injected while the first instance waits for its kind to compile', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'sink1', kind: 'sink', limits: { deadlineMs: 200 }, redelivery: 'never' } });
    // The kind is still compiling: a standing `slow` longer than the deadline must reach
    // the instance when it is made, so the watchdog cuts its first message.
    await wb.command({
      type: 'chaos.inject',
      fault: { id: 'slow-lazy', target: { agents: ['sink1'] }, probability: 1, effect: { kind: 'slow', ms: 2000 } },
    });
    const reply = await wb.request({ performative: 'request', receiver: 'sink1', content: { action: 'report' } }, 3000);
    expect(reply.performative).toBe('failure');
    expect(reply.content).toMatchObject({ reason: 'deadline-exceeded' });
    await wb.command({ type: 'chaos.clear', id: 'slow-lazy' });
  });

  it('reports an unknown kind as a failed start, not a hang', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'ghost', kind: 'no-such-kind' } });
    await expect.poll(async () => (await wb.snapshot()).agents.find((a) => a.name === 'ghost')?.status).toBe('failed');
  });
});
