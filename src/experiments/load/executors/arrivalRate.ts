/**
 * The open-model executors (constant-arrival-rate, ramping-arrival-rate): iterations
 * start on their schedule whatever the system answers. Each takes the lowest-numbered
 * free VU; with none free a new VU is brought up if maxVUs allows (at once: a VU here is
 * a client node, not a JavaScript runtime to initialise as in k6), otherwise the
 * iteration is dropped and counted — never postponed, so the rate achieved is honest.
 */
import { constantSchedule, rampingSchedule, type ArrivalSchedule } from './arrivalSchedule';
import { FreeVus } from './freeVus';
import {
  EXECUTOR_DEFAULTS as D,
  type ConstantArrivalRateConfig,
  type Executor,
  type ExecutorAction,
  type ExecutorPhase,
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
  const schedule = arrivalSchedule(config);
  const startAt = config.startTime ?? D.startTime;
  const gracefulStop = config.gracefulStop ?? D.gracefulStop;
  const maxVUs = Math.max(config.preAllocatedVUs, config.maxVUs ?? config.preAllocatedVUs);
  const free = new FreeVus();
  for (let vu = 1; vu <= config.preAllocatedVUs; vu++) free.push(vu);
  /** Per VU (index vu - 1): iterations started; busy when in `busySet`. */
  const iters: number[] = Array.from({ length: config.preAllocatedVUs }, () => 0);
  const busySet = new Set<number>();
  let allocated = config.preAllocatedVUs;
  let phase: ExecutorPhase = 'waiting';
  let nextK = 0;
  let nextAt = schedule.timeOf(0);
  let completed = 0;
  let interrupted = 0;
  let dropped = 0;
  let last = -Infinity;

  const takeVu = (): number | undefined => {
    const vu = free.pop();
    if (vu !== undefined || allocated >= maxVUs) return vu;
    iters.push(0);
    return ++allocated;
  };
  const startDue = (now: number, out: ExecutorAction[]) => {
    let drop: Extract<ExecutorAction, { type: 'drop' }> | undefined;
    while (nextAt !== undefined && nextAt <= now) {
      const vu = takeVu();
      if (vu === undefined) {
        dropped++;
        if (drop) drop.count++;
        else out.push((drop = { type: 'drop', count: 1, atMs: nextAt, scenarioIter: nextK }));
      } else {
        drop = undefined;
        out.push({ type: 'start', vu, iter: iters[vu - 1]!, scenarioIter: nextK, atMs: nextAt });
        iters[vu - 1]!++;
        busySet.add(vu);
      }
      nextAt = schedule.timeOf(++nextK);
    }
  };
  const finishIfIdle = (now: number, out: ExecutorAction[]) => {
    if (phase === 'done' || busySet.size > 0 || now < schedule.endsAt) return;
    phase = 'done';
    out.push({ type: 'finish', atMs: now });
  };

  return {
    config,
    endsAt: schedule.endsAt,
    advance(nowMs) {
      const now = Math.max(nowMs, last);
      last = now;
      const out: ExecutorAction[] = [];
      if (phase === 'done' || now < startAt) return out;
      if (phase === 'waiting') phase = 'running';
      startDue(now, out);
      if (now >= schedule.endsAt) phase = 'stopping';
      if (now >= schedule.endsAt + gracefulStop)
        for (const vu of [...busySet].sort((a, b) => a - b)) {
          out.push({ type: 'interrupt', vu, iter: iters[vu - 1]! - 1, atMs: now, reason: 'graceful-stop' });
          busySet.delete(vu);
          free.push(vu);
          interrupted++;
        }
      finishIfIdle(now, out);
      return out;
    },
    iterationDone(vu, nowMs) {
      if (!busySet.delete(vu)) return [];
      last = Math.max(nowMs, last);
      completed++;
      free.push(vu);
      const out: ExecutorAction[] = [];
      finishIfIdle(last, out);
      return out;
    },
    nextWakeAt() {
      if (phase === 'done') return undefined;
      if (phase === 'waiting') return startAt;
      if (nextAt !== undefined) return nextAt;
      return last < schedule.endsAt || busySet.size === 0 ? schedule.endsAt : schedule.endsAt + gracefulStop;
    },
    progress(nowMs) {
      const span = schedule.endsAt - startAt;
      const elapsedMs = Math.max(0, Math.min(nowMs, schedule.endsAt) - startAt);
      const fraction = phase === 'done' || span <= 0 ? 1 : Math.min(1, elapsedMs / span);
      return { phase, fraction, timeLeftMs: phase === 'done' ? 0 : Math.max(0, schedule.endsAt - Math.max(nowMs, startAt)), elapsedMs };
    },
    stats: () => ({
      started: nextK - dropped,
      completed,
      interrupted,
      dropped,
      busyVUs: busySet.size,
      allocatedVUs: allocated,
      maxVUs,
    }),
  };
}
