import { describe, expect, it } from 'vitest';
import { echoSoak } from '../experiments/chaos/examples';
import { parseExperiment } from '../experiments/chaos/parseExperiment';
import { formatProblem } from './errors';
import { serializeWorkspace } from './exportImport';
import { fromState, type WorkbenchView } from './fromState';
import { emptyWorkspace, type SavedLoadExperiment, type Workspace } from './model';
import { toCommands } from './toCommands';
import { parseWorkspace, validateWorkspace } from './validateWorkspace';

const soak = echoSoak({ agents: 2 });
const draft = { ...echoSoak(), name: 'draft', hypothesis: [] };

function view(over: Partial<WorkbenchView> = {}): WorkbenchView {
  return { name: 'W', agents: [], topics: [], clients: [], links: [], positions: {}, modules: [], ...over };
}

describe('saved experiments in the workspace', () => {
  it('are written when there are some (one per name) and left out otherwise', () => {
    expect(fromState(view())).not.toHaveProperty('experiments');
    const ws = fromState(view({ experiments: [soak, draft, { ...draft, description: 'newer' }] }));
    expect(ws.experiments!.map((e) => e.name)).toEqual([soak.name, 'draft']);
    expect(ws.experiments![1]).toMatchObject({ description: 'newer' });
  });

  it('survive export and import byte for byte and come back in the restore plan', () => {
    const ws = fromState(view({ experiments: [soak, draft] }));
    const back = parseWorkspace(serializeWorkspace(ws));
    expect(back).toEqual({ ok: true, value: ws });
    const plan = toCommands(ws);
    expect(plan.experiments).toEqual([soak, draft]);
    expect(parseExperiment(plan.experiments[0])).toEqual(soak); // still a runnable experiment
    expect(toCommands(emptyWorkspace('x')).experiments).toEqual([]);
  });

  it('are checked lightly: shape and unique names (a draft is kept)', () => {
    const base = emptyWorkspace('E');
    expect(validateWorkspace({ ...base, experiments: [draft] }).ok).toBe(true);
    const problems = (doc: unknown) => {
      const r = validateWorkspace(doc);
      return r.ok ? [] : r.problems.map(formatProblem);
    };
    expect(problems({ ...base, experiments: [{ ...soak, schema: 'orrery.experiment/9' }] })).toEqual([
      'ORR204 experiments[0].schema: expected "orrery.experiment/1", received "orrery.experiment/9"',
    ]);
    expect(problems({ ...base, experiments: [{ ...soak, name: '' }] })[0]).toMatch(/^ORR204 experiments\[0\]\.name: /);
    expect(problems({ ...base, experiments: [{ schema: 'orrery.experiment/1', name: 'bare' }] })[0]).toBe(
      'ORR204 experiments[0].topology: expected a value (the field is required), received nothing',
    );
    expect(problems({ ...base, experiments: [soak, draft, soak] })).toEqual([
      `ORR211 experiments[2].name: expected a name not used before (experiments[0] is already "${soak.name}"), received "${soak.name}"`,
    ]);
  });
});

describe('agent and group settings in the workspace', () => {
  const ws = fromState(
    view({
      agents: [
        { name: 'a', kind: 'echo', restart: 'permanent', redelivery: 'once', isolated: false },
        {
          name: 'b',
          kind: 'echo',
          restart: 'temporary',
          redelivery: 'never',
          isolated: true,
          group: 'g',
          limits: { mailboxCapacity: 5, overflow: 'drop-oldest', maxConcurrent: 2 },
        },
      ],
      groups: [{ name: 'g', strategy: 'rest_for_one', intensity: 4, periodMs: 900, backoff: { minMs: 5, maxMs: 50, randomFactor: 0 } }],
    }),
  );

  it('writes what differs from the defaults', () => {
    expect(ws.nodes).toEqual([
      {
        type: 'group',
        name: 'g',
        strategy: 'rest_for_one',
        intensity: 4,
        periodMs: 900,
        backoff: { minMs: 5, maxMs: 50, randomFactor: 0 },
      },
      { type: 'agent', name: 'a', kind: 'echo' },
      {
        type: 'agent',
        name: 'b',
        kind: 'echo',
        limits: { mailboxCapacity: 5, overflow: 'drop-oldest', maxConcurrent: 2 },
        group: 'g',
        isolated: true,
        restart: 'temporary',
        redelivery: 'never',
      },
    ]);
    expect(validateWorkspace(ws).ok).toBe(true);
  });

  it('deploys them again', () => {
    const plan = toCommands(ws);
    expect(plan.commands).toEqual([
      {
        type: 'group.create',
        spec: { name: 'g', strategy: 'rest_for_one', intensity: 4, periodMs: 900, backoff: { minMs: 5, maxMs: 50, randomFactor: 0 } },
      },
      { type: 'agent.deploy', spec: { name: 'a', kind: 'echo' } },
      {
        type: 'agent.deploy',
        spec: {
          name: 'b',
          kind: 'echo',
          limits: { mailboxCapacity: 5, overflow: 'drop-oldest', maxConcurrent: 2 },
          group: 'g',
          isolated: true,
          restart: 'temporary',
          redelivery: 'never',
        },
      },
    ]);
  });

  it('refuses a malformed backoff', () => {
    const bad: Workspace = {
      ...ws,
      nodes: [{ type: 'group', name: 'g', strategy: 'one_for_one', backoff: { minMs: -1, maxMs: 5, randomFactor: 0 } }],
    };
    const r = validateWorkspace(bad);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual(['ORR204 nodes[0].backoff.minMs: expected a number ≥ 0, received -1']);
  });
});

describe('saved load experiments in the workspace', () => {
  const steady: SavedLoadExperiment = {
    schema: 'orrery.load/1',
    name: 'steady',
    scenarios: { echo: { executor: 'constant-arrival-rate', rate: 100, duration: '10s', target: 'echo-1' } },
  };
  const ramp: SavedLoadExperiment = { ...steady, name: 'ramp', thresholds: { latency: ['p(95)<50'] } };

  it('are written when there are some (one per name), survive export and import, and come back in the restore plan', () => {
    expect(fromState(view())).not.toHaveProperty('loads');
    const ws = fromState(view({ loads: [steady, ramp, { ...ramp, description: 'newer' }] }));
    expect(ws.loads!.map((l) => l.name)).toEqual(['steady', 'ramp']);
    expect(ws.loads![1]).toMatchObject({ description: 'newer' });
    expect(parseWorkspace(serializeWorkspace(ws))).toEqual({ ok: true, value: ws });
    expect(toCommands(ws).loads).toEqual(ws.loads);
    expect(toCommands(emptyWorkspace('x')).loads).toEqual([]);
  });
});
