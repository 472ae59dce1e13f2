/**
 * Host conformance: the kernel must not be able to tell which host it has (DESIGN §2). One
 * list of scenarios — data plus one runner — runs against both ways of running agents:
 * - `worker-pool`: the Node workbench (createNodeWorkbench: createRuntime in real time),
 *   agents in real worker_threads with the SharedArrayBuffer watchdog;
 * - `single-thread`: the single-thread shell in virtual time (createSimulation), kinds from
 *   a KindLibrary (loadLibraryKinds) run in process.
 * Durations are read on each bench's clock (real, or virtual), and waiting is the bench's
 * own (polling in real time, running the agenda in virtual time).
 * Agents are the built-ins from public/agents (echo, counter, crasher, spinner), plus one
 * tiny WAT agent built here (`clock`, logs now-ms on every message) because no built-in
 * reads now-ms, and clock-skew is only observable through it.
 *
 * Every assertion is host-agnostic: it reads the kernel's event log, its snapshot and kv,
 * and the replies. Where the hosts differ on purpose (a hang is modelled inline, there are
 * no `worker-terminated` bystanders on one thread; see src/hosts/inProcess/createLibraryAgents.ts) the
 * scenarios assert only what both promise. Not covered, because neither host lets a test
 * provoke it through the kernel: stale-instance events (the kernel drops them itself,
 * unit-tested in src/kernel) and a watchdog cutting a spinning `init` (inline cannot).
 */
import { readFile } from 'node:fs/promises';
import { componentEmbed, componentNew, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kernel } from '../kernel';
import type { FaultEffect } from '../kernel/resilienceTypes';
import type { AgentSpec, Clock, Command, KernelEvent } from '../kernel/types';
import { OrreryError } from '../protocol/errors';
import type { AclMessage } from '../protocol/message';
import { createRealClock } from './createRealClock';
import { createKindLibrary, createSimulation, loadLibraryKinds } from './inProcess';
import { createNodeWorkbench } from './node/createNodeWorkbench';
import type { SendResult } from './types';
import { nodeAgentAssets } from './node/nodeAgentAssets';
import { requireBuiltAgents } from './node/requireBuiltAgents';

requireBuiltAgents();

const KINDS = ['echo', 'counter', 'crasher', 'spinner'];

// ─── The hosts ───────────────────────────────────────────────────────────────

/** What a scenario may touch: the same shell and kernel whichever host runs the agents. */
interface Bench {
  command(command: Command): Promise<void>;
  send(draft: unknown): Promise<SendResult>;
  request(draft: unknown, timeoutMs: number): Promise<AclMessage>;
  log(): readonly KernelEvent[];
  kernel: Pick<Kernel, 'snapshot' | 'kv'>;
  clock: Clock;
  /** Kind id of the `clock` WAT agent registered on this host. */
  clockKind: string;
  /** Lets time pass until `pred` holds (at most `ms` of the bench's clock); false if it never did. */
  until(pred: () => boolean, ms: number): Promise<boolean>;
  dispose(): Promise<void>;
}

interface HostUnderTest {
  name: string;
  create(clockAgent: Uint8Array): Promise<Bench>;
}

const HOSTS: HostUnderTest[] = [
  {
    name: 'worker-pool',
    async create(clockAgent) {
      const clock = createRealClock();
      const wb = await createNodeWorkbench({ kinds: KINDS, workers: 2, clock, seed: 1, watchdogIntervalMs: 10 });
      const clockKind = (await wb.registerComponent('clock', clockAgent)).kind;
      const until = async (pred: () => boolean, ms: number) => {
        const end = performance.now() + ms;
        while (!pred() && performance.now() < end) await new Promise((r) => setTimeout(r, 5));
        return pred();
      };
      return { ...wb.runtime, kernel: wb.kernel, clock, clockKind, until, dispose: () => wb.dispose() };
    },
  },
  {
    name: 'single-thread',
    async create(clockAgent) {
      const library = createKindLibrary();
      await loadLibraryKinds(library, nodeAgentAssets(), KINDS);
      const clockKind = (await library.registerKind('clock', clockAgent)).kind;
      const shell = createSimulation({ seed: 1, library });
      return {
        async command(command) {
          const { error } = shell.command(command);
          if (error) throw new OrreryError(error);
        },
        send: async (draft) => shell.send(draft),
        request: (draft, timeoutMs) => shell.request(draft, timeoutMs),
        log: () => shell.log(),
        kernel: shell.kernel,
        clock: shell.clock,
        clockKind,
        until: (pred, ms) => shell.runUntil(pred, shell.now() + ms),
        dispose: async () => shell.dispose(),
      };
    },
  },
];

