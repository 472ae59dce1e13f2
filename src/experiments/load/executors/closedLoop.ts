/**
 * The closed-model executors (shared-iterations, per-vu-iterations, constant-vus,
 * ramping-vus): a VU starts its next iteration as soon as the last one ends, so the load
 * follows the system's speed. They differ in how many VUs run when (a policy) and in an
 * iteration budget; the loop, the graceful stop and the ramp-down are shared here.
 */
import { progressOf } from './progress';
import {
  EXECUTOR_DEFAULTS as D,
  type Executor,
  type ExecutorAction,
  type ExecutorConfig,
  type ExecutorPhase,
  type ExecutorStats,
  type InterruptReason,
} from './types';

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
  return new ClosedLoop(config, policy);
}

class ClosedLoop implements Executor {
  endsAt: number;
  private readonly startAt: number;
  private readonly gracefulStop: number;
  private readonly vus: VuState[];
  private phase: ExecutorPhase = 'waiting';
  private started = 0;
  private completed = 0;
  private interrupted = 0;
  private dropped = 0;
  private busy = 0;
  private allocated = 0;
  private last = -Infinity;
  /** The last advance: ramp changes after it are still to be applied, whatever iterations ended since. */
  private lastAdvance = -Infinity;
  private stopped = false;

  constructor(
    readonly config: ExecutorConfig,
    private readonly policy: ClosedPolicy,
  ) {
    this.endsAt = policy.endsAt;
    this.startAt = config.startTime ?? D.startTime;
    this.gracefulStop = config.gracefulStop ?? D.gracefulStop;
    this.vus = Array.from({ length: policy.maxVUs }, () => ({ busy: false, iter: 0, stopBy: undefined }));
  }

  advance(nowMs: number): ExecutorAction[] {
    const now = (this.last = this.lastAdvance = Math.max(nowMs, this.last));
    const out: ExecutorAction[] = [];
    if (this.phase === 'done' || now < this.startAt) return out;
    if (this.phase === 'waiting') this.phase = 'running';
    if (now < this.endsAt) this.run(now, out);
    else this.windDown(now, out);
    this.finishIfIdle(now, out);
    return out;
  }

  iterationDone(vu: number, nowMs: number): ExecutorAction[] {
    const s = this.vus[vu - 1];
    if (!s?.busy) return [];
    const now = (this.last = Math.max(nowMs, this.last));
    s.busy = false;
    s.stopBy = undefined;
    this.busy--;
    this.completed++;
    const out: ExecutorAction[] = [];
    // Past the end: no restart; interrupting the others is for advance, so an iteration ending at the deadline itself completes.
    if (now >= this.endsAt) this.windDown(now, out, false);
    else if (vu <= this.policy.activeAt(now) && this.policy.mayStart(s.iter, this.started)) this.start(vu, now, out);
    this.finishIfIdle(now, out);
    return out;
  }

  nextWakeAt(): number | undefined {
    if (this.phase === 'done') return undefined;
    if (this.phase === 'waiting') return this.startAt;
    if (this.last >= this.endsAt) return this.busy > 0 ? this.endsAt + this.gracefulStop : this.endsAt;
    let next = Math.min(this.endsAt, this.policy.nextChangeAfter(this.lastAdvance) ?? Infinity);
    for (const s of this.vus) if (s.busy && s.stopBy !== undefined) next = Math.min(next, s.stopBy);
    return next;
  }

  progress(nowMs: number) {
    const { total } = this.policy;
    const done = this.completed + this.interrupted + this.dropped;
    return progressOf(this.phase, nowMs, this.startAt, this.endsAt, total === undefined ? undefined : { done, total });
  }

  stop(nowMs: number): ExecutorAction[] {
    if (this.phase === 'done') return [];
    const out = this.advance(nowMs);
    this.stopped = true;
    this.endsAt = Math.min(this.endsAt, Math.max(this.last, this.startAt));
    if (this.phase === 'waiting') this.phase = 'running';
    return [...out, ...this.advance(Math.max(nowMs, this.endsAt))];
  }

  abort(nowMs: number): ExecutorAction[] {
    if (this.phase === 'done') return [];
    const now = (this.last = Math.max(nowMs, this.last));
    const out: ExecutorAction[] = [];
    this.vus.forEach((s, i) => s.busy && this.interrupt(i + 1, now, 'abort', out));
    this.phase = 'done';
    this.endsAt = Math.min(this.endsAt, Math.max(now, this.startAt));
    out.push({ type: 'finish', atMs: now });
    return out;
  }

  stats(): ExecutorStats {
    const { started, completed, interrupted, dropped, busy, allocated } = this;
    return { started, completed, interrupted, dropped, busyVUs: busy, allocatedVUs: allocated, maxVUs: this.policy.maxVUs };
  }

  private start(vu: number, now: number, out: ExecutorAction[]): void {
    const s = this.vus[vu - 1]!;
    out.push({ type: 'start', vu, iter: s.iter, scenarioIter: this.started, atMs: now });
    s.busy = true;
    s.iter++;
    this.started++;
    this.busy++;
    this.allocated = Math.max(this.allocated, vu);
  }

  private interrupt(vu: number, now: number, reason: InterruptReason, out: ExecutorAction[]): void {
    const s = this.vus[vu - 1]!;
    out.push({ type: 'interrupt', vu, iter: s.iter - 1, atMs: now, reason });
    s.busy = false;
    s.stopBy = undefined;
    this.interrupted++;
    this.busy--;
  }

  private finishIfIdle(now: number, out: ExecutorAction[]): void {
    const exhausted = this.policy.total !== undefined && this.started >= this.policy.total;
    if (this.phase === 'done' || this.busy > 0 || (now < this.endsAt && !exhausted)) return;
    this.phase = 'done';
    out.push({ type: 'finish', atMs: now });
  }

  /** Before the end: VUs up to the ramp's count loop; those above it finish within gracefulRampDown. */
  private run(now: number, out: ExecutorAction[]): void {
    const target = this.policy.activeAt(now);
    this.vus.forEach((s, i) => {
      const vu = i + 1;
      if (vu <= target) {
        s.stopBy = undefined;
        if (!s.busy && this.policy.mayStart(s.iter, this.started)) this.start(vu, now, out);
      } else if (s.busy) {
        s.stopBy ??= now + this.policy.gracefulRampDown;
        if (now >= s.stopBy) this.interrupt(vu, now, 'ramp-down', out);
      }
    });
  }

  /** At the end: what was never started is dropped; gracefulStop later, what still runs is interrupted. */
  private windDown(now: number, out: ExecutorAction[], interrupting = true): void {
    if (this.phase === 'running') {
      this.phase = 'stopping';
      const unstarted = this.policy.total === undefined || this.stopped ? 0 : this.policy.total - this.started;
      if (unstarted > 0) {
        this.dropped += unstarted;
        out.push({ type: 'drop', count: unstarted, atMs: this.endsAt });
      }
    }
    if (interrupting && now >= this.endsAt + this.gracefulStop)
      this.vus.forEach((s, i) => s.busy && this.interrupt(i + 1, now, 'graceful-stop', out));
  }
}
