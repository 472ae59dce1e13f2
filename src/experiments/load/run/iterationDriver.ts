/**
 * Carries out the executors' actions on a shell: an iteration's start (plan the message,
 * route it, send it from its client, await the answer in request mode), its think time and
 * its end (reported back to the executor, whose answer may start the next), interrupts and
 * drops; records every outcome in the run's metrics and keeps the totals.
 */
import type { Rng } from '../../../kernel/types';
import type { ExperimentShell } from '../../ExperimentShell';
import type { ScenarioAction, ScenarioSet } from '../executors/scenarioSet';
import { planIterations, type IterationPlanner } from '../experiment/iteration';
import type { LoadScenario } from '../experiment/types';
import type { MetricRegistry } from '../metrics/createMetricRegistry';
import { recordOutcome, type ErrorKind, type RequestOutcome } from '../metrics/loadMetrics';
import { MinHeap } from './minHeap';
import type { OutcomeTracker, SettledRequest } from './outcomeTracker';
import type { TopologyIndex } from './topologyIndex';
import type { LoadRunHooks, LoadTotals } from './types';

/**
 * The shortest iteration (ms): a closed loop whose answers take no time (fire and forget, or a
 * zero latency model) would otherwise start iterations forever at one instant of virtual time.
 */
export const MIN_ITERATION_MS = 0.1;

export interface DriverDeps {
  shell: ExperimentShell;
  /** Shell time of the load's start. */
  t0: number;
  seed: number;
  scenarios: Readonly<Record<string, LoadScenario>>;
  set: ScenarioSet;
  registry: MetricRegistry;
  topology: TopologyIndex;
  tracker: OutcomeTracker;
  hooks: LoadRunHooks;
  routeRng: Rng;
  /** Setup problems the run reports (a client or link the kernel refused). */
  problem(text: string): void;
}

interface Active {
  iter: number;
  startedAt: number;
  tags: Record<string, string>;
  settled: boolean;
}

/** Why a send was refused, as an error kind. */
export function sendErrorKind(error: string): ErrorKind {
  return /no[- ]route|unknown[- ]receiver|not linked|no link|unknown (agent|receiver|node)/i.test(error) ? 'no-route' : 'failure';
}

const CLOSED_LOOP = new Set(['shared-iterations', 'per-vu-iterations', 'constant-vus', 'ramping-vus']);

type Settled = Pick<SettledRequest, 'outcome' | 'at'> & { request: { scenario: string; vu: number; thinkMs: number } };

const key = (scenario: string, vu: number): string => `${scenario}\u0000${vu}`;

export class IterationDriver {
  private readonly counts: LoadTotals = { started: 0, sent: 0, ok: 0, errors: 0, dropped: 0, interrupted: 0, inFlight: 0 };
  private readonly planners: Map<string, IterationPlanner>;
  private readonly active = new Map<string, Active>();
  private readonly ending = new MinHeap<{ at: number; scenario: string; vu: number; iter: number }>();

  constructor(private readonly deps: DriverDeps) {
    this.planners = new Map(Object.entries(deps.scenarios).map(([name, s]) => [name, planIterations(name, s)]));
  }

  /** Carries out the executors' actions at run time `now`. */
  carry(actions: readonly ScenarioAction[], now: number): void {
    for (const a of actions) {
      if (a.type === 'start') this.start(a, now);
      else if (a.type === 'interrupt') {
        const entry = this.active.get(key(a.scenario, a.vu));
        this.deps.tracker.interrupt(a.scenario, a.vu);
        // Interrupted while its message was awaited (or settled but not yet heard of): neither ok nor an error.
        if (entry && !entry.settled) this.counts.interrupted++;
        this.active.delete(key(a.scenario, a.vu));
      } else if (a.type === 'drop') {
        this.counts.dropped += a.count;
        this.deps.registry.add('dropped_iterations', a.count, { scenario: a.scenario }, a.atMs);
      }
    }
  }

  /** Settles what the tracker heard, ends the iterations whose think time is over, at run time `now`. */
  catchUp(now: number): void {
    this.deps.tracker.expire(now, this.deps.t0);
    for (const s of this.deps.tracker.drain()) this.settle(s, now);
    for (let next = this.ending.peek(); next && next.at <= now; next = this.ending.peek()) {
      this.ending.pop();
      const entry = this.active.get(key(next.scenario, next.vu));
      if (entry && entry.iter === next.iter) this.carry(this.end(next.scenario, next.vu, entry, next.at, now), now);
    }
  }

  /** The next think-time end or request deadline, ms from the load's start. */
  nextAt(): number | undefined {
    const deadline = this.deps.tracker.nextDeadline();
    const ending = this.ending.peek()?.at;
    if (deadline === undefined) return ending;
    return ending === undefined ? deadline : Math.min(ending, deadline);
  }

