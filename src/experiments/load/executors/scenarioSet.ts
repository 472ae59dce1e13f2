/**
 * Several scenarios run together, each with its own executor and start time (k6's
 * `scenarios`): one object for a shell to drive, its actions tagged with the scenario.
 * Scenarios are always visited in the order given, so the actions are deterministic.
 */
import { createExecutor } from './createExecutor';
import type { Executor, ExecutorAction, ExecutorConfig, ExecutorProgress, ExecutorStats } from './types';

export type ScenarioAction = ExecutorAction & { scenario: string };

export interface ScenarioSetProgress {
  done: boolean;
  /** The scenarios' fractions weighted by how long each runs: a 10 s warm-up done beside a 5 min ramp a quarter through is ~27 %, not 63 %. */
  fraction: number;
  /** Until the last scenario stops starting iterations (an upper bound: iterations executors may finish sooner). */
  timeLeftMs: number;
  scenarios: Record<string, ExecutorProgress>;
}

export interface ScenarioSet {
  readonly names: readonly string[];
  executor(name: string): Executor;
  advance(nowMs: number): ScenarioAction[];
  iterationDone(scenario: string, vu: number, nowMs: number): ScenarioAction[];
  nextWakeAt(): number | undefined;
  progress(nowMs: number): ScenarioSetProgress;
  /** Totals over the scenarios, and each scenario's own. */
  stats(): { total: ExecutorStats; scenarios: Record<string, ExecutorStats> };
  stop(nowMs: number): ScenarioAction[];
  abort(nowMs: number): ScenarioAction[];
}

/** Σ fraction × span / Σ span, a scenario's span being its start to the end of its schedule (at least 1 ms). */
function weightedFraction(executors: ReadonlyMap<string, Executor>, progress: Record<string, ExecutorProgress>): number {
  let weighted = 0;
  let total = 0;
  for (const [name, ex] of executors) {
    const span = Math.max(1, ex.endsAt - (ex.config.startTime ?? 0));
    total += span;
    weighted += span * progress[name]!.fraction;
  }
  return total === 0 ? 1 : weighted / total;
}

const tag = (scenario: string, actions: ExecutorAction[]): ScenarioAction[] => actions.map((a) => ({ ...a, scenario }));

export function createScenarioSet(configs: ReadonlyMap<string, ExecutorConfig> | Record<string, ExecutorConfig>): ScenarioSet {
  const entries = configs instanceof Map ? [...configs] : Object.entries(configs);
  const executors = new Map(entries.map(([name, config]) => [name, createExecutor(config)] as const));
  const each = (f: (name: string, ex: Executor) => ScenarioAction[]) => [...executors].flatMap(([name, ex]) => f(name, ex));
  const byName = <T>(f: (ex: Executor) => T): Record<string, T> => {
    const out: Record<string, T> = {};
    for (const [name, ex] of executors)
      Object.defineProperty(out, name, { value: f(ex), enumerable: true, writable: true, configurable: true });
    return out;
  };
  const get = (name: string): Executor => {
    const ex = executors.get(name);
    if (!ex) throw new RangeError(`no scenario named ${JSON.stringify(name)} (known: ${[...executors.keys()].join(', ')})`);
    return ex;
  };
  return {
    names: [...executors.keys()],
    executor: get,
    advance: (now) => each((name, ex) => tag(name, ex.advance(now))),
    iterationDone: (scenario, vu, now) => tag(scenario, get(scenario).iterationDone(vu, now)),
    nextWakeAt() {
      let next: number | undefined;
      for (const ex of executors.values()) {
        const at = ex.nextWakeAt();
        if (at !== undefined && (next === undefined || at < next)) next = at;
      }
      return next;
    },
    progress(now) {
      const scenarios = byName((ex) => ex.progress(now));
      const all = Object.values(scenarios);
      const running = [...executors.values()].filter((ex) => ex.progress(now).phase !== 'done');
      return {
        done: all.every((p) => p.phase === 'done'),
        fraction: weightedFraction(executors, scenarios),
        timeLeftMs: Math.max(0, ...running.map((ex) => ex.endsAt - now)),
        scenarios,
      };
    },
    stats() {
      const scenarios = byName((ex) => ex.stats());
      const total: ExecutorStats = { started: 0, completed: 0, interrupted: 0, dropped: 0, busyVUs: 0, allocatedVUs: 0, maxVUs: 0 };
      for (const s of Object.values(scenarios)) for (const key of Object.keys(total) as (keyof ExecutorStats)[]) total[key] += s[key];
      return { total, scenarios };
    },
    stop: (now) => each((name, ex) => tag(name, ex.stop(now))),
    abort: (now) => each((name, ex) => tag(name, ex.abort(now))),
  };
}
