/**
 * The closed-model executors (shared-iterations, per-vu-iterations, constant-vus,
 * ramping-vus): a VU starts its next iteration as soon as the last one ends, so the load
 * follows the system's speed. They differ in how many VUs run when (a policy) and in an
 * iteration budget; the loop, the graceful stop and the ramp-down are shared here.
 */
import { EXECUTOR_DEFAULTS as D, type Executor, type ExecutorAction, type ExecutorConfig, type ExecutorPhase } from './types';

export interface ClosedPolicy {
  /** When the scenario stops starting iterations (duration or maxDuration), absolute. */
  endsAt: number;
  /** VUs the scenario may use. */
  maxVUs: number;
  /** VUs that should be running at `now` (before endsAt). */
  activeAt(now: number): number;
  /** The next time activeAt changes; undefined when it no longer does. */
  nextChangeAfter(now: number): number | undefined;
  /** Whether `vu` (which has started `iter` iterations) may start another, given the scenario has started `started`. */
  mayStart(iter: number, started: number): boolean;
  /** Iterations in all, for the iterations executors (what is left unstarted at the end is dropped). */
  total?: number;
  /** Grace for a VU above the ramp's count (ramping-vus); Infinity when VUs never ramp down. */
  gracefulRampDown: number;
}

interface VuState {
  busy: boolean;
  /** Iterations this VU has started. */
  iter: number;
  /** Set while the VU is above the ramp's count: interrupted at this time if still busy. */
  stopBy: number | undefined;
}

export function closedLoopExecutor(config: ExecutorConfig, policy: ClosedPolicy): Executor {
  const startAt = config.startTime ?? D.startTime;
  const gracefulStop = config.gracefulStop ?? D.gracefulStop;
  const vus: VuState[] = Array.from({ length: policy.maxVUs }, () => ({ busy: false, iter: 0, stopBy: undefined }));
  let phase: ExecutorPhase = 'waiting';
  let started = 0;
  let completed = 0;
  let interrupted = 0;
  let dropped = 0;
  let busy = 0;
  let allocated = 0;
  let last = -Infinity;
  /** The last advance: ramp changes after it are still to be applied, whatever iterations ended since. */
  let lastAdvance = -Infinity;

  const start = (vu: number, now: number, out: ExecutorAction[]) => {
    const s = vus[vu - 1]!;
    out.push({ type: 'start', vu, iter: s.iter, scenarioIter: started, atMs: now });
    s.busy = true;
    s.iter++;
    started++;
    busy++;
    allocated = Math.max(allocated, vu);
  };
  const interrupt = (vu: number, now: number, reason: 'graceful-stop' | 'ramp-down', out: ExecutorAction[]) => {
    const s = vus[vu - 1]!;
    out.push({ type: 'interrupt', vu, iter: s.iter - 1, atMs: now, reason });
    s.busy = false;
    s.stopBy = undefined;
    interrupted++;
    busy--;
  };
  const exhausted = () => policy.total !== undefined && started >= policy.total;
  const finishIfIdle = (now: number, out: ExecutorAction[]) => {
    if (phase === 'done' || busy > 0 || (now < policy.endsAt && !exhausted())) return;
    phase = 'done';
    out.push({ type: 'finish', atMs: now });
  };

  const run = (now: number, out: ExecutorAction[]) => {
    const target = policy.activeAt(now);
    for (let vu = 1; vu <= policy.maxVUs; vu++) {
      const s = vus[vu - 1]!;
      if (vu <= target) {
        s.stopBy = undefined;
        if (!s.busy && policy.mayStart(s.iter, started)) start(vu, now, out);
      } else if (s.busy) {
        s.stopBy ??= now + policy.gracefulRampDown;
        if (now >= s.stopBy) interrupt(vu, now, 'ramp-down', out);
      }
    }
  };
  const stop = (now: number, out: ExecutorAction[]) => {
    if (phase === 'running') {
      phase = 'stopping';
      const unstarted = policy.total === undefined ? 0 : policy.total - started;
      if (unstarted > 0) {
        dropped += unstarted;
        out.push({ type: 'drop', count: unstarted, atMs: policy.endsAt });
      }
    }
    if (now >= policy.endsAt + gracefulStop)
      for (let vu = 1; vu <= policy.maxVUs; vu++) if (vus[vu - 1]!.busy) interrupt(vu, now, 'graceful-stop', out);
  };

  const advance = (nowMs: number): ExecutorAction[] => {
    const now = Math.max(nowMs, last);
    last = now;
    lastAdvance = now;
    const out: ExecutorAction[] = [];
    if (phase === 'done' || now < startAt) return out;
    if (phase === 'waiting') phase = 'running';
    if (now < policy.endsAt) run(now, out);
    else stop(now, out);
    finishIfIdle(now, out);
    return out;
  };

  const iterationDone = (vu: number, nowMs: number): ExecutorAction[] => {
    const s = vus[vu - 1];
    if (!s?.busy) return [];
    const now = Math.max(nowMs, last);
    last = now;
    s.busy = false;
    s.stopBy = undefined;
    busy--;
    completed++;
    const out: ExecutorAction[] = [];
    if (now >= policy.endsAt) stop(now, out);
    else if (vu <= policy.activeAt(now) && policy.mayStart(s.iter, started)) start(vu, now, out);
    finishIfIdle(now, out);
    return out;
  };

  const nextWakeAt = (): number | undefined => {
    if (phase === 'done') return undefined;
    if (phase === 'waiting') return startAt;
    if (last >= policy.endsAt) return busy > 0 ? policy.endsAt + gracefulStop : policy.endsAt;
    let next = policy.endsAt;
    const change = policy.nextChangeAfter(lastAdvance);
    if (change !== undefined) next = Math.min(next, change);
    for (const s of vus) if (s.busy && s.stopBy !== undefined) next = Math.min(next, s.stopBy);
    return next;
  };

  return {
    config,
    endsAt: policy.endsAt,
    advance,
    iterationDone,
    nextWakeAt,
    progress(nowMs) {
      const span = policy.endsAt - startAt;
      const elapsedMs = Math.max(0, Math.min(nowMs, policy.endsAt) - startAt);
      const byTime = span > 0 ? elapsedMs / span : 1;
      const byIterations = policy.total ? (completed + interrupted + dropped) / policy.total : byTime;
      const fraction = phase === 'done' ? 1 : Math.min(1, policy.total === undefined ? byTime : byIterations);
      return { phase, fraction, timeLeftMs: phase === 'done' ? 0 : Math.max(0, policy.endsAt - Math.max(nowMs, startAt)), elapsedMs };
    },
    stats: () => ({ started, completed, interrupted, dropped, busyVUs: busy, allocatedVUs: allocated, maxVUs: policy.maxVUs }),
  };
}