  totals(): LoadTotals {
    return { ...this.counts, inFlight: this.deps.tracker.size() };
  }

  private start(a: Extract<ScenarioAction, { type: 'start' }>, now: number): void {
    const { shell, topology, hooks } = this.deps;
    const scenario = this.deps.scenarios[a.scenario]!;
    const plan = this.planners.get(a.scenario)!({ vu: a.vu, iter: a.iter, scenarioIter: a.scenarioIter }, this.deps.seed);
    const planned = plan.draft.receiver as string;
    const agent = hooks.route?.(planned, now, this.deps.routeRng) ?? planned;
    const clientProblem = topology.ensureClient(plan.client);
    if (clientProblem) this.deps.problem(clientProblem);
    const link = topology.ensureLink(plan.client, agent);
    if (link.error) this.deps.problem(link.error);
    const tags: Record<string, string> = { ...scenario.tags, scenario: a.scenario, client: plan.client, agent, link: link.id };
    this.active.set(key(a.scenario, a.vu), { iter: a.iter, startedAt: now, tags, settled: false });
    this.counts.started++;
    this.counts.sent++;
    const replyWith = `${a.scenario}#${a.scenarioIter}`;
    const request = plan.mode === 'request';
    if (request)
      this.deps.tracker.track({
        ...{ replyWith, scenario: a.scenario, vu: a.vu, iter: a.iter, client: plan.client, agent, link: link.id },
        sentAt: shell.now(),
        // The kernel answers a timeout at reply_by; this is the fallback when even that is lost.
        deadline: now + plan.timeoutMs + Math.min(1000, plan.timeoutMs),
        thinkMs: plan.thinkMs,
        // A closed loop's VU goes on when its answer comes: think time starts then, or the next iteration.
        urgent: CLOSED_LOOP.has(scenario.executor),
      });
    const draft = { ...plan.draft, receiver: agent, ...(request ? { reply_with: replyWith, reply_by: shell.now() + plan.timeoutMs } : {}) };
    const result = shell.send(draft, plan.client);
    const done = { request: { scenario: a.scenario, vu: a.vu, thinkMs: plan.thinkMs }, at: shell.now() };
    if (!result.ok) {
      this.deps.tracker.interrupt(a.scenario, a.vu);
      this.settle({ ...done, outcome: { ok: false, kind: sendErrorKind(result.error) } }, now);
    } else if (!request) this.settle({ ...done, outcome: { ok: true, latencyMs: 0 } }, now, true);
  }

  /** An iteration's message came to its end: record it, then think (or end). Fire and forget records no latency. */
  private settle(s: Settled, now: number, fireAndForget = false): void {
    const entry = this.active.get(key(s.request.scenario, s.request.vu));
    if (!entry || entry.settled) return;
    entry.settled = true;
    const atMs = Math.max(0, s.at - this.deps.t0);
    const outcome: RequestOutcome = s.outcome;
    this.record(entry.tags, outcome, atMs, fireAndForget);
    this.deps.hooks.observe?.({
      agent: entry.tags['agent']!,
      scenario: s.request.scenario,
      ok: outcome.ok,
      ...(outcome.ok ? {} : { kind: outcome.kind }),
      ...(outcome.latencyMs !== undefined && !fireAndForget ? { latencyMs: outcome.latencyMs } : {}),
      atMs,
    });
    const endAt = Math.max(atMs + s.request.thinkMs, entry.startedAt + MIN_ITERATION_MS);
    if (endAt <= now) this.carry(this.end(s.request.scenario, s.request.vu, entry, endAt, now), now);
    else this.ending.push({ at: endAt, scenario: s.request.scenario, vu: s.request.vu, iter: entry.iter });
  }

  private record(tags: Record<string, string>, outcome: RequestOutcome, atMs: number, fireAndForget: boolean): void {
    const { registry } = this.deps;
    if (fireAndForget) {
      registry.add('requests', 1, tags, atMs);
      registry.add('error_rate', 0, tags, atMs);
    } else recordOutcome(registry, outcome, tags, atMs);
    if (outcome.ok) this.counts.ok++;
    else this.counts.errors++;
  }

  /** The iteration ended at `endAt` (its own time), heard of at `now` (the executor's clock never goes back). */
  private end(scenario: string, vu: number, entry: Active, endAt: number, now: number): ScenarioAction[] {
    this.active.delete(key(scenario, vu));
    this.deps.registry.add('iterations', 1, { scenario }, endAt);
    this.deps.registry.add('iteration_duration', endAt - entry.startedAt, { scenario }, endAt);
    return this.deps.set.iterationDone(scenario, vu, now);
  }
}
