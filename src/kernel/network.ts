/**
 * The network as plain data (Maelstrom's net): when chaos faults or link policies are in
 * force, a message crossing a link goes through `transmit`, which applies the link's
 * breaker, tracks at-least-once messages and rolls each matching fault (seeded Rng), then
 * lands the message now or holds it in transit until a time. Held messages sit in the
 * kernel scheduler ordered by (time, seq); per sender→receiver pair a message never lands
 * before an earlier one (arrival = max(own, previous)) unless a reorder fault let it loose.
 * With no fault and no policy (`active` false) routing never comes here: zero cost.
 */
import type { AclMessage } from '../protocol/message';
import { onBreakerFailure, onBreakerSuccess, admit } from './breaker';
import type { KernelContext } from './context';
import { corrupt } from './corrupt';
import { deadLetter } from './deadLetters';
import type { LinkRecord } from './registry';
import { acked, arrivedAt, isDuplicate, settle, track } from './reliability';
import { requestDone } from './requestRetry';
import type { FaultSpec } from './resilienceTypes';
import { failMessage, land } from './router';
import type { Scheduled } from './scheduler';

interface Pair {
  last: number;
  inTransit: number;
}

export class NetState {
  /** Routing over links goes through `transmit`: faults, policies, or messages in transit. */
  active = false;
  /** Outcomes (handled, failed) feed acks and breakers. */
  watching = false;
  readonly pairs = new Map<string, Pair>();
  readonly busyUntil = new Map<string, number>();
  inTransit = 0;
  /** Links with a policy. */
  configured = 0;
}

/** Recomputes the flags after faults, policies or transit changed. */
export function refreshNet(ctx: KernelContext): void {
  const net = ctx.net;
  net.watching = net.configured > 0 || ctx.reliable.pending.size > 0;
  net.active = net.watching || ctx.chaos.network.length > 0 || net.inTransit > 0;
}

/** A message crosses `linkId` to `to` (first time, or an at-least-once resend). */
export function transmit(ctx: KernelContext, message: AclMessage, to: string, linkId: string, first: boolean): void {
  const link = ctx.links.byId.get(linkId)!;
  const reliable = link.policy?.delivery === 'at-least-once';
  if (first) {
    if (link.breaker !== undefined && !admit(ctx, link, message.id)) {
      failMessage(ctx, message, to, 'circuit-open', `the circuit breaker of link ${linkId} is ${link.breaker.state}`, linkId);
      return;
    }
    if (reliable) track(ctx, message, to, link);
  }
  let sent = message;
  let invalid: string | undefined;
  let copies = 1;
  let delay = 0;
  let reorderMs = -1;
  const faults = ctx.chaos.network;
  for (let i = 0; i < faults.length; i++) {
    const fault = faults[i]!;
    if (!appliesTo(fault, linkId, message, to)) continue;
    const effect = fault.effect;
    if (effect.kind === 'partition' && !separates(effect.groups, effect.direction, message.sender, to)) continue;
    if (fault.probability < 1 && ctx.rng.next() >= fault.probability) continue;
    ctx.log.emit({ type: 'chaos.injected', fault: fault.id, kind: effect.kind, messageId: message.id, link: linkId });
    switch (effect.kind) {
      case 'partition':
      case 'drop':
        // Jepsen semantics: lost without a word to the sender. At-least-once resends it.
        if (!reliable) deadLetter(ctx, message, to, 'dropped', `${effect.kind} by chaos fault "${fault.id}" on link ${linkId}`);
        return;
      case 'duplicate':
        copies = 2;
        break;
      case 'corrupt': {
        const damaged = corrupt(ctx, sent, effect.field);
        sent = damaged.message;
        invalid ??= damaged.invalid;
        break;
      }
      case 'latency':
        delay += effect.ms + (effect.jitterMs > 0 ? ctx.rng.next() * effect.jitterMs : 0);
        break;
      case 'reorder':
        reorderMs = Math.max(reorderMs, effect.windowMs);
        break;
      case 'bandwidth': {
        const bytes = JSON.stringify(sent).length;
        const start = Math.max(ctx.now, ctx.net.busyUntil.get(linkId) ?? 0);
        const done = start + (bytes * 1000) / effect.bytesPerSecond;
        ctx.net.busyUntil.set(linkId, done);
        delay += done - ctx.now;
        break;
      }
      default:
        break;
    }
  }
  for (let c = 0; c < copies; c++) {
    const unordered = reorderMs >= 0;
    hold(ctx, sent, to, linkId, unordered ? delay + ctx.rng.next() * reorderMs : delay, unordered, invalid);
  }
}

