/** `group.create` and the validation of supervisor settings it shares with `group.configure`. */
import { errorData, type ErrorCode, type OrreryErrorData } from '../../protocol/errors';
import { nameProblem } from '../../protocol/names';
import { describeValue } from '../../protocol/describe';
import { DEFAULT_SUPERVISOR, type RestartStrategy, type SupervisorSpec } from '../resilienceTypes';
import type { KernelState } from '../state/kernelState';

const STRATEGIES: ReadonlySet<string> = new Set<RestartStrategy>(['one_for_one', 'one_for_all', 'rest_for_one']);

/** `group.create`: missing fields take OTP's defaults (one_for_one, 1 restart in 5 s). */
export function createGroup(state: KernelState, input: unknown): OrreryErrorData | undefined {
  if (typeof input !== 'object' || input === null)
    return invalid('group.create needs a spec', 'an object {name, strategy, ...}', describeValue(input));
  const raw = input as Record<string, unknown>;
  const name = raw.name;
  const problem = nameProblem(name);
  if (problem) return invalid(`invalid group name ${describeValue(name)}: ${problem}`, 'a valid name', describeValue(name));
  if (state.registry.get(name as string) !== undefined || state.groups.get(name as string) !== undefined) {
    return errorData('ORR010', `the name "${String(name)}" is already taken`, {
      expected: 'an unused name',
      received: `"${String(name)}"`,
    });
  }
  const fields = checkSupervisor(raw, { ...DEFAULT_SUPERVISOR, name: name as string }, 'ORR020');
  if ('code' in fields) return fields;
  const { strategy, intensity, periodMs, backoff } = fields;
  const parent = raw.parent;
  if (parent !== undefined && (typeof parent !== 'string' || state.groups.get(parent) === undefined)) {
    return invalid(`no group named ${describeValue(parent)} to be the parent`, 'an existing group name', describeValue(parent));
  }
  const spec: SupervisorSpec = { name: name as string, strategy, intensity, periodMs, backoff };
  if (parent !== undefined) spec.parent = parent as string;
  state.groups.byName.set(spec.name, { spec, children: [], history: [], status: 'running' });
  if (spec.parent !== undefined) state.groups.join(spec.parent, spec.name);
  state.log.emit({ type: 'group.created', spec: { ...spec, backoff: { ...backoff } } });
  return undefined;
}

/**
 * strategy, intensity, periodMs and backoff of `raw` checked, each missing one taken from
 * `base` (a missing backoff field too). Errors carry `code`.
 */
export function checkSupervisor(
  raw: Record<string, unknown>,
  base: SupervisorSpec,
  code: ErrorCode,
): Omit<SupervisorSpec, 'name' | 'parent'> | OrreryErrorData {
  const bad = (message: string, expected: string, received: unknown) =>
    errorData(code, message, { expected, received: describeValue(received) });
  const strategy = raw.strategy ?? base.strategy;
  if (typeof strategy !== 'string' || !STRATEGIES.has(strategy))
    return bad(`unknown strategy ${describeValue(strategy)}`, 'one_for_one, one_for_all or rest_for_one', strategy);
  const intensity = raw.intensity ?? base.intensity;
  if (typeof intensity !== 'number' || !Number.isInteger(intensity) || intensity < 0)
    return bad('intensity must be an integer ≥ 0', 'an integer ≥ 0', intensity);
  const periodMs = raw.periodMs ?? base.periodMs;
  if (!positive(periodMs)) return bad('periodMs must be a positive number', 'a positive number', periodMs);
  const value = raw.backoff;
  if (value !== undefined && (typeof value !== 'object' || value === null))
    return bad('backoff must be an object', '{minMs, maxMs, randomFactor}', value);
  const defaults = base.backoff;
  const { minMs = defaults.minMs, maxMs = defaults.maxMs, randomFactor = defaults.randomFactor } = (value ?? {}) as Record<string, unknown>;
  if (!nonNegative(minMs) || !nonNegative(maxMs) || (maxMs as number) < (minMs as number)) {
    return errorData(code, 'backoff needs 0 ≤ minMs ≤ maxMs', {
      expected: 'numbers with 0 ≤ minMs ≤ maxMs',
      received: `minMs ${describeValue(minMs)}, maxMs ${describeValue(maxMs)}`,
    });
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