// ─── Helpers (host-agnostic) ─────────────────────────────────────────────────

class Probe {
  constructor(readonly b: Bench) {}

  command(command: Command): Promise<void> {
    return this.b.command(command);
  }

  ask(receiver: string, content: unknown, extra: Record<string, unknown> = {}, timeoutMs = 5000): Promise<AclMessage> {
    return this.b.request({ performative: 'request', receiver, content, ...extra }, timeoutMs);
  }

  /** Like `ask`, and how long the answer took (ms). */
  async timed(receiver: string, content: unknown): Promise<{ reply: AclMessage; ms: number }> {
    const t = this.b.clock.now();
    const reply = await this.ask(receiver, content);
    return { reply, ms: this.b.clock.now() - t };
  }

  events<T extends KernelEvent['type']>(type: T, agent?: string): Array<Extract<KernelEvent, { type: T }>> {
    return this.b
      .log()
      .filter(
        (e): e is Extract<KernelEvent, { type: T }> =>
          e.type === type && (agent === undefined || (e as { agent?: string }).agent === agent),
      );
  }

  status(agent: string): string | undefined {
    return this.b.kernel.snapshot().agents.find((a) => a.name === agent)?.status;
  }

  async until(what: string, pred: () => boolean, ms = 5000): Promise<void> {
    if (!(await this.b.until(pred, ms))) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
  }

  running(agent: string): Promise<void> {
    return this.until(`${agent} running`, () => this.status(agent) === 'running');
  }

  inject(id: string, agent: string, effect: FaultEffect): Promise<void> {
    return this.command({ type: 'chaos.inject', fault: { id, target: { agents: [agent] }, probability: 1, effect } });
  }

  /** Sends to the `clock` agent and returns the now-ms it logged while handling it. */
  async readClock(agent: string): Promise<{ seen: number; before: number; after: number }> {
    const count = this.events('log', agent).length;
    const before = this.b.clock.now();
    const sent = await this.b.send({ performative: 'inform', receiver: agent, content: 'tick' });
    expect(sent.ok).toBe(true);
    await this.until(`a now-ms log from ${agent}`, () => this.events('log', agent).length > count);
    const after = this.b.clock.now();
    return { seen: Number(this.events('log', agent)[count]!.text), before, after };
  }
}

// ─── The scenarios ───────────────────────────────────────────────────────────

interface Scenario {
  name: string;
  /** Deployed by the runner before `run`, each awaited to `running` unless `starts: false`. */
  agents: Array<AgentSpec & { kind: string; starts?: false }>;
  run(p: Probe): Promise<void>;
}

const SLOW_MS = 120;
const SKEW_MS = 3_600_000;
/** Real clocks on both sides of a postMessage, a loaded machine: generous, vs. an hour of skew. */
const CLOCK_SLACK_MS = 1000;

