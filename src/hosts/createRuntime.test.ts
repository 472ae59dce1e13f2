import { describe, expect, it } from 'vitest';
import { createManualClock } from '../kernel/clock';
import { createKernel } from '../kernel/kernel';
import { createSeededRng } from '../kernel/rng';
import type { Effect, HostEvent, KernelEvent } from '../kernel/types';
import { createRuntime, type Schedule } from './createRuntime';
import type { AgentHost } from './types';

/** Timers that fire only when the test says so, against a manual clock. */
function manualSchedule(clock: { now(): number }) {
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 1;
  const schedule: Schedule = {
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: clock.now() + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const runDue = () => {
    for (;;) {
      const due = timers.filter((t) => t.at <= clock.now()).sort((a, b) => a.at - b.at)[0];
      if (!due) return;
      timers = timers.filter((t) => t !== due);
      due.fn();
    }
  };
  return { schedule, runDue };
}

/** An in-thread host whose agents echo (or stay silent), answering on a microtask. */
function fakeHost(mode: { silent: boolean } = { silent: false }) {
  let listener: (events: HostEvent[]) => void = () => undefined;
  const performed: Effect[][] = [];
  const host: AgentHost = {
    registerKind: async () => {
      throw new Error('not in this test');
    },
    kinds: () => [],
    perform(effects) {
      performed.push([...effects]);
      const out: HostEvent[] = [];
      for (const e of effects) {
        if (e.type === 'spawn') out.push({ type: 'agent.ready', agent: e.agent, instance: e.instance });
        if (e.type === 'deliver' && !mode.silent) {
          const m = e.message;
          out.push({
            type: 'agent.sent',
            agent: e.agent,
            instance: e.instance,
            message: JSON.stringify({ performative: 'inform', receiver: m.sender, content: m.content, in_reply_to: m.reply_with }),
          });
          out.push({ type: 'agent.handled', agent: e.agent, instance: e.instance, messageId: m.id });
        }
      }
      if (out.length > 0) queueMicrotask(() => listener(out));
    },
    onEvents(l) {
      listener = l;
      return () => undefined;
    },
    dispose: async () => undefined,
  };
  return { host, performed };
}

function setup(options: { silent?: boolean; publishIntervalMs?: number; eventLogCapacity?: number } = {}) {
  const clock = createManualClock(1000);
  const capacity = options.eventLogCapacity === undefined ? {} : { eventLogCapacity: options.eventLogCapacity };
  const kernel = createKernel({ clock, rng: createSeededRng(7), ...capacity });
  const { schedule, runDue } = manualSchedule(clock);
  const { host, performed } = fakeHost({ silent: options.silent ?? false });
  const runtime = createRuntime({ kernel, host, clock, schedule, publishIntervalMs: options.publishIntervalMs ?? 0 });
  return { clock, kernel, runtime, runDue, performed };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('createRuntime', () => {
  it('answers a request with the reply matched by a generated reply_with', async () => {
    const { runtime } = setup();
    await runtime.command({ type: 'agent.deploy', spec: { name: 'echo', kind: 'echo' } });
    await flush();
    const reply = await runtime.request({ performative: 'request', receiver: 'echo', content: { x: 1 } }, 1000);
    expect(reply).toMatchObject({ performative: 'inform', sender: 'echo', receiver: 'you', content: { x: 1 } });
    expect(reply.in_reply_to).toMatch(/^request-\d+$/);
  });

  it('resolves with the kernel timeout failure when no reply comes', async () => {
    const { runtime, clock, runDue } = setup({ silent: true });
    await runtime.command({ type: 'agent.deploy', spec: { name: 'mute', kind: 'echo' } });
    await flush();
    const reply = runtime.request({ performative: 'request', receiver: 'mute', content: 1 }, 500);
    clock.advance(499);
    runDue();
    clock.advance(1);
    runDue();
    const failure = await reply;
    expect(failure.performative).toBe('failure');
    expect(JSON.stringify(failure.content)).toMatch(/timeout/);
    expect(failure.id).not.toMatch(/^runtime-timeout/);
  });

  it('returns the precise validation error from send and rejects request', async () => {
    const { runtime } = setup();
    const result = await runtime.send({ performative: 'yell', receiver: 'x' });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/performative/) });
    await expect(runtime.request({ receiver: 'x' }, 100)).rejects.toThrow(/performative/);
  });

  it('rejects a refused command with the kernel error', async () => {
    const { runtime } = setup();
    await expect(runtime.command({ type: 'agent.stop', name: 'ghost' })).rejects.toThrow(/ORR/);
  });

  it('hands the host effects of one task to the host as one batch, at the end of the task', async () => {
    const { runtime, performed } = setup();
    await runtime.command({ type: 'agent.deploy', spec: { name: 'a', kind: 'echo' } });
    await flush();
    performed.length = 0;
    const replies = Promise.all([1, 2, 3].map((n) => runtime.request({ performative: 'request', receiver: 'a', content: n }, 1000)));
    expect(performed).toEqual([]); // three sends in one task: nothing crossed yet
    await Promise.resolve();
    expect(performed.map((batch) => batch.map((e) => e.type))).toEqual([['deliver', 'deliver', 'deliver']]);
    expect((await replies).map((r) => r.content)).toEqual([1, 2, 3]);
  });

  it('publishes events in coalesced batches no more often than the interval', async () => {
    const { runtime, clock, runDue } = setup({ publishIntervalMs: 33 });
    const batches: KernelEvent[][] = [];
    await runtime.subscribe((events) => batches.push(events));
    await runtime.command({ type: 'topic.create', name: 'a' });
    runDue();
    expect(batches).toHaveLength(1);
    await runtime.command({ type: 'topic.create', name: 'b' });
    await runtime.command({ type: 'topic.create', name: 'c' });
    runDue();
    expect(batches).toHaveLength(1);
    clock.advance(33);
    runDue();
    expect(batches).toHaveLength(2);
    expect(batches[1]!.map((e) => e.type)).toEqual(['node.added', 'node.added']);
    expect(runtime.log().length).toBe(3);
  });

  it('keeps a bounded log (the kernel’s) while subscribers still get every event', async () => {
    const { runtime, runDue } = setup({ eventLogCapacity: 20 });
    const seen: KernelEvent[] = [];
    await runtime.subscribe((events) => seen.push(...events));
    await runtime.command({ type: 'agent.deploy', spec: { name: 'echo', kind: 'echo' } });
    await flush();
    for (let n = 0; n < 30; n++) await runtime.request({ performative: 'request', receiver: 'echo', content: n }, 1000);
    runDue();
    expect(seen.length).toBeGreaterThan(100);
    expect(runtime.log()).toEqual(seen.slice(-20));
    expect((await runtime.snapshot()).eventsDropped).toBe(seen.length - 20);
  });
});
