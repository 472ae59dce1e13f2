/**
 * Runs an experiment on any ExperimentShell: builds the topology, drives the workload,
 * injects and clears faults on schedule, lets the run drain, then judges every window
 * from the log (journal first, analysis after). The same code drives the deterministic
 * simulation and a live runtime.
 */
import type { KernelEvent } from '../../kernel/types';
import { createSeededRng, type SeededRng } from '../../kernel/rng';
import type { FaultSpec } from '../../kernel/resilienceTypes';
import type { JsonValue } from '../../protocol/message';
import type { ExperimentShell } from '../ExperimentShell';
import { deadLetters, restarts } from '../metrics/counts';
import { tally } from '../metrics/ownRecord';
import { collectRequests, summarizeOutcomes } from '../metrics/requests';
import { logHash } from '../simulation/logHash';
import { deriveSeed, STREAM } from '../seeds';
import { probeIds } from './parseExperiment';
import { planExperiment, withId, type PlannedAction } from './planExperiment';
import { evaluateProbe } from './probes';
import type { ExperimentResult, FailedCheck, RunCounts, TimelineEntry, WindowResult } from './result';
import type { ClientLoad, Experiment, Topology } from './types';

export interface RunOptions {
  /** Default: experiment.seed, else 1. */
  seed?: number;
  /** Timeline entries as they happen (phases, faults), for a live view. */
  onProgress?: (entry: TimelineEntry) => void;
  /** Stops the workload and schedule early; the run still drains and is judged. */
  signal?: AbortSignal;
  /** Wall clock for `wallMs` (default performance.now). */
  wallClock?: () => number;
}

export class ExperimentSetupError extends Error {
  override readonly name = 'ExperimentSetupError';
  constructor(readonly problems: string[]) {
    super(`The experiment's topology could not be built:\n- ${problems.join('\n- ')}`);
  }
}

const POLL_MS = 5;

