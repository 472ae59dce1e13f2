import { describe, expect, it } from 'vitest';
import type { KernelSnapshot } from '../../kernel/types';
import { echoSoak } from '../../experiments/chaos/examples';
import { liveExperiment } from './liveTopology';

describe('liveExperiment', () => {
  it('reuses what the workbench already has and retargets faults to live link ids', () => {
    const e = echoSoak({ agents: 2 });
    const live: KernelSnapshot = {
      time: 0,
      seq: 0,
      agents: [
        {
          name: 'echo1',
          kind: 'echo',
          status: 'running',
          instance: 1,
          restarts: 0,
          mailboxDepth: 0,
          counters: { sent: 0, delivered: 0, failed: 0 },
          config: null,
          limits: { deadlineMs: 1, mailboxCapacity: 1, maxMessageBytes: 1 },
          restart: 'permanent',
          redelivery: 'once',
          isolated: false,
        },
      ],
      topics: [],
      clients: ['load'],
      links: [{ id: 'l7', a: 'echo1', b: 'load', counters: { sent: 0, delivered: 0, failed: 0 } }],
      groups: [],
    };
    const out = liveExperiment(e, live);
    expect(out.topology.agents.map((a) => a.name)).toEqual(['echo2']);
    expect(out.topology.clients).toEqual([]);
    expect(out.topology.groups?.map((g) => g.name)).toEqual(['echoes']);
    expect(out.topology.links?.map((l) => l.id)).toEqual(['load--echo2']);
    expect(out.schedule.phases[0]!.faults![0]!.target.links).toEqual(['l7', 'load--echo2']);
  });
});
