/**
 * Judging a finished run from its log (journal first, analysis after): every window's
 * probes, the failed checks, the timeline, the counts and the log hash.
 */
import type { KernelEvent } from '../../kernel/types';
import { deadLetters, restarts } from '../metrics/counts';
import { tally } from '../metrics/ownRecord';
import { collectRequests, summarizeOutcomes } from '../metrics/requests';
import { logHash } from '../simulation/logHash';
import { probeIds } from './parseExperiment';
import type { ExperimentPlan } from './planExperiment';
import { evaluateProbe } from './probes';
import type { ExperimentResult, FailedCheck, RunCounts, TimelineEntry, WindowResult } from './result';
import type { RunContext } from './runSteps';
import type { Experiment } from './types';

export interface JudgedRun {
  experiment: Experiment;
  plan: ExperimentPlan;
  seed: number;
  /** Kernel time at the start of the workload, and when setup began. */
  t0: number;
  setupStart: number;
  wallMs: number;
}

export function judgeRun(ctx: RunContext, run: JudgedRun): ExperimentResult {
  const { shell, timeline, errors } = ctx;
  const { experiment, plan, t0, seed } = run;
  const log = shell.log();
  const clients = experiment.workload.clients.map((c) => c.client);
  const requests = collectRequests(log, { from: clients });
  const ids = probeIds(experiment);
  const windows: WindowResult[] = [];
  const failures: FailedCheck[] = [];
  for (const w of plan.windows) {
    const window = { start: t0 + w.start, end: t0 + w.end };
    const probes = w.probes.map((id) => evaluateProbe(experiment.hypothesis[ids.indexOf(id)]!, id, { log, window, requests }));
    const result: WindowResult = {
      name: w.name,
      kind: w.kind,
      start: window.start,
      end: window.end,
      pass: probes.every((p) => p.pass),
      probes,
    };
    if (w.phase !== undefined) result.phase = w.phase;
    windows.push(result);
    for (const p of probes) {
      timeline.push({
        t: window.end,
        kind: 'probe',
        label: `${p.id} ${p.pass ? 'held' : 'FAILED'} in ${w.name}: ${p.detail}`,
        window: w.name,
        probe: p.id,
        pass: p.pass,
      });
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
    counts: countRun(log, requests),
    hash: logHash(log),
    errors,
    wallMs: run.wallMs,
    virtualMs: shell.now() - run.setupStart,
  };
}

function countRun(log: readonly KernelEvent[], requests: ReturnType<typeof collectRequests>): RunCounts {
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
      return {
        t: e.t,
        kind: 'group.escalated',
        label: `group ${e.group} gave up: ${e.reason}${e.parent ? ` (escalated to ${e.parent})` : ''}`,
      };
    case 'agent.status':
      return e.status === 'failed'
        ? { t: e.t, kind: 'agent.failed', label: `${e.agent} failed${e.reason ? `: ${e.reason}` : ''}`, agent: e.agent }
        : undefined;
    case 'chaos.injected':
      if (!AGENT_FAULTS.has(e.kind)) return undefined; // per-message network faults are counted, not drawn one by one
      return {
        t: e.t,
        kind: 'chaos.applied',
        label: `${e.kind} applied${e.agent ? ` to ${e.agent}` : ''}`,
        fault: e.fault,
        faultKind: e.kind,
        ...(e.agent ? { agent: e.agent } : {}),
      };
    default:
      return undefined;
  }
}
