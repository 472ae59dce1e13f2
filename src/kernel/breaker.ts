/**
 * A circuit breaker per link (`policy.breaker`). Closed: `failures` failures of messages
 * that crossed the link within `windowMs` open it. Open: messages fail fast with
 * `circuit-open` without crossing; after `openMs` (a scheduled tick) it is half-open and
 * lets one probe through (another if the probe has no outcome within `openMs`). The
 * probe handled → closed; a failure while half-open → open again. A failure is a kernel
 * failure of a message over the link (crash, deadline, mailbox full, stopped, no ack);
 * success is a message over the link handled without a guest error. Both directions
 * share one breaker, as they share the wire.
 */
import type { KernelContext } from './context';
import type { LinkRecord } from './registry';

export interface BreakerState {
  state: 'closed' | 'open' | 'half-open';
  /** Failure times within the window (closed). */
  failures: number[];
  token: number;
  probe: string | undefined;
  probeAt: number;
}

export function newBreaker(): BreakerState {
  return { state: 'closed', failures: [], token: 0, probe: undefined, probeAt: 0 };
}

/** May `messageId` cross the link now? */
export function admit(ctx: KernelContext, link: LinkRecord, messageId: string): boolean {
  const breaker = link.breaker!;
  if (breaker.state === 'closed') return true;
  if (breaker.state === 'open') return false;
  const openMs = link.policy?.breaker?.openMs ?? 0;
  if (breaker.probe !== undefined && ctx.now - breaker.probeAt < openMs) return false;
  breaker.probe = messageId;
  breaker.probeAt = ctx.now;
  return true;
}

export function onBreakerFailure(ctx: KernelContext, link: LinkRecord, _messageId: string): void {
  const breaker = link.breaker!;
  const spec = link.policy?.breaker;
  if (spec === undefined || breaker.state === 'open') return;
  if (breaker.state === 'half-open') {
    open(ctx, link, breaker, spec.openMs);
    return;
  }
  const failures = breaker.failures;
  failures.push(ctx.now);
  while (failures.length > 0 && failures[0]! <= ctx.now - spec.windowMs) failures.shift();
  if (failures.length >= spec.failures) open(ctx, link, breaker, spec.openMs);
}

export function onBreakerSuccess(ctx: KernelContext, link: LinkRecord, messageId: string): void {
  const breaker = link.breaker!;
  if (breaker.state !== 'half-open' || breaker.probe !== messageId) return;
  breaker.state = 'closed';
  breaker.failures = [];
  breaker.probe = undefined;
  ctx.log.emit({ type: 'breaker.state', link: link.id, state: 'closed' });
}

export function halfOpenDue(ctx: KernelContext, linkId: string, token: number): void {
  const link = ctx.links.byId.get(linkId);
  const breaker = link?.breaker;
  if (breaker === undefined || breaker.token !== token || breaker.state !== 'open') return;
  breaker.state = 'half-open';
  breaker.probe = undefined;
  ctx.log.emit({ type: 'breaker.state', link: linkId, state: 'half-open' });
}

function open(ctx: KernelContext, link: LinkRecord, breaker: BreakerState, openMs: number): void {
  breaker.state = 'open';
  breaker.failures = [];
  breaker.probe = undefined;
  breaker.token = ctx.ids.token();
  ctx.log.emit({ type: 'breaker.state', link: link.id, state: 'open' });
  ctx.scheduler.push(ctx.now + openMs, { kind: 'half-open', link: link.id, token: breaker.token });
}
