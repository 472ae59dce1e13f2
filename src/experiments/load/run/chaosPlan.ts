/**
 * Chaos alongside the load: the inline timed faults, or a chaos experiment's schedule of
 * faults (its workload and hypothesis are ignored), as planned actions on the load's time
 * axis; carried out by the chaos runner's own steps, each fault becoming a summary
 * annotation from its injection to its clearing.
 */
import type { SeededRng } from '../../../kernel/rng';
import { planExperiment, withId, type PlannedAction } from '../../chaos/planExperiment';
import type { TimelineEntry } from '../../chaos/result';
import { perform, type RunContext } from '../../chaos/runSteps';
import type { Experiment } from '../../chaos/types';
import type { ExperimentShell } from '../../ExperimentShell';
import type { LoadChaos } from '../experiment/types';
import type { SummaryAnnotation } from '../summary/buildSummary';

/** The phase name inline faults are noted under. */
export const INLINE_PHASE = 'load';

export class LoadChaosError extends Error {
  override readonly name = 'LoadChaosError';
}

/** The actions, sorted by time (ms from the load's start). */
export function planLoadChaos(chaos: LoadChaos | undefined, resolve?: (name: string) => Experiment | undefined): PlannedAction[] {
  if (!chaos) return [];
  if (chaos.experiment !== undefined) {
    const experiment = resolve?.(chaos.experiment);
    if (!experiment) throw new LoadChaosError(`experiment.chaos.experiment: no chaos experiment named ${JSON.stringify(chaos.experiment)}`);
    return planExperiment(experiment).actions;
  }
  const actions: PlannedAction[] = [];
  chaos.faults.forEach((timed, i) => {
    const fault = withId(timed.fault, `fault-${i + 1}`);
    actions.push({ at: timed.atMs, type: 'inject', phase: INLINE_PHASE, fault });
    if (timed.durationMs !== undefined)
      actions.push({ at: timed.atMs + timed.durationMs, type: 'clear', phase: INLINE_PHASE, id: fault.id });
  });
  const order = new Map(actions.map((a, i) => [a, i]));
  return actions.sort((a, b) => a.at - b.at || order.get(a)! - order.get(b)!);
}

/** Carries out the planned actions as their time comes and keeps the faults as annotations. */
export function createChaosRunner(shell: ExperimentShell, actions: readonly PlannedAction[], rng: SeededRng, t0: number) {
  const open = new Map<string, SummaryAnnotation>();
  const annotations: SummaryAnnotation[] = [];
  const rel = (t: number) => Math.max(0, t - t0);
  const onEntry = (entry: TimelineEntry): void => {
    if (entry.kind === 'fault.injected' && entry.fault !== undefined) {
      const annotation: SummaryAnnotation = { startMs: rel(entry.t), label: entry.label };
      open.set(entry.fault, annotation);
      annotations.push(annotation);
    } else if (entry.kind === 'fault.cleared' && entry.fault !== undefined) {
      const annotation = open.get(entry.fault);
      if (annotation) annotation.endMs = rel(entry.t);
      open.delete(entry.fault);
    } else if (entry.kind === 'error') annotations.push({ startMs: rel(entry.t), label: entry.label });
  };
  const ctx: RunContext = { shell, rng, timeline: [], errors: [], onProgress: onEntry };
  let next = 0;
  return {
    /** Performs every action due by `nowMs` (ms from the load's start). */
    due(nowMs: number): void {
      for (; next < actions.length && actions[next]!.at <= nowMs; next++) perform(ctx, actions[next]!);
      ctx.timeline.length = 0;
    },
    nextAt: (): number | undefined => actions[next]?.at,
    /** The run is over: clears what is still injected; open annotations end at `nowMs`. */
    finish(nowMs: number): void {
      if (open.size > 0) shell.command({ type: 'chaos.clear' });
      for (const annotation of open.values()) annotation.endMs = nowMs;
      open.clear();
      next = actions.length;
    },
    annotations: (): SummaryAnnotation[] => annotations.map((a) => ({ ...a })),
    errors: (): readonly string[] => ctx.errors,
  };
}

export type ChaosRunner = ReturnType<typeof createChaosRunner>;