export async function runExperiment(shell: ExperimentShell, experiment: Experiment, options: RunOptions = {}): Promise<ExperimentResult> {
  const wall = options.wallClock ?? (() => performance.now());
  const wallStart = wall();
  const seed = (options.seed ?? experiment.seed ?? 1) >>> 0;
  const rng = createSeededRng(deriveSeed(seed, STREAM.workload));
  const plan = planExperiment(experiment);
  const timeline: TimelineEntry[] = [];
  const errors: string[] = [];
  const note = (entry: TimelineEntry) => {
    timeline.push(entry);
    options.onProgress?.(entry);
  };
  const setupStart = shell.now();

  build(shell, experiment.topology);
  await waitRunning(shell, experiment.topology, experiment.schedule.setupTimeoutMs ?? 10_000, note);

  const t0 = shell.now();
  const loads = experiment.workload.clients.map((c, i) => startLoad(c, i, experiment.workload.clients.length, rng));
  const actions = plan.actions;
  let next = 0;
  const aborted = () => options.signal?.aborted === true;

  for (;;) {
    if (aborted()) break;
    const action = actions[next];
    let load: LoadState | undefined;
    for (const l of loads) if (l.next < plan.workloadEnd && (!load || l.next < load.next)) load = l;
    if (!action && !load) break;
    if (action && (!load || action.at <= load.next)) {
      await shell.advanceTo(t0 + action.at);
      next++;
      perform(action);
    } else if (load) {
      await shell.advanceTo(t0 + load.next);
      sendOne(load);
    }
  }
  // Clear whatever is still injected (an aborted run) before draining.
  if (aborted()) shell.command({ type: 'chaos.clear' });
  await shell.advanceTo(Math.max(shell.now(), t0 + plan.end));

  return judge();

  // ─── Steps ────────────────────────────────────────────────────────────────

  function perform(action: PlannedAction): void {
    const t = shell.now();
    switch (action.type) {
      case 'phase.start':
      case 'phase.end':
        note({ t, kind: action.type, label: `${action.type === 'phase.start' ? 'start' : 'end'} of phase ${action.phase}`, phase: action.phase });
        return;
      case 'inject':
        inject(action.fault, action.phase);
        return;
      case 'pulse': {
        const f = action.pulse.fault;
        let target = f.target;
        if (action.pulse.pick === 'one') {
          const agents = f.target.agents ?? [];
          const links = f.target.links ?? [];
          const i = rng.int(agents.length + links.length);
          target = i < agents.length ? { agents: [agents[i]!] } : { links: [links[i - agents.length]!] };
        }
        inject({ ...withId(f, action.id), id: action.id, target }, action.phase);
        return;
      }
      case 'clear': {
        const { error } = shell.command({ type: 'chaos.clear', id: action.id });
        if (error) fail(`chaos.clear ${action.id}: ${error.code}: ${error.message}`, action.phase);
        else note({ t, kind: 'fault.cleared', label: `cleared ${action.id}`, phase: action.phase, fault: action.id });
        return;
      }
    }
  }

  function inject(fault: FaultSpec, phase: string): void {
    const { error } = shell.command({ type: 'chaos.inject', fault });
    if (error) return fail(`chaos.inject ${fault.id} (${fault.effect.kind}): ${error.code}: ${error.message}`, phase);
    const where = [...(fault.target.agents ?? []), ...(fault.target.links ?? [])].join(', ') || 'everything';
    note({ t: shell.now(), kind: 'fault.injected', label: `${fault.effect.kind} on ${where} (p=${fault.probability})`, phase, fault: fault.id, faultKind: fault.effect.kind });
  }

  function fail(message: string, phase?: string): void {
    errors.push(message);
    const entry: TimelineEntry = { t: shell.now(), kind: 'error', label: message };
    if (phase !== undefined) entry.phase = phase;
    note(entry);
  }

  function sendOne(load: LoadState): void {
    const c = load.spec;
    const n = ++load.sent;
    const target = c.pick === 'random' ? c.targets[rng.int(c.targets.length)]! : c.targets[(n - 1) % c.targets.length]!;
    const content: JsonValue = c.content !== undefined ? c.content : { seq: n };
    const tag = `${c.client}#${n}`;
    const result = shell.send(
      { performative: c.performative ?? 'request', receiver: target, content, reply_with: tag, conversation_id: tag, reply_by: shell.now() + c.timeoutMs },
      c.client,
    );
    if (!result.ok && load.errors++ < 3) fail(`send from ${c.client} to ${target}: ${result.error}`);
    load.next += load.gap();
  }

  function judge(): ExperimentResult {
    const log = shell.log();
    const clients = experiment.workload.clients.map((c) => c.client);
    const requests = collectRequests(log, { from: clients });
    const ids = probeIds(experiment);
    const windows: WindowResult[] = [];
    const failures: FailedCheck[] = [];
    for (const w of plan.windows) {
      const window = { start: t0 + w.start, end: t0 + w.end };
      const probes = w.probes.map((id) => evaluateProbe(experiment.hypothesis[ids.indexOf(id)]!, id, { log, window, requests }));
      const result: WindowResult = { name: w.name, kind: w.kind, start: window.start, end: window.end, pass: probes.every((p) => p.pass), probes };
      if (w.phase !== undefined) result.phase = w.phase;
      windows.push(result);
      for (const p of probes) {
        timeline.push({ t: window.end, kind: 'probe', label: `${p.id} ${p.pass ? 'held' : 'FAILED'} in ${w.name}: ${p.detail}`, window: w.name, probe: p.id, pass: p.pass });
        if (!p.pass) failures.push({ window: w.name, probe: p.id, value: p.value, threshold: p.threshold, detail: p.detail });
      }
    }
    for (const e of log) {
      const entry = fromEvent(e);
      if (entry) timeline.push(entry);
    }
    const order = new Map(timeline.map((e, i) => [e, i]));
    timeline.sort((a, b) => a.t - b.t || order.get(a)! - order.get(b)!);
    return {
      experiment: experiment.name,
      mode: shell.mode,
      seed,
      pass: failures.length === 0 && errors.length === 0,
      t0,
      end: shell.now(),
      windows,
      failures,
      timeline,
      counts: count(log, requests),
      hash: logHash(log),
      errors,
      wallMs: wall() - wallStart,
      virtualMs: shell.now() - setupStart,
    };
  }

  function count(log: readonly KernelEvent[], requests: ReturnType<typeof collectRequests>): RunCounts {
    const o = summarizeOutcomes(requests);
    const r = restarts(log);
    let crashes = 0;
    let restartCount = 0;
    for (const c of Object.values(r.agents)) {
      crashes += c.crashes;
      restartCount += c.restarts;
    }
    const faultsApplied: Record<string, number> = {};
    for (const e of log) if (e.type === 'chaos.injected') tally(faultsApplied, e.kind);
    return {
      events: log.length,
      requests: o.requests,
      answered: o.answered,
      succeeded: o.succeeded,
      failed: o.failed,
      lost: o.lost,
      answeredTwice: o.answeredTwice,
      duplicateDeliveries: o.duplicateDeliveries,
      failuresByReason: o.failuresByReason,
      deadLetters: deadLetters(log).total,
      crashes,
      restarts: restartCount,
      escalations: r.escalations.length,
      faultsApplied,
    };
  }
}

// ─── Topology ─────────────────────────────────────────────────────────────────

