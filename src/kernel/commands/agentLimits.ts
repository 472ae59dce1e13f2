/**
 * Agent limits: validating a deploy's limits or a configure's patch onto a base, and the
 * delivery window they give (the bulkhead). Which limits the kernel enforces itself and
 * which the host enforces at spawn is decided here too, for `agent.configure`.
 */
import { errorData, type ErrorCode, type OrreryErrorData } from '../../protocol/errors';
import { describeValue } from '../../protocol/describe';
import type { KernelState } from '../state/kernelState';
import type { AgentLimits } from '../types';

const NUMERIC = ['deadlineMs', 'memoryPages', 'mailboxCapacity', 'maxMessageBytes', 'maxConcurrent'] as const;
/** May be absent (the module's own maximum, the kernel's window). */
const OPTIONAL: ReadonlySet<string> = new Set(['memoryPages', 'maxConcurrent', 'overflow']);
/** Carried in the spawn effect and enforced by the host: they change with a new instance. */
export const HOST_LIMITS: ReadonlySet<keyof AgentLimits> = new Set<keyof AgentLimits>(['memoryPages', 'deadlineMs']);

/**
 * `patch` applied onto `base`. With `allowNull` (configure), `null` puts a limit back to
 * `defaults` (optional ones become absent). Errors carry `code`.
 */
export function applyLimits(
  base: AgentLimits,
  patch: unknown,
  code: ErrorCode,
  defaults: AgentLimits,
  allowNull = false,
): AgentLimits | OrreryErrorData {
  const merged: AgentLimits = { ...base };
  if (patch === undefined || (patch === null && !allowNull)) return merged;
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    return errorData(code, 'limits must be an object', {
      expected: 'an object such as {"mailboxCapacity": 1000}',
      received: describeValue(patch),
    });
  }
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key !== 'overflow' && !(NUMERIC as readonly string[]).includes(key)) {
      return errorData(code, `unknown limit "${key}"`, { expected: `${NUMERIC.join(', ')} or overflow`, received: `"${key}"` });
    }
    const k = key as keyof AgentLimits;
    if (value === null && allowNull) {
      if (OPTIONAL.has(k)) delete merged[k];
      else (merged as unknown as Record<string, unknown>)[k] = defaults[k];
      continue;
    }
    if (k === 'overflow') {
      if (value !== 'reject' && value !== 'drop-oldest')
        return errorData(code, `unknown overflow policy ${describeValue(value)}`, {
          expected: '"reject" or "drop-oldest"',
          received: describeValue(value),
        });
      merged.overflow = value;
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      return errorData(code, `limit ${key} must be a positive number${allowNull ? ' (or null for the default)' : ''}`, {
        expected: allowNull ? 'a positive number or null' : 'a positive number',
        received: describeValue(value),
      });
    }
    merged[k as (typeof NUMERIC)[number]] = value;
  }
  return merged;
}

/** Deliveries outstanding at most: min(maxInFlight, maxConcurrent), at least 1. */
export function windowFor(state: KernelState, limits: AgentLimits): number {
  return Math.max(1, Math.min(state.maxInFlight, limits.maxConcurrent ?? state.maxInFlight));
}

/** Limits whose value differs between `a` and `b`, in a stable order. */
export function changedLimits(a: AgentLimits, b: AgentLimits): (keyof AgentLimits)[] {
  return ([...NUMERIC, 'overflow'] as (keyof AgentLimits)[]).filter((k) => a[k] !== b[k]);
}
