import { describe, expect, it } from 'vitest';
import type { KindInfo, SendResult, WorkbenchApi } from '../../hosts/types';
import type { Command, KernelEvent, KernelSnapshot } from '../../kernel/types';
import type { AclMessage, MessageDraft } from '../../protocol/message';
import { scenarioToWorkspace, type Scenario } from '../../workspace';
import { createModuleRecorder } from '../../workspace/session/moduleRecorder';
import { runScenario } from '../../workspace/session/runScenario';
import { createActionManager } from '../actions/createActionManager';
import type { AppliedChange } from '../actions/types';
import { createWorkbenchStore } from '../store/createWorkbenchStore';
import { restoreWorkspace } from './restoreWorkspace';
import { scenarioPort } from './scenarioPort';

const SCENARIO: Scenario = {
  id: 'tiny',
  title: 'Tiny',
  description: 'one echo, one request',
  nodes: [{ type: 'agent', name: 'echo-1', kind: 'echo' }],
  links: [],
  run: [{ message: { performative: 'request', receiver: 'echo-1', content: { n: 1 } } }],
  expect: { from: 'echo-1', performative: 'inform', content: { n: 1 } },
};

/** A kernel stand-in (pure logic under test is the registry, not the kernel): echoes every request as a report. */
function fakeApi() {
  const commands: Command[] = [];
  const sends: { draft: unknown; from?: string }[] = [];
  const listeners = new Set<(events: KernelEvent[]) => void>();
  let seq = 0;
  const emptySnapshot = { agents: [], links: [], topics: [], clients: [], groups: [] } as unknown as KernelSnapshot;
  const api: WorkbenchApi = {
    async command(command) {
      commands.push(command);
    },
    async send(draft, from): Promise<SendResult> {
      sends.push({ draft, ...(from === undefined ? {} : { from }) });
      const d = draft as MessageDraft;
      const reply: AclMessage = {
        id: `m${++seq}`,
        sender: String(d.receiver),
        receiver: from ?? 'you',
        performative: 'inform',
        content: d.content ?? null,
        sent_at: seq,
      };
      queueMicrotask(() => listeners.forEach((l) => l([{ type: 'message.sent', message: reply, seq, t: seq }])));
      return { ok: true, id: `m${seq}` };
    },
    request: () => Promise.reject(new Error('not used')),
    kinds: async () => [] as KindInfo[],
    registerComponent: () => Promise.reject(new Error('not used')),
    snapshot: async () => emptySnapshot,
    inspect: async () => ({ kv: {}, mailbox: [] }),
    async subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { api, commands, sends };
}

function setUp() {
  const fake = fakeApi();
  const store = createWorkbenchStore(fake.api);
  const kind = (k: string): KindInfo => ({ kind: k, label: k, description: '', hash: '', bytes: 0, builtin: true });
  store.setState({ kinds: [kind('echo'), kind('nope')] });
  const actions = createActionManager(store);
  const applied: AppliedChange[] = [];
  actions.onApplied((change) => applied.push(change));
  return { ...fake, store, actions, applied };
}

describe('change sources', () => {
  it("tags every change of a pattern's set-up and run `pattern`, and none of them is undoable", async () => {
    const { store, actions, applied, commands, sends } = setUp();
    const modules = createModuleRecorder();
    const problems = await restoreWorkspace({ store, actions, modules, source: 'pattern' }, scenarioToWorkspace(SCENARIO));
    const verdict = await runScenario(scenarioPort(store, actions), SCENARIO, { timeoutMs: 2000, settleMs: 1 });

    expect(problems).toEqual([]);
    expect(verdict.status).toBe('passed');
    expect(commands.map((c) => c.type)).toContain('agent.deploy');
    expect(sends).toEqual([{ draft: SCENARIO.run[0]!.message }]);
    // Every command and the message went through the registry, and say who caused them.
    expect(applied.flatMap((c) => c.commands)).toEqual(commands);
    expect(applied.filter((c) => c.message).map((c) => c.message?.draft)).toEqual([SCENARIO.run[0]!.message]);
    expect(new Set(applied.map((c) => c.source))).toEqual(new Set(['pattern']));
    expect(applied.every((c) => !c.undoable)).toBe(true);
    expect(store.getState().history.past).toEqual([]);
  });

  it('records a person’s edit for undo, and leaves the same edit from other sources out of it', async () => {
    const { store, actions, applied } = setUp();
    for (const source of ['pattern', 'chaos', 'replay', 'load'] as const) {
      const outcome = await actions.run('agent.deploy', { kind: 'echo' }, source);
      expect(outcome).toEqual({ ok: true });
    }
    expect(store.getState().history.past).toEqual([]);
    expect(actions.canRun('history.undo', {})).toBe(false);

    await actions.run('agent.deploy', { kind: 'echo' });
    expect(store.getState().history.past).toHaveLength(1);
    expect(applied.map((c) => [c.source, c.undoable])).toEqual([
      ['pattern', false],
      ['chaos', false],
      ['replay', false],
      ['load', false],
      ['user', true],
    ]);
  });

  it('raises a notice for a refused user change only; other sources report their own problems', async () => {
    const { store, actions, api } = setUp();
    api.command = () => Promise.reject(new Error('unknown kind'));
    await actions.run('agent.deploy', { kind: 'nope' }, 'pattern');
    expect(store.getState().notices).toEqual([]);
    const outcome = await actions.run('agent.deploy', { kind: 'nope' });
    expect(outcome).toEqual({ ok: false, error: 'unknown kind' });
    expect(store.getState().notices.map((n) => n.code)).toEqual(['ORR402']);
  });
});
