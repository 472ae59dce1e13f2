/**
 * k6's executors as pure state machines (https://grafana.com/docs/k6/latest/using-k6/scenarios/executors/).
 * A shell (the deterministic simulation on virtual time, or a live runner on real time)
 * drives one executor per scenario: it calls `advance(now)` at `nextWakeAt()` (or more
 * often) and `iterationDone(vu, now)` when a VU's iteration ends, and carries out the
 * actions returned. Times are experiment milliseconds (0 = the experiment's start); the
 * executor has no clock and no randomness of its own, so the same calls give the same
 * actions.
 *
 * An iteration is what one VU does once: send the message (and await the reply in
 * request mode), then think. The shell reports it done after the think time.
 */

/** One stage of a ramp: reach `target` (VUs, or iterations per timeUnit) linearly over `duration` ms. */
export interface Stage {
  duration: number;
  target: number;
}

interface Common {
  /** When the scenario begins, ms after the experiment's start. Default 0. */
  startTime?: number;
  /** After the scenario's duration, iterations in flight get this long to finish before they are interrupted. Default 30000. */
  gracefulStop?: number;
}

export interface SharedIterationsConfig extends Common {
  executor: 'shared-iterations';
  /** Default 1. */
  vus?: number;
  /** Iterations shared by all VUs: a VU that finishes takes the next one. Default 1. */
  iterations?: number;
  /** Iterations not started by then are dropped. Default 600000 (k6's 10m). */
  maxDuration?: number;
}

export interface PerVuIterationsConfig extends Common {
  executor: 'per-vu-iterations';
  vus?: number;
  /** Iterations each VU runs. Default 1. */
  iterations?: number;
  maxDuration?: number;
}

export interface ConstantVusConfig extends Common {
  executor: 'constant-vus';
  vus?: number;
  duration: number;
}

export interface RampingVusConfig extends Common {
  executor: 'ramping-vus';
  /** Default 1. */
  startVUs?: number;
  stages: Stage[];
  /** A VU above the ramp's count finishes its iteration within this time, or is interrupted. Default 30000. */
  gracefulRampDown?: number;
}

interface ArrivalCommon extends Common {
  /** The period `rate` (or `startRate` and stage targets) counts iterations per. Default 1000. */
  timeUnit?: number;
  preAllocatedVUs: number;
  /** Default preAllocatedVUs. */
  maxVUs?: number;
}

export interface ConstantArrivalRateConfig extends ArrivalCommon {
  executor: 'constant-arrival-rate';
  /** Iterations started per timeUnit, evenly spaced; the first at the scenario's start. */
  rate: number;
  duration: number;
}

export interface RampingArrivalRateConfig extends ArrivalCommon {
  executor: 'ramping-arrival-rate';
  /** Iterations per timeUnit at the start. Default 0. */
  startRate?: number;
  stages: Stage[];
}

export type ExecutorConfig =
  | SharedIterationsConfig
  | PerVuIterationsConfig
  | ConstantVusConfig
  | RampingVusConfig
  | ConstantArrivalRateConfig
  | RampingArrivalRateConfig;

export type ExecutorName = ExecutorConfig['executor'];

export const EXECUTOR_NAMES: readonly ExecutorName[] = [
  'shared-iterations',
  'per-vu-iterations',
  'constant-vus',
  'ramping-vus',
  'constant-arrival-rate',
  'ramping-arrival-rate',
];

/** k6's defaults for the options left out. */
export const EXECUTOR_DEFAULTS = {
  startTime: 0,
  gracefulStop: 30_000,
  gracefulRampDown: 30_000,
  vus: 1,
  iterations: 1,
  maxDuration: 600_000,
  startVUs: 1,
  timeUnit: 1000,
  startRate: 0,
} as const;

/**
 * What the shell must do. `vu` is 1-based within the scenario (k6's __VU); `iter` counts
 * the VU's iterations from 0 (k6's __ITER); `scenarioIter` counts the scenario's from 0.
 * `atMs` is when it was due: for an arrival-rate start, its place on the schedule (the
 * shell may be late; the lag is its own to measure).
 */
export type ExecutorAction =
  | { type: 'start'; vu: number; iter: number; scenarioIter: number; atMs: number }
  /** The iteration on `vu` ran past gracefulStop or gracefulRampDown, or the run was aborted: abandon it (its reply no longer counts). */
  | { type: 'interrupt'; vu: number; iter: number; atMs: number; reason: InterruptReason }
  /** Iterations that could not run: no free VU when due (arrival rate), or not started by maxDuration (iterations executors). */
  | { type: 'drop'; count: number; atMs: number; scenarioIter?: number }
  /** The scenario is over: nothing in flight, nothing more to start. Sent once. */
  | { type: 'finish'; atMs: number };

export type InterruptReason = 'graceful-stop' | 'ramp-down' | 'abort';

export type ExecutorPhase = 'waiting' | 'running' | 'stopping' | 'done';

export interface ExecutorStats {
  started: number;
  /** Iterations reported done (not interrupted). */
  completed: number;
  interrupted: number;
  dropped: number;
  /** VUs running an iteration now. */
  busyVUs: number;
  /** VUs the scenario has brought up so far (arrival rate: preAllocatedVUs and those added up to maxVUs). */
  allocatedVUs: number;
  maxVUs: number;
}

export interface ExecutorProgress {
  phase: ExecutorPhase;
  /** 0 to 1: time for time-bound executors, iterations done for the iterations executors. */
  fraction: number;
  /** Until the scenario stops starting iterations (its duration or maxDuration), not counting gracefulStop. */
  timeLeftMs: number;
  elapsedMs: number;
}

export interface Executor {
  readonly config: ExecutorConfig;
  /** Brings the executor to `nowMs` (never earlier than a previous call) and says what to do. */
  advance(nowMs: number): ExecutorAction[];
  /** The iteration on `vu` ended at `nowMs` (after its think time). Ignored if `vu` is not running one. */
  iterationDone(vu: number, nowMs: number): ExecutorAction[];
  /** When `advance` next has something to do without any iteration ending; undefined once done. */
  nextWakeAt(): number | undefined;
  progress(nowMs: number): ExecutorProgress;
  /** Stop (k6's stop, or a person's Stop): start nothing more after `nowMs`; iterations in flight get gracefulStop. Nothing is counted as dropped. */
  stop(nowMs: number): ExecutorAction[];
  /** Abort (abortOnFail, or a person's Abort): interrupt everything in flight now and finish. */
  abort(nowMs: number): ExecutorAction[];
  stats(): ExecutorStats;
  /** When the scenario stops starting iterations, ms after the experiment's start (iterations executors: at maxDuration at the latest; earlier once stopped). */
  readonly endsAt: number;
}