const SCENARIOS: Scenario[] = [
  {
    name: 'echo round trip; what the agent sends is recorded before its message is handled',
    agents: [{ name: 'e1', kind: 'echo' }],
    async run(p) {
      const reply = await p.ask('e1', { hi: [1, 2] }, { reply_with: 'rt-1' });
      expect(reply).toMatchObject({ performative: 'inform', sender: 'e1', content: { hi: [1, 2] }, in_reply_to: 'rt-1' });
      const log = p.b.log();
      const request = log.find((e) => e.type === 'message.sent' && e.message.reply_with === 'rt-1');
      const requestId = request?.type === 'message.sent' ? request.message.id : undefined;
      const sentAt = log.findIndex((e) => e.type === 'message.sent' && e.message.in_reply_to === 'rt-1');
      const handledAt = log.findIndex((e) => e.type === 'message.handled' && e.messageId === requestId);
      expect(sentAt).toBeGreaterThan(0);
      expect(handledAt).toBeGreaterThan(sentAt);
      expect(log[handledAt]).not.toHaveProperty('error');
    },
  },
  {
    name: 'a guest error is handled with an error, and the sender gets not-understood',
    agents: [{ name: 'e2', kind: 'echo' }],
    async run(p) {
      const reply = await p.b.request({ performative: 'propose', receiver: 'e2', content: 1, reply_with: 'nu-1' }, 5000);
      expect(reply).toMatchObject({
        performative: 'not-understood',
        sender: 'e2',
        in_reply_to: 'nu-1',
        content: { reason: 'echo does not understand propose' },
      });
      expect(p.events('message.handled', 'e2')).toMatchObject([{ error: 'echo does not understand propose' }]);
      expect(p.events('agent.crashed', 'e2')).toEqual([]);
      expect(p.status('e2')).toBe('running');
    },
  },
  {
    name: 'kv survives a kill and a crash: the new instance gets the durable state',
    agents: [{ name: 'n1', kind: 'counter' }],
    async run(p) {
      for (const n of [1, 2]) expect((await p.ask('n1', { action: 'increment' })).content).toEqual({ count: n });
      await p.inject('kill-n1', 'n1', { kind: 'kill' });
      expect((await p.ask('n1', { action: 'get' })).content).toEqual({ count: 2 });
      await p.command({ type: 'chaos.clear', id: 'kill-n1' });
      await p.inject('crash-n1', 'n1', { kind: 'crash' });
      expect((await p.ask('n1', { action: 'increment' })).content).toEqual({ count: 3 });
      expect(p.events('agent.crashed', 'n1').map((e) => e.reason)).toEqual([
        expect.stringContaining('killed by chaos fault'),
        'trap: unreachable (injected crash)',
      ]);
      expect(p.events('agent.restarted', 'n1')).toHaveLength(2);
      expect(p.b.kernel.kv('n1')).toEqual({ count: '3' });
    },
  },
  {
    name: 'crash fault: the next message traps (one shot), is redelivered to the restarted instance and answered',
    agents: [{ name: 'c1', kind: 'echo' }],
    async run(p) {
      expect((await p.ask('c1', 1)).content).toBe(1);
      await p.inject('crash-c1', 'c1', { kind: 'crash' });
      expect((await p.ask('c1', 2, { reply_with: 'cf-2' })).content).toBe(2);
      const id = p.events('message.sent').find((e) => e.message.reply_with === 'cf-2')!.message.id;
      expect(p.events('agent.crashed', 'c1')).toMatchObject([{ reason: 'trap: unreachable (injected crash)', messageId: id }]);
      expect(p.events('message.redelivered', 'c1')).toMatchObject([{ messageId: id, attempt: 1 }]);
      expect(p.events('agent.restarted', 'c1')).toHaveLength(1);
      expect((await p.ask('c1', 3)).content).toBe(3);
      expect(p.events('agent.crashed', 'c1')).toHaveLength(1);
    },
  },
  {
    name: 'a trap in init is a crash: supervised restarts with backoff, then failed by the top-level supervisor',
    agents: [{ name: 'ti', kind: 'crasher', config: { crash_on_init: true }, starts: false }],
    async run(p) {
      // TOP_LEVEL_SUPERVISOR: 5 restarts in 10 s, backoff 100 ms doubling (about 3.5 s in all).
      await p.until('ti failed', () => p.status('ti') === 'failed', 10_000);
      const crashes = p.events('agent.crashed', 'ti');
      expect(crashes).toHaveLength(6);
      for (const crash of crashes) {
        expect(crash.reason).toMatch(/^trap during init/);
        expect(crash).not.toHaveProperty('messageId');
      }
      expect(p.events('agent.backoff', 'ti').map((e) => e.attempt)).toEqual([1, 2, 3, 4, 5]);
      expect(p.events('agent.restarted', 'ti')).toEqual([]);
      expect(p.events('agent.status', 'ti').at(-1)?.reason).toMatch(
        /^restart intensity exceeded: 6 restarts within 10000 ms \(last: trap during init/,
      );
    },
  },
  {
    name: 'init returning an error fails the deploy: no crash, no restart',
    agents: [{ name: 'fi', kind: 'crasher', config: { fail_init: 'x' }, starts: false }],
    async run(p) {
      await p.until('fi failed', () => p.status('fi') === 'failed');
      expect(p.events('agent.status', 'fi').at(-1)).toMatchObject({ status: 'failed', reason: 'x' });
      expect(p.events('agent.crashed', 'fi')).toEqual([]);
      expect(p.events('agent.backoff', 'fi')).toEqual([]);
      expect(await p.ask('fi', 1)).toMatchObject({ performative: 'failure', sender: 'kernel', content: { reason: 'agent-stopped' } });
    },
  },
  {
    name: 'slow stands for every message, survives a respawn, and stops when cleared',
    agents: [{ name: 's1', kind: 'echo' }],
    async run(p) {
      expect((await p.ask('s1', 0)).content).toBe(0);
      await p.inject('slow-s1', 's1', { kind: 'slow', ms: SLOW_MS });
      for (const n of [1, 2, 3]) {
        const { reply, ms } = await p.timed('s1', n);
        expect(reply.content).toBe(n);
        expect(ms).toBeGreaterThanOrEqual(SLOW_MS - 5);
      }
      // A crash: the kernel re-sends the standing fault with the new instance's spawn.
      await p.inject('crash-s1', 's1', { kind: 'crash' });
      const crashed = await p.timed('s1', 4);
      expect(crashed.reply.content).toBe(4);
      expect(crashed.ms).toBeGreaterThanOrEqual(2 * SLOW_MS - 5); // slow, trap; slow again, answer
      expect(p.events('agent.restarted', 's1')).toHaveLength(1);
      expect((await p.timed('s1', 5)).ms).toBeGreaterThanOrEqual(SLOW_MS - 5);
      await p.command({ type: 'chaos.clear', id: 'slow-s1' });
      const t = p.b.clock.now();
      for (const n of [6, 7, 8]) expect((await p.ask('s1', n)).content).toBe(n);
      expect(p.b.clock.now() - t).toBeLessThan(3 * SLOW_MS);
    },
  },
  {
    name: 'slow past the deadline: the watchdog cuts it, deadline-exceeded (message blamed)',
    agents: [{ name: 's2', kind: 'echo', limits: { deadlineMs: 80 }, isolated: true, redelivery: 'never' }],
    async run(p) {
      await p.inject('slow-s2', 's2', { kind: 'slow', ms: 400 });
      const reply = await p.ask('s2', 1, { reply_with: 'sd-1' });
      expect(reply).toMatchObject({ performative: 'failure', sender: 'kernel', content: { reason: 'deadline-exceeded' } });
      const id = p.events('message.sent').find((e) => e.message.reply_with === 'sd-1')!.message.id;
      expect(p.events('agent.crashed', 's2')[0]).toMatchObject({ reason: 'deadline-exceeded', messageId: id });
      await p.command({ type: 'chaos.clear', id: 'slow-s2' });
      await p.running('s2');
      expect((await p.ask('s2', 2)).content).toBe(2);
    },
  },
  {
    name: 'hang: deadline-exceeded for the runaway, its message redelivered to the new instance and answered',
    agents: [{ name: 'h1', kind: 'echo', limits: { deadlineMs: 80 }, isolated: true }],
    async run(p) {
      await p.inject('hang-h1', 'h1', { kind: 'hang' });
      const t = p.b.clock.now();
      expect((await p.ask('h1', 1, { reply_with: 'hg-1' })).content).toBe(1);
      expect(p.b.clock.now() - t).toBeGreaterThanOrEqual(75);
      const id = p.events('message.sent').find((e) => e.message.reply_with === 'hg-1')!.message.id;
      expect(p.events('agent.crashed', 'h1')).toMatchObject([{ reason: 'deadline-exceeded', messageId: id }]);
      expect(p.events('message.redelivered', 'h1')).toMatchObject([{ messageId: id }]);
      expect((await p.ask('h1', 2)).content).toBe(2); // one shot
    },
  },
  {
    name: 'memory cap: growing past limits.memoryPages traps, a crash, and the agent restarts',
    agents: [{ name: 'm1', kind: 'spinner', limits: { memoryPages: 4 }, redelivery: 'never' }],
    async run(p) {
      expect(await p.ask('m1', { action: 'alloc', pages: 1 })).toMatchObject({
        performative: 'inform',
        content: { pages: expect.any(Number) },
      });
      expect(await p.ask('m1', { action: 'alloc', pages: 64 })).toMatchObject({
        performative: 'failure',
        sender: 'kernel',
        content: { reason: 'agent-crashed' },
      });
      expect(p.events('agent.crashed', 'm1')).toMatchObject([{ reason: expect.stringMatching(/^trap: /), messageId: expect.any(String) }]);
      await p.running('m1');
      expect(p.events('agent.restarted', 'm1')).toHaveLength(1);
      expect((await p.ask('m1', {})).content).toEqual({ pong: true });
    },
  },
  {
    name: 'clock-skew: added to now-ms, stands across a respawn, and is gone when cleared',
    agents: [{ name: 'k1', kind: 'clock' }],
    async run(p) {
      const near = (r: { seen: number; before: number; after: number }, skew: number) => {
        expect(r.seen).toBeGreaterThanOrEqual(r.before + skew - CLOCK_SLACK_MS);
        expect(r.seen).toBeLessThanOrEqual(r.after + skew + CLOCK_SLACK_MS);
      };
      near(await p.readClock('k1'), 0);
      await p.inject('skew-k1', 'k1', { kind: 'clock-skew', ms: SKEW_MS });
      near(await p.readClock('k1'), SKEW_MS);
      await p.inject('crash-k1', 'k1', { kind: 'crash' });
      near(await p.readClock('k1'), SKEW_MS); // trapped, redelivered to the new instance: still skewed
      expect(p.events('agent.restarted', 'k1')).toHaveLength(1);
      await p.command({ type: 'chaos.clear', id: 'skew-k1' });
      near(await p.readClock('k1'), 0);
    },
  },
];

// ─── The runner ──────────────────────────────────────────────────────────────

let clockAgent: Uint8Array;
beforeAll(async () => {
  clockAgent = await buildClockAgent();
});

// The two hosts run side by side (most of a run is waiting on backoff timers); the
// scenarios of one host run one after another, each on agents of its own.
describe.concurrent.each(HOSTS)('host conformance: $name', (host) => {
  describe.sequential('scenarios', () => {
    let bench: Bench;
    beforeAll(async () => {
      bench = await host.create(clockAgent);
    });
    afterAll(async () => {
      await bench?.dispose();
    });

    it.each(SCENARIOS)('$name', async (scenario) => {
      const p = new Probe(bench);
      for (const { starts: _starts, ...spec } of scenario.agents) {
        await p.command({ type: 'agent.deploy', spec: { ...spec, kind: spec.kind === 'clock' ? bench.clockKind : spec.kind } });
      }
      for (const spec of scenario.agents) if (spec.starts !== false) await p.running(spec.name);
      await scenario.run(p);
    });
  });
});

// ─── The clock agent ─────────────────────────────────────────────────────────

/**
 * A `workbench:agent` guest in WAT: `handle` logs now-ms (decimal) at level info and
 * returns ok; `init` returns ok. Built per run like src/wasm/fixtures/probe.wat.
 */
const CLOCK_WAT = `(module
  (import "workbench:agent/host@0.1.0" "send" (func $send (param i32 i32)))
  (import "workbench:agent/host@0.1.0" "kv-get" (func $kv_get (param i32 i32 i32)))
  (import "workbench:agent/host@0.1.0" "kv-set" (func $kv_set (param i32 i32 i32 i32)))
  (import "workbench:agent/host@0.1.0" "now-ms" (func $now_ms (result i64)))
  (import "workbench:agent/host@0.1.0" "log" (func $log (param i32 i32 i32 i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 4096))
  (data (i32.const 64) "info")
  (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
    (local $ptr i32)
    (local.set $ptr (i32.and (i32.add (global.get $heap) (i32.const 7)) (i32.const -8)))
    (if (i32.gt_u (i32.add (local.get $ptr) (local.get $size)) (i32.mul (memory.size) (i32.const 65536)))
      (then (if (i32.eq (memory.grow (i32.add (i32.shr_u (local.get $size) (i32.const 16)) (i32.const 1))) (i32.const -1)) (then unreachable))))
    (global.set $heap (i32.add (local.get $ptr) (local.get $size)))
    (if (local.get $old) (then (memory.copy (local.get $ptr) (local.get $old) (local.get $old_size))))
    (local.get $ptr))
  (func $ok (result i32)
    (i32.store8 (i32.const 16) (i32.const 0))
    (i32.const 16))
  (func (export "workbench:agent/guest@0.1.0#init") (param i32 i32) (result i32)
    (call $ok))
  (func (export "workbench:agent/guest@0.1.0#handle") (param i32 i32) (result i32)
    (local $n i64) (local $p i32)
    (local.set $n (call $now_ms))
    (local.set $p (i32.const 1024))
    (loop $digit
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i64.store8 (local.get $p) (i64.add (i64.const 48) (i64.rem_u (local.get $n) (i64.const 10))))
      (local.set $n (i64.div_u (local.get $n) (i64.const 10)))
      (br_if $digit (i64.ne (local.get $n) (i64.const 0))))
    (call $log (i32.const 64) (i32.const 4) (local.get $p) (i32.sub (i32.const 1024) (local.get $p)))
    (call $ok))
  (func (export "cabi_post_workbench:agent/guest@0.1.0#handle") (param i32))
  (func (export "cabi_post_workbench:agent/guest@0.1.0#init") (param i32))
)`;

async function buildClockAgent(): Promise<Uint8Array> {
  const wit = await readFile(new URL('../../wit/agent.wit', import.meta.url), 'utf8');
  const embedded = await componentEmbed({ binary: await parse(CLOCK_WAT), witSource: wit, world: 'agent' });
  return componentNew(embedded, undefined);
}
