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
import type { KernelState } from '../state/kernelState';
import type { BreakerState, LinkRecord } from '../state/nodes';

/** May `messageId` cross the link now? */
export function admit(state: KernelState, link: LinkRecord, messageId: string): boolean {
  const breaker = link.breaker!;
  if (breaker.state === 'closed') return true;
  if (breaker.state === 'open') return false;
  const openMs = link.policy?.breaker?.openMs ?? 0;
  if (breaker.probe !== undefined && state.now - breaker.probeAt < openMs) return false;
  breaker.probe = messageId;
  breaker.probeAt = state.now;
  return true;
}

export function onBreakerFailure(state: KernelState, link: LinkRecord, _messageId: string): void {
  const breaker = link.breaker!;
  const spec = link.policy?.breaker;
  if (spec === undefined || breaker.state === 'open') return;
  if (breaker.state === 'half-open') {
    open(state, link, breaker, spec.openMs);
    return;
  }
  const failures = breaker.failures;
  failures.push(state.now);
  while (failures.length > 0 && failures[0]! <= state.now - spec.windowMs) failures.shift();
  if (failures.length >= spec.failures) open(state, link, breaker, spec.openMs);
}

export function onBreakerSuccess(state: KernelState, link: LinkRecord, messageId: string): void {
  const breaker = link.breaker!;
  if (breaker.state !== 'half-open' || breaker.probe !== messageId) return;
  breaker.state = 'closed';
  breaker.failures = [];
  breaker.probe = undefined;
  state.log.emit({ type: 'breaker.state', link: link.id, state: 'closed' });
}

export function halfOpenDue(state: KernelState, linkId: string, token: number): void {
  const link = state.links.byId.get(linkId);
  const breaker = link?.breaker;
  if (breaker === undefined || breaker.token !== token || breaker.state !== 'open') return;
  breaker.state = 'half-open';
  breaker.probe = undefined;
  state.log.emit({ type: 'breaker.state', link: linkId, state: 'half-open' });
}

function open(state: KernelState, link: LinkRecord, breaker: BreakerState, openMs: number): void {
  breaker.state = 'open';
  breaker.failures = [];
  breaker.probe = undefined;
  breaker.token = state.ids.token();
  state.log.emit({ type: 'breaker.state', link: link.id, state: 'open' });
  state.scheduler.push(state.now + openMs, { kind: 'half-open', link: link.id, token: breaker.token });
}
