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
    wb = await createNodeWorkbench({ kinds: ['echo', 'requester', 'service'], workers: 1 });
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
    await wb.command({ type: 'agent.deploy', spec: { name: 'requester', kind: 'requester', config: { to: 'calculator', performative: 'request', content: { op: 'mul', a: 6, b: 7 } } } });
    await wb.command({ type: 'agent.deploy', spec: { name: 'calculator', kind: 'service' } });
    await wb.command({ type: 'link.add', a: 'requester', b: 'calculator' });
    const report = await wb.request({ performative: 'request', receiver: 'requester', content: {}, conversation_id: 'rr-1' }, 10_000);
    expect(report.performative).toBe('inform');
    expect(report.content).toMatchObject({ pattern: 'request-response', agreed: true, result: { op: 'mul', result: 42 } });
  });

  it('reports an unknown kind as a failed start, not a hang', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'ghost', kind: 'no-such-kind' } });
    await expect.poll(async () => (await wb.snapshot()).agents.find((a) => a.name === 'ghost')?.status).toBe('failed');
  });
});
