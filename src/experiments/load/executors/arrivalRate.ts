/**
 * The open-model executors (constant-arrival-rate, ramping-arrival-rate): iterations
 * start on their schedule whatever the system answers. Each takes the lowest-numbered
 * free VU; with none free a new VU is brought up if maxVUs allows (at once: a VU here is
 * a client node, not a JavaScript runtime to initialise as in k6), otherwise the
 * iteration is dropped and counted — never postponed, so the rate achieved is honest.
 */
import { constantSchedule, rampingSchedule, type ArrivalSchedule } from './arrivalSchedule';
import { FreeVus } from './freeVus';
import { progressOf } from './progress';
import {
  EXECUTOR_DEFAULTS as D,
  type ConstantArrivalRateConfig,
  type Executor,
  type ExecutorAction,
  type ExecutorPhase,
  type ExecutorStats,
  type InterruptReason,
  type RampingArrivalRateConfig,
} from './types';

export function arrivalSchedule(config: ConstantArrivalRateConfig | RampingArrivalRateConfig): ArrivalSchedule {
  const origin = config.startTime ?? D.startTime;
  const timeUnit = config.timeUnit ?? D.timeUnit;
  return config.executor === 'constant-arrival-rate'
    ? constantSchedule(config.rate, timeUnit, config.duration, origin)
    : rampingSchedule(config.startRate ?? D.startRate, config.stages, timeUnit, origin);
}

export function arrivalRateExecutor(config: ConstantArrivalRateConfig | RampingArrivalRateConfig): Executor {
  return new ArrivalRate(config);
}

type Drop = Extract<ExecutorAction, { type: 'drop' }>;

class ArrivalRate implements Executor {
  endsAt: number;
  private readonly schedule: ArrivalSchedule;
  private readonly startAt: number;
  private readonly gracefulStop: number;
  private readonly maxVUs: number;
  private readonly free = new FreeVus();
  /** Iterations each VU (index vu - 1) has started. */
  private readonly iters: number[];
  private readonly busy = new Set<number>();
  private allocated: number;
  private phase: ExecutorPhase = 'waiting';
  private nextK = 0;
  private nextAt: number | undefined;
  private completed = 0;
  private interrupted = 0;
  private dropped = 0;
  private last = -Infinity;

  constructor(readonly config: ConstantArrivalRateConfig | RampingArrivalRateConfig) {
    this.schedule = arrivalSchedule(config);
    this.endsAt = this.schedule.endsAt;
    this.nextAt = this.schedule.timeOf(0);
    this.startAt = config.startTime ?? D.startTime;
    this.gracefulStop = config.gracefulStop ?? D.gracefulStop;
    this.maxVUs = Math.max(config.preAllocatedVUs, config.maxVUs ?? config.preAllocatedVUs);
    this.allocated = config.preAllocatedVUs;
    this.iters = Array.from({ length: config.preAllocatedVUs }, () => 0);
    for (let vu = 1; vu <= config.preAllocatedVUs; vu++) this.free.push(vu);
  }

  advance(nowMs: number): ExecutorAction[] {
    const now = (this.last = Math.max(nowMs, this.last));
    const out: ExecutorAction[] = [];
    if (this.phase === 'done' || now < this.startAt) return out;
    if (this.phase === 'waiting') this.phase = 'running';
    this.startDue(now, out);
    if (now >= this.endsAt) this.phase = 'stopping';
    if (now >= this.endsAt + this.gracefulStop) this.interruptAll(now, out);
    this.finishIfIdle(now, out);
    return out;
  }

  iterationDone(vu: number, nowMs: number): ExecutorAction[] {
    if (!this.busy.delete(vu)) return [];
    this.last = Math.max(nowMs, this.last);
    this.completed++;
    this.free.push(vu);
    const out: ExecutorAction[] = [];
    this.finishIfIdle(this.last, out);
    return out;
  }

  nextWakeAt(): number | undefined {
    if (this.phase === 'done') return undefined;
    if (this.phase === 'waiting') return this.startAt;
    if (this.nextAt !== undefined) return this.nextAt;
    return this.last < this.endsAt || this.busy.size === 0 ? this.endsAt : this.endsAt + this.gracefulStop;
  }

  progress(nowMs: number) {
    return progressOf(this.phase, nowMs, this.startAt, this.endsAt);
  }

  stop(nowMs: number): ExecutorAction[] {
    if (this.phase === 'done') return [];
    const out = this.advance(nowMs);
    this.nextAt = undefined;
    this.endsAt = Math.min(this.endsAt, Math.max(this.last, this.startAt));
    if (this.phase === 'waiting') this.phase = 'running';
    return [...out, ...this.advance(Math.max(nowMs, this.endsAt))];
  }

  abort(nowMs: number): ExecutorAction[] {
    if (this.phase === 'done') return [];
    const now = (this.last = Math.max(nowMs, this.last));
    const out: ExecutorAction[] = [];
    this.interruptAll(now, out, 'abort');
    this.nextAt = undefined;
    this.phase = 'done';
    this.endsAt = Math.min(this.endsAt, Math.max(now, this.startAt));
    out.push({ type: 'finish', atMs: now });
    return out;
  }

  stats(): ExecutorStats {
    const { completed, interrupted, dropped, allocated, maxVUs } = this;
    return { started: this.nextK - dropped, completed, interrupted, dropped, busyVUs: this.busy.size, allocatedVUs: allocated, maxVUs };
  }

  /** The lowest free VU, or a new one while maxVUs allows. */
  private takeVu(): number | undefined {
    const vu = this.free.pop();
    if (vu !== undefined || this.allocated >= this.maxVUs) return vu;
    this.iters.push(0);
    return ++this.allocated;
  }

  private startDue(now: number, out: ExecutorAction[]): void {
    let drop: Drop | undefined;
    for (; this.nextAt !== undefined && this.nextAt <= now; this.nextAt = this.schedule.timeOf(++this.nextK)) {
      const vu = this.takeVu();
      if (vu === undefined) {
        this.dropped++;
        if (drop) drop.count++;
        else out.push((drop = { type: 'drop', count: 1, atMs: this.nextAt, scenarioIter: this.nextK }));
        continue;
      }
      drop = undefined;
      out.push({ type: 'start', vu, iter: this.iters[vu - 1]!, scenarioIter: this.nextK, atMs: this.nextAt });
      this.iters[vu - 1]!++;
      this.busy.add(vu);
    }
  }

  private interruptAll(now: number, out: ExecutorAction[], reason: InterruptReason = 'graceful-stop'): void {
    for (const vu of [...this.busy].sort((a, b) => a - b)) {
      out.push({ type: 'interrupt', vu, iter: this.iters[vu - 1]! - 1, atMs: now, reason });
      this.busy.delete(vu);
      this.free.push(vu);
      this.interrupted++;
    }
  }

  private finishIfIdle(now: number, out: ExecutorAction[]): void {
    if (this.phase === 'done' || this.busy.size > 0 || now < this.endsAt) return;
    this.phase = 'done';
    out.push({ type: 'finish', atMs: now });
  }
}
