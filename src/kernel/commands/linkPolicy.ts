/** `link.configure`: delivery guarantee, retry and circuit breaker of one link. */
import { errorData, type OrreryErrorData } from '../../protocol/errors';
import { describeValue } from '../../protocol/describe';
import type { FailureReason } from '../../protocol/message';
import type { LinkPolicy } from '../resilienceTypes';
import type { KernelState } from '../state/kernelState';
import { refreshNet } from '../state/netFlags';
import { newBreaker } from '../state/nodes';

export const DEFAULT_LINK_POLICY: LinkPolicy = {
  delivery: 'at-most-once',
  retry: { initialMs: 100, maxMs: 2_000, maxAttempts: 5 },
};

/**
 * Merges `policy` into the link's current policy (or the default). `breaker: null`
 * removes the breaker. A new or changed breaker starts closed.
 */
export function configureLink(state: KernelState, id: unknown, policy: unknown): OrreryErrorData | undefined {
  const link = typeof id === 'string' ? state.links.byId.get(id) : undefined;
  if (link === undefined)
    return errorData('ORR013', `no link with id ${JSON.stringify(id)}`, { expected: 'an existing link id', received: describeValue(id) });
  if (typeof policy !== 'object' || policy === null) return bad('link.configure needs a policy object', policy);
  const raw = policy as Record<string, unknown>;
  const current = link.policy ?? DEFAULT_LINK_POLICY;
  const delivery = raw.delivery ?? current.delivery;
  if (delivery !== 'at-most-once' && delivery !== 'at-least-once')
    return bad('delivery must be "at-most-once" or "at-least-once"', raw.delivery);
  const retry = { ...current.retry };
  if (raw.retry !== undefined) {
    if (typeof raw.retry !== 'object' || raw.retry === null) return bad('retry must be an object', raw.retry);
    for (const [key, value] of Object.entries(raw.retry)) {
      if (key !== 'initialMs' && key !== 'maxMs' && key !== 'maxAttempts') return bad(`unknown retry field "${key}"`, key);
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return bad(`retry.${key} must be a positive number`, value);
      retry[key] = value;
    }
  }
  const next: LinkPolicy = { delivery, retry };
  let breaker = current.breaker;
  if (raw.breaker === null) breaker = undefined;
  else if (raw.breaker !== undefined) {
    if (typeof raw.breaker !== 'object') return bad('breaker must be an object or null', raw.breaker);
    const b = { ...(current.breaker ?? { failures: 5, windowMs: 10_000, openMs: 5_000 }), ...(raw.breaker as object) } as Record<
      string,
      unknown
    >;
    for (const key of ['failures', 'windowMs', 'openMs']) {
      if (typeof b[key] !== 'number' || !Number.isFinite(b[key]) || (b[key] as number) <= 0)
        return bad(`breaker.${key} must be a positive number`, b[key]);
    }
    breaker = { failures: b.failures as number, windowMs: b.windowMs as number, openMs: b.openMs as number };
  }
  if (breaker !== undefined) next.breaker = breaker;
  const requestRetry = checkRequestRetry(raw.requestRetry, current.requestRetry);
  if (requestRetry !== undefined && 'code' in requestRetry) return requestRetry;
  if (requestRetry !== undefined) next.requestRetry = requestRetry;
  const breakerChanged = JSON.stringify(breaker) !== JSON.stringify(current.breaker) || link.policy === undefined;
  if (link.policy === undefined) state.net.configured++;
  link.policy = next;
  if (breaker === undefined) delete link.breaker;
  else if (breakerChanged || link.breaker === undefined) link.breaker = newBreaker();
  state.log.emit({ type: 'link.configured', link: link.id, policy: structuredClone(next) });
  refreshNet(state);
  return undefined;
}

type RequestRetry = NonNullable<LinkPolicy['requestRetry']>;
const REASONS: ReadonlySet<string> = new Set<FailureReason>([
  'no-route',
  'unknown-receiver',
  'timeout',
  'agent-crashed',
  'agent-stopped',
  'mailbox-full',
  'oversize',
  'invalid-message',
  'deadline-exceeded',
  'circuit-open',
  'dropped',
]);

/** undefined = none; null removes it; fields merge into the current one. */
function checkRequestRetry(value: unknown, current: RequestRetry | undefined): RequestRetry | OrreryErrorData | undefined {
  if (value === null) return undefined;
  if (value === undefined) return current;
  if (typeof value !== 'object') return bad('requestRetry must be an object or null', value);
  const merged = { ...(current ?? { maxAttempts: 3, initialMs: 100, maxMs: 2_000 }), ...(value as object) } as Record<string, unknown>;
  for (const key of ['maxAttempts', 'initialMs', 'maxMs']) {
    if (typeof merged[key] !== 'number' || !Number.isFinite(merged[key]) || (merged[key] as number) <= 0)
      return bad(`requestRetry.${key} must be a positive number`, merged[key]);
  }
  const out: RequestRetry = {
    maxAttempts: merged.maxAttempts as number,
    initialMs: merged.initialMs as number,
    maxMs: merged.maxMs as number,
  };
  if (merged.reasons !== undefined) {
    if (!Array.isArray(merged.reasons) || !merged.reasons.every((r) => typeof r === 'string' && REASONS.has(r)))
      return bad('requestRetry.reasons must list failure reasons', merged.reasons);
    out.reasons = [...(merged.reasons as FailureReason[])];
  }
  return out;
}

function bad(message: string, received: unknown): OrreryErrorData {
  return errorData('ORR021', message, { expected: 'a LinkPolicy (see src/kernel/resilienceTypes.ts)', received: describeValue(received) });
}
