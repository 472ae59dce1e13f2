import { describe, expect, it } from 'vitest';
import { createKindLibrary, createSimulation, registerJsKinds } from '../../../hosts/inProcess';
import { createTopologyIndex } from './topologyIndex';

function setUp() {
  const sim = createSimulation({ seed: 1, library: registerJsKinds(createKindLibrary()) });
  sim.command({ type: 'agent.deploy', spec: { name: 'echo-1', kind: 'echo' } });
  sim.command({ type: 'client.create', name: 'old' });
  sim.command({ type: 'link.add', a: 'echo-1', b: 'old', id: 'named' });
  const topology = createTopologyIndex(sim);
  sim.subscribe((e) => topology.onEvent(e));
  const commands: string[] = [];
  sim.subscribe((e) => (e.type === 'node.added' || e.type === 'link.added') && commands.push(e.type));
  return { sim, topology, commands };
}

describe('createTopologyIndex', () => {
  it('creates a client once; finds a link by its ends in either direction, adds a--b when there is none', () => {
    const { topology, commands } = setUp();
    expect(topology.ensureClient('c')).toBeUndefined();
    expect(topology.ensureClient('c')).toBeUndefined();
    expect(topology.ensureClient('old')).toBeUndefined();
    expect(topology.ensureLink('old', 'echo-1')).toEqual({ id: 'named' });
    expect(topology.ensureLink('c', 'echo-1')).toEqual({ id: 'c--echo-1' });
    expect(topology.ensureLink('echo-1', 'c')).toEqual({ id: 'c--echo-1' });
    expect(commands).toEqual(['node.added', 'link.added']);
  });

  it('a refusal is asked once and reported the same way each time', () => {
    const { topology, commands } = setUp();
    const client = topology.ensureClient('you');
    expect(client).toMatch(/^client you: ORR\d+: /);
    expect(topology.ensureClient('you')).toBe(client);
    const link = topology.ensureLink('old', 'nobody');
    expect(link.error).toMatch(/^link old--nobody: ORR\d+: .*nobody/);
    expect(topology.ensureLink('old', 'nobody')).toEqual(link);
    expect(commands).toEqual([]);
  });
});
