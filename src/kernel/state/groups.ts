/**
 * Supervision groups (OTP supervisors as data): a spec, the children in the order they
 * joined (agents and nested groups), and the times of its recent restarts. What a group
 * does when a child dies is in `supervision/restarts.ts`.
 */
import type { SupervisorSpec } from '../resilienceTypes';
import type { GroupView } from '../types';

export interface GroupRecord {
  /** Replaced (never mutated) by `group.configure`. */
  spec: SupervisorSpec;
  /** Agent and group names in joining order (rest_for_one's order). */
  readonly children: string[];
  /** Times of restarts within the current intensity period. */
  readonly history: number[];
  status: 'running' | 'failed';
}

export class Groups {
  readonly byName = new Map<string, GroupRecord>();

  get(name: string): GroupRecord | undefined {
    return this.byName.get(name);
  }

  join(group: string, child: string): void {
    const record = this.byName.get(group);
    if (record !== undefined && !record.children.includes(child)) record.children.push(child);
  }

  leave(group: string | undefined, child: string): void {
    const record = group === undefined ? undefined : this.byName.get(group);
    if (record === undefined) return;
    const i = record.children.indexOf(child);
    if (i >= 0) record.children.splice(i, 1);
  }

  views(): GroupView[] {
    return [...this.byName.values()].map(({ spec, children, status }) => {
      const view: GroupView = {
        name: spec.name,
        strategy: spec.strategy,
        intensity: spec.intensity,
        periodMs: spec.periodMs,
        backoff: { ...spec.backoff },
        children: [...children],
        status,
      };
      if (spec.parent !== undefined) view.parent = spec.parent;
      return view;
    });
  }
}
