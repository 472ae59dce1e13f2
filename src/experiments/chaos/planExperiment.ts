/**
 * The schedule as data: every window to check and every action to take, at times relative
 * to t0. Pure, so phase scheduling is unit-tested without running anything.
 */
import type { FaultSpec } from '../../kernel/resilienceTypes';
import { probeIds } from './parseExperiment';
import type { Experiment, FaultInput, Pulse, WindowKind } from './types';

export interface PlannedWindow {
  /** `before`, `during:<phase>`, `after`. */
  name: string;
  kind: WindowKind;
  phase?: string;
  start: number;
  end: number;
  /** Probe ids checked in this window. */
  probes: string[];
}

export type PlannedAction =
  | { at: number; type: 'phase.start'; phase: string }
  | { at: number; type: 'phase.end'; phase: string }
  | { at: number; type: 'inject'; phase: string; fault: FaultSpec }
  | { at: number; type: 'clear'; phase: string; id: string }
  /** The runner resolves the target (pick one) and injects with `id`; a `clear` follows. */
  | { at: number; type: 'pulse'; phase: string; id: string; pulse: Pulse };

export interface ExperimentPlan {
  windows: PlannedWindow[];
  /** Sorted by time; actions at the same time keep schedule order (clears before the next phase's injects). */
  actions: PlannedAction[];
  /** The workload runs over [0, workloadEnd). */
  workloadEnd: number;
  /** workloadEnd + drain: when the run stops. */
  end: number;
}

export function withId(fault: FaultInput, id: string): FaultSpec {
  return { ...fault, id: fault.id ?? id } as FaultSpec;
}

export function planExperiment(e: Experiment): ExperimentPlan {
  const s = e.schedule;
  const ids = probeIds(e);
  const checkedIn = (kind: WindowKind) => ids.filter((_, i) => (e.hypothesis[i]!.windows ?? ['before', 'during', 'after']).includes(kind));
  const windows: PlannedWindow[] = [];
  const actions: PlannedAction[] = [];
  let t = s.warmupMs;
  windows.push({ name: 'before', kind: 'before', start: t, end: t + s.steadyMs, probes: checkedIn('before') });
  t += s.steadyMs;
  for (const phase of s.phases) {
    const start = t;
    const end = t + phase.durationMs;
    windows.push({
      name: `during:${phase.name}`,
      kind: 'during',
      phase: phase.name,
      start,
      end,
      probes: phase.probes ?? checkedIn('during'),
    });
    actions.push({ at: start, type: 'phase.start', phase: phase.name });
    const faults = (phase.faults ?? []).map((f, i) => withId(f, `${phase.name}/${i}`));
    for (const fault of faults) actions.push({ at: start, type: 'inject', phase: phase.name, fault });
    (phase.pulses ?? []).forEach((pulse, j) => {
      const hold = pulse.holdMs ?? pulse.everyMs / 2;
      for (let k = 0, at = start; at < end; k++, at = start + k * pulse.everyMs) {
        const id = pulse.fault.id !== undefined ? `${pulse.fault.id}/${k}` : `${phase.name}/pulse${j}/${k}`;
        actions.push({ at, type: 'pulse', phase: phase.name, id, pulse });
        actions.push({ at: Math.min(at + hold, end), type: 'clear', phase: phase.name, id });
      }
    });
    for (const fault of faults) actions.push({ at: end, type: 'clear', phase: phase.name, id: fault.id });
    actions.push({ at: end, type: 'phase.end', phase: phase.name });
    t = end + (phase.settleMs ?? 0);
  }
  t += s.settleMs;
  windows.push({ name: 'after', kind: 'after', start: t, end: t + s.recoveryMs, probes: checkedIn('after') });
  const workloadEnd = t + s.recoveryMs;
  const longest = Math.max(0, ...e.workload.clients.map((c) => c.timeoutMs));
  const drain = s.drainMs ?? longest + 100;
  // Stable sort: equal times keep the order they were planned in.
  const order = new Map(actions.map((a, i) => [a, i]));
  actions.sort((a, b) => a.at - b.at || order.get(a)! - order.get(b)!);
  return { windows, actions, workloadEnd, end: workloadEnd + drain };
}
