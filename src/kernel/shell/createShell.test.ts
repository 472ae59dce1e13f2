import { describe, expect, it } from 'vitest';
import { createBehaviorAgents } from './behaviorAgents';
import { createShell, INSTANT_TIMING } from './createShell';
import type { InProcessAgentsFactory } from './inProcessAgents';

const echoAgents = () =>
  createBehaviorAgents({
    echo: (m, ctx) => void ctx.reply(m, { performative: 'inform', content: m.content ?? null }),
    silent: () => undefined,
  }).factory;

describe('the single-thread shell', () => {
  it('request runs virtual time until the reply; a silent agent gets the kernel timeout at reply_by', async () => {
    const shell = createShell({ agents: echoAgents(), timing: { handleMs: { min: 2, max: 2 }, spawnMs: { min: 1, max: 1 } } });
    shell.command({ type: 'agent.deploy', spec: { name: 'e', kind: 'echo' } });
    shell.command({ type: 'agent.deploy', spec: { name: 's', kind: 'silent' } });
    const reply = await shell.request({ performative: 'request', receiver: 'e', content: 7 }, 1000);
    expect(reply).toMatchObject({ performative: 'inform', content: 7 });
    expect(shell.now()).toBe(3); // spawn 1 ms, handle 2 ms
    const timeout = await shell.request({ performative: 'request', receiver: 's', content: 1 }, 500);
    expect(timeout).toMatchObject({ performative: 'failure', sender: 'kernel', content: { reason: 'timeout' } });
    expect(shell.now()).toBe(503);
  });

  it('a kill frees a hung agent at once: its respawn does not wait out the deadline', () => {
    const shell = createShell({ agents: echoAgents(), timing: INSTANT_TIMING });
    shell.command({ type: 'agent.deploy', spec: { name: 'e', kind: 'echo', limits: { deadlineMs: 1000 } } });
    shell.runDue(0);
    shell.command({ type: 'chaos.inject', fault: { id: 'h', target: { agents: ['e'] }, probability: 1, effect: { kind: 'hang' } } });
    shell.send({ performative: 'request', receiver: 'e', content: 1 });
    shell.runDue(10);
    expect(shell.log().some((e) => e.type === 'agent.crashed')).toBe(false); // still hanging
    shell.command({ type: 'agent.restart', name: 'e' });
    shell.runDue(20);
    expect(shell.snapshot().agents[0]).toMatchObject({ status: 'running', instance: 2 });
    expect(shell.log().filter((e) => e.type === 'agent.crashed')).toEqual([]);
  });

  it('runDue refuses agents that instantiate asynchronously (advanceTo awaits them)', async () => {
    const asyncAgents: InProcessAgentsFactory = () => ({
      spawn: async (effect) => [{ type: 'agent.ready', agent: effect.agent, instance: effect.instance }],
      deliver: () => [],
      kill: () => undefined,
    });
    const shell = createShell({ agents: asyncAgents, timing: INSTANT_TIMING });
    shell.command({ type: 'agent.deploy', spec: { name: 'a', kind: 'any' } });
    expect(() => shell.runDue(0)).toThrow(/asynchronously/);
    const again = createShell({ agents: asyncAgents, timing: INSTANT_TIMING });
    again.command({ type: 'agent.deploy', spec: { name: 'a', kind: 'any' } });
    await again.advanceTo(5);
    expect(again.snapshot().agents[0]!.status).toBe('running');
  });
});

describe('the single-thread shell: latency hooks and early wake', () => {
  it('a latency model sets each agent’s handling time and each delivery’s transit time', async () => {
    const transits: string[] = [];
    const shell = createShell({
      agents: echoAgents(),
      timing: { spawnMs: { min: 1, max: 1 } },
      latency: {
        handleMs: (agent) => (agent === 'slow' ? 30 : 5),
        transitMs: (message, agent) => {
          transits.push(`${message.sender}→${agent}`);
          return 7;
        },
      },
    });
    shell.command({ type: 'agent.deploy', spec: { name: 'fast', kind: 'echo' } });
    shell.command({ type: 'agent.deploy', spec: { name: 'slow', kind: 'echo' } });
    await shell.runUntilIdle();
    const t = shell.now();
    await shell.request({ performative: 'request', receiver: 'fast', content: 1 }, 1000);
    expect(shell.now() - t).toBe(12);
    await shell.request({ performative: 'request', receiver: 'slow', content: 1 }, 1000);
    expect(shell.now() - t).toBe(12 + 37);
    expect(transits).toEqual(['you→fast', 'you→slow']);
  });

  it('advanceTo stops early once `wake` holds, and runs on to the time otherwise', async () => {
    const shell = createShell({ agents: echoAgents(), timing: { handleMs: { min: 2, max: 2 }, spawnMs: { min: 1, max: 1 } } });
    shell.command({ type: 'agent.deploy', spec: { name: 'e', kind: 'echo' } });
    await shell.runUntilIdle();
    let replied = false;
    shell.onReply('*', () => void (replied = true));
    const t = shell.now();
    shell.send({ performative: 'request', receiver: 'e', content: 1, reply_with: 'r' });
    await shell.advanceTo(t + 100, () => replied);
    expect(shell.now()).toBe(t + 2);
    await shell.advanceTo(t + 100, () => false);
    expect(shell.now()).toBe(t + 100);
  });
});
