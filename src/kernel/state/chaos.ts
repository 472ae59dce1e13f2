/** Chaos faults in force, indexed for the two places that roll them (links and agents). */
import type { FaultSpec } from '../resilienceTypes';

export const AGENT_FAULT_KINDS: ReadonlySet<string> = new Set(['kill', 'crash', 'hang', 'slow', 'clock-skew']);

export class ChaosState {
  readonly faults = new Map<string, FaultSpec>();
  /** Network faults, in injection order (the order they are rolled in). */
  network: FaultSpec[] = [];
  /** Standing agent faults (slow, clock-skew). */
  standing: FaultSpec[] = [];
  /** Standing fault id → the agents it hit. */
  readonly hit = new Map<string, Set<string>>();

  rebuild(): void {
    const all = [...this.faults.values()];
    this.network = all.filter((f) => !AGENT_FAULT_KINDS.has(f.effect.kind));
    this.standing = all.filter((f) => f.effect.kind === 'slow' || f.effect.kind === 'clock-skew');
  }
}
