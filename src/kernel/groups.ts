/**
 * Supervision groups (OTP supervisors as data): a spec, the children in the order they
 * joined (agents and nested groups), and the times of its recent restarts. What a group
 * does when a child dies is in `restarts.ts`.
 */
import { errorData, type ErrorCode, type OrreryErrorData } from '../protocol/errors';
import { nameProblem } from '../protocol/names';
import { describeValue } from '../protocol/describe';
import type { KernelContext } from './context';
import { DEFAULT_SUPERVISOR, type RestartStrategy, type SupervisorSpec } from './resilienceTypes';
import type { GroupView } from './types';

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
      const view: GroupView = { name: spec.name, strategy: spec.strategy, intensity: spec.intensity, periodMs: spec.periodMs, backoff: { ...spec.backoff }, children: [...children], status };
      if (spec.parent !== undefined) view.parent = spec.parent;
      return view;
    });
  }
}

const STRATEGIES: ReadonlySet<string> = new Set<RestartStrategy>(['one_for_one', 'one_for_all', 'rest_for_one']);

/** `group.create`: missing fields take OTP's defaults (one_for_one, 1 restart in 5 s). */
export function createGroup(ctx: KernelContext, input: unknown): OrreryErrorData | undefined {
  if (typeof input !== 'object' || input === null) return invalid('group.create needs a spec', 'an object {name, strategy, ...}', describeValue(input));
  const raw = input as Record<string, unknown>;
  const name = raw.name;
  const problem = nameProblem(name);
  if (problem) return invalid(`invalid group name ${describeValue(name)}: ${problem}`, 'a valid name', describeValue(name));
  if (ctx.registry.get(name as string) !== undefined || ctx.groups.get(name as string) !== undefined) {
    return errorData('ORR010', `the name "${String(name)}" is already taken`, { expected: 'an unused name', received: `"${String(name)}"` });
  }
  const fields = checkSupervisor(raw, { ...DEFAULT_SUPERVISOR, name: name as string }, 'ORR020');
  if ('code' in fields) return fields;
  const { strategy, intensity, periodMs, backoff } = fields;
  const parent = raw.parent;
  if (parent !== undefined && (typeof parent !== 'string' || ctx.groups.get(parent) === undefined)) {
    return invalid(`no group named ${describeValue(parent)} to be the parent`, 'an existing group name', describeValue(parent));
  }
  const spec: SupervisorSpec = { name: name as string, strategy, intensity, periodMs, backoff };
  if (parent !== undefined) spec.parent = parent as string;
  ctx.groups.byName.set(spec.name, { spec, children: [], history: [], status: 'running' });
  if (spec.parent !== undefined) ctx.groups.join(spec.parent, spec.name);
  ctx.log.emit({ type: 'group.created', spec: { ...spec, backoff: { ...backoff } } });
  return undefined;
}

/**
 * strategy, intensity, periodMs and backoff of `raw` checked, each missing one taken from
 * `base` (a missing backoff field too). Errors carry `code`.
 */
export function checkSupervisor(raw: Record<string, unknown>, base: SupervisorSpec, code: ErrorCode): Omit<SupervisorSpec, 'name' | 'parent'> | OrreryErrorData {
  const bad = (message: string, expected: string, received: unknown) => errorData(code, message, { expected, received: describeValue(received) });
  const strategy = raw.strategy ?? base.strategy;
  if (typeof strategy !== 'string' || !STRATEGIES.has(strategy)) return bad(`unknown strategy ${describeValue(strategy)}`, 'one_for_one, one_for_all or rest_for_one', strategy);
  const intensity = raw.intensity ?? base.intensity;
  if (typeof intensity !== 'number' || !Number.isInteger(intensity) || intensity < 0) return bad('intensity must be an integer ≥ 0', 'an integer ≥ 0', intensity);
  const periodMs = raw.periodMs ?? base.periodMs;
  if (!positive(periodMs)) return bad('periodMs must be a positive number', 'a positive number', periodMs);
  const value = raw.backoff;
  if (value !== undefined && (typeof value !== 'object' || value === null)) return bad('backoff must be an object', '{minMs, maxMs, randomFactor}', value);
  const defaults = base.backoff;
  const { minMs = defaults.minMs, maxMs = defaults.maxMs, randomFactor = defaults.randomFactor } = (value ?? {}) as Record<string, unknown>;
  if (!nonNegative(minMs) || !nonNegative(maxMs) || (maxMs as number) < (minMs as number)) {
    return errorData(code, 'backoff needs 0 ≤ minMs ≤ maxMs', { expected: 'numbers with 0 ≤ minMs ≤ maxMs', received: `minMs ${describeValue(minMs)}, maxMs ${describeValue(maxMs)}` });
  }
  if (!nonNegative(randomFactor)) return bad('backoff.randomFactor must be ≥ 0', 'a number ≥ 0', randomFactor);
  return {
    strategy: strategy as RestartStrategy,
    intensity,
    periodMs: periodMs as number,
    backoff: { minMs: minMs as number, maxMs: maxMs as number, randomFactor: randomFactor as number },
  };
}

function positive(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function nonNegative(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function invalid(message: string, expected: string, received: string): OrreryErrorData {
  return errorData('ORR020', message, { expected, received });
}