function hold(ctx: KernelContext, message: AclMessage, to: string, link: string, delay: number, unordered: boolean, invalid: string | undefined): void {
  const net = ctx.net;
  let at = ctx.now + delay;
  let pairKey: string | undefined;
  if (!unordered) {
    pairKey = `${message.sender}\u0000${to}`;
    const pair = net.pairs.get(pairKey);
    if (pair === undefined) {
      if (at <= ctx.now) {
        landOver(ctx, message, to, link, invalid);
        return;
      }
      net.pairs.set(pairKey, { last: at, inTransit: 1 });
    } else {
      at = Math.max(at, pair.last);
      pair.last = at;
      pair.inTransit++;
    }
  }
  net.inTransit++;
  net.active = true;
  ctx.scheduler.push(at, { kind: 'transit', message, to, link, pair: pairKey, invalid });
}

/** A held message's time came. */
export function transitDue(ctx: KernelContext, item: Extract<Scheduled, { kind: 'transit' }>): void {
  const net = ctx.net;
  net.inTransit--;
  if (item.pair !== undefined) {
    const pair = net.pairs.get(item.pair);
    if (pair !== undefined && --pair.inTransit === 0) net.pairs.delete(item.pair);
  }
  if (net.inTransit === 0) refreshNet(ctx);
  landOver(ctx, item.message, item.to, item.link, item.invalid);
}

function landOver(ctx: KernelContext, message: AclMessage, to: string, linkId: string, invalid: string | undefined): void {
  const link = ctx.links.byId.get(linkId);
  if (link === undefined) {
    failMessage(ctx, message, to, 'no-route', `link ${linkId} was removed while the message was in transit`, undefined);
    return;
  }
  const reliable = link.policy?.delivery === 'at-least-once';
  if (invalid !== undefined) {
    // The receiving kernel checks the envelope. At-least-once: discarded like a bad
    // checksum, the resend repairs it; at-most-once: the sender hears invalid-message.
    if (!reliable) failMessage(ctx, message, to, 'invalid-message', invalid, linkId);
    return;
  }
  if (reliable) {
    if (isDuplicate(ctx, to, message.id)) {
      ctx.log.emit({ type: 'message.duplicate-discarded', messageId: message.id, agent: to });
      return;
    }
    arrivedAt(ctx, message.id, to);
  }
  const node = ctx.registry.get(to);
  if (node === undefined || node.type === 'topic') {
    failMessage(ctx, message, to, 'unknown-receiver', `"${to}" was removed while the message was in transit`, linkId);
    return;
  }
  land(ctx, message, node, to, linkId);
  if (reliable && node.type === 'client') acked(ctx, message.id, to, linkId);
}

/** An agent handled a message that came over `linkId`: acknowledge it, tell the breaker. */
export function onHandledOverLink(ctx: KernelContext, message: AclMessage, agent: string, linkId: string, ok: boolean): void {
  acked(ctx, message.id, agent, linkId);
  requestDone(ctx, message.id, agent);
  const link = ctx.links.byId.get(linkId);
  if (ok && link?.breaker !== undefined) onBreakerSuccess(ctx, link, message.id);
}

/** A message that had crossed `linkId` failed at or on the way to `to`. */
export function onFailedOverLink(ctx: KernelContext, message: AclMessage, to: string, linkId: string, fastFail: boolean): void {
  settle(ctx, message.id, to);
  const link: LinkRecord | undefined = ctx.links.byId.get(linkId);
  if (!fastFail && link?.breaker !== undefined) onBreakerFailure(ctx, link, message.id);
}

function appliesTo(fault: FaultSpec, link: string, message: AclMessage, to: string): boolean {
  const { links, agents } = fault.target;
  if (links !== undefined && links.length > 0 && !links.includes(link)) return false;
  if (agents !== undefined && agents.length > 0 && !agents.includes(to) && !agents.includes(message.sender)) return false;
  return fault.performatives === undefined || fault.performatives.includes(message.performative);
}

/** both: nodes in different groups are cut off; one-way: only earlier → later groups. */
function separates(groups: string[][], direction: 'both' | 'one-way', from: string, to: string): boolean {
  let a = -1;
  let b = -1;
  for (let i = 0; i < groups.length; i++) {
    if (groups[i]!.includes(from)) a = i;
    if (groups[i]!.includes(to)) b = i;
  }
  if (a < 0 || b < 0 || a === b) return false;
  return direction === 'both' || a < b;
}