/** Applies the topology as commands; throws ExperimentSetupError listing every refusal. */
export function build(shell: Pick<ExperimentShell, 'command'>, topology: Topology): void {
  const problems: string[] = [];
  const run = (what: string, command: Parameters<ExperimentShell['command']>[0]) => {
    const { error } = shell.command(command);
    if (error) problems.push(`${what}: ${error.code}: ${error.message}`);
  };
  for (const g of topology.groups ?? []) run(`group ${g.name}`, { type: 'group.create', spec: g });
  for (const c of topology.clients ?? []) run(`client ${c}`, { type: 'client.create', name: c });
  for (const t of topology.topics ?? []) run(`topic ${t}`, { type: 'topic.create', name: t });
  for (const a of topology.agents) run(`agent ${a.name}`, { type: 'agent.deploy', spec: a });
  for (const l of topology.links ?? []) {
    const id = l.id ?? `${l.a}--${l.b}`;
    run(`link ${l.a}–${l.b}`, { type: 'link.add', a: l.a, b: l.b, id });
    if (l.policy) run(`link ${id} policy`, { type: 'link.configure', id, policy: l.policy });
  }
  for (const [i, c] of (topology.commands ?? []).entries()) run(`commands[${i}] (${c.type})`, c);
  if (problems.length > 0) throw new ExperimentSetupError(problems);
}

async function waitRunning(shell: ExperimentShell, topology: Topology, timeoutMs: number, note: (e: TimelineEntry) => void): Promise<void> {
  const names = topology.agents.map((a) => a.name);
  const deadline = shell.now() + timeoutMs;
  for (;;) {
    const agents = shell.snapshot().agents;
    const pending = names.filter((n) => agents.find((a) => a.name === n)?.status !== 'running');
    if (pending.length === 0) return;
    const settled = pending.every((n) => {
      const s = agents.find((a) => a.name === n)?.status;
      return s === 'failed' || s === 'stopped' || s === undefined;
    });
    if (settled || shell.now() >= deadline) {
      note({ t: shell.now(), kind: 'setup', label: `not running after setup: ${pending.map((n) => `${n} (${agents.find((a) => a.name === n)?.status ?? 'absent'})`).join(', ')}` });
      return;
    }
    await shell.advanceTo(shell.now() + POLL_MS);
  }
}

// ─── Workload ─────────────────────────────────────────────────────────────────

interface LoadState {
  spec: ClientLoad;
  /** Relative time of the next send. */
  next: number;
  sent: number;
  errors: number;
  gap(): number;
}

function startLoad(spec: ClientLoad, index: number, of: number, rng: SeededRng): LoadState {
  const mean = 1000 / spec.ratePerSecond;
  const gap = spec.arrival === 'poisson' ? () => -Math.log(1 - rng.next()) * mean : () => mean;
  // Stagger clients inside the first interval so they do not all fire at the same instant.
  return { spec, next: (mean * index) / of, sent: 0, errors: 0, gap };
}

// ─── Timeline from the log ────────────────────────────────────────────────────

const AGENT_FAULTS = new Set(['kill', 'crash', 'hang', 'slow', 'clock-skew']);

function fromEvent(e: KernelEvent): TimelineEntry | undefined {
  switch (e.type) {
    case 'agent.crashed':
      return { t: e.t, kind: 'agent.crashed', label: `${e.agent} crashed: ${e.reason}`, agent: e.agent };
    case 'agent.restarted':
      return { t: e.t, kind: 'agent.restarted', label: `${e.agent} restarted (instance ${e.instance})`, agent: e.agent };
    case 'agent.backoff':
      return { t: e.t, kind: 'agent.backoff', label: `${e.agent} restarts in ${e.delayMs} ms (attempt ${e.attempt})`, agent: e.agent };
    case 'group.escalated':
      return { t: e.t, kind: 'group.escalated', label: `group ${e.group} gave up: ${e.reason}${e.parent ? ` (escalated to ${e.parent})` : ''}` };
    case 'agent.status':
      return e.status === 'failed' ? { t: e.t, kind: 'agent.failed', label: `${e.agent} failed${e.reason ? `: ${e.reason}` : ''}`, agent: e.agent } : undefined;
    case 'chaos.injected':
      if (!AGENT_FAULTS.has(e.kind)) return undefined; // per-message network faults are counted, not drawn one by one
      return { t: e.t, kind: 'chaos.applied', label: `${e.kind} applied${e.agent ? ` to ${e.agent}` : ''}`, fault: e.fault, faultKind: e.kind, ...(e.agent ? { agent: e.agent } : {}) };
    default:
      return undefined;
  }
}
