/**
 * Stage 2, link policy and chaos: the network as plain data (Maelstrom's net). When chaos
 * faults or link policies are in force, a message crossing a link goes through `transmit`,
 * which applies the link's breaker, tracks at-least-once messages and rolls each matching
 * fault (seeded Rng), then lands the message now or holds it in transit until a time. Held
 * messages sit in the kernel scheduler ordered by (time, seq); per sender→receiver pair a
 * message never lands before an earlier one (arrival = max(own, previous)) unless a reorder
 * fault let it loose. With no fault and no policy (`active` false) routing never comes
 * here: zero cost.
 */
import type { AclMessage } from '../../protocol/message';
import { corrupt } from '../chaos/corrupt';
import { admit } from '../policy/breaker';
import { acked, arrivedAt, isDuplicate, track } from '../policy/reliability';
import type { FaultSpec } from '../resilienceTypes';
import type { KernelState } from '../state/kernelState';
import { refreshNet } from '../state/netFlags';
import type { Scheduled } from '../state/scheduler';
import { deadLetter, failMessage } from './fail';
import { land } from './land';

/** A message crosses `linkId` to `to` (first time, or an at-least-once resend). */
export function transmit(state: KernelState, message: AclMessage, to: string, linkId: string, first: boolean): void {
  const link = state.links.byId.get(linkId)!;
  const reliable = link.policy?.delivery === 'at-least-once';
  if (first) {
    if (link.breaker !== undefined && !admit(state, link, message.id)) {
      failMessage(state, message, to, 'circuit-open', `the circuit breaker of link ${linkId} is ${link.breaker.state}`, linkId);
      return;
    }
    if (reliable) track(state, message, to, link);
  }
  let sent = message;
  let invalid: string | undefined;
  let copies = 1;
  let delay = 0;
  let reorderMs = -1;
  const faults = state.chaos.network;
  for (let i = 0; i < faults.length; i++) {
    const fault = faults[i]!;
    if (!appliesTo(fault, linkId, message, to)) continue;
    const effect = fault.effect;
    if (effect.kind === 'partition' && !separates(effect.groups, effect.direction, message.sender, to)) continue;
    if (fault.probability < 1 && state.rng.next() >= fault.probability) continue;
    state.log.emit({ type: 'chaos.injected', fault: fault.id, kind: effect.kind, messageId: message.id, link: linkId });
    switch (effect.kind) {
      case 'partition':
      case 'drop':
        // Jepsen semantics: lost without a word to the sender. At-least-once resends it.
        if (!reliable) deadLetter(state, message, to, 'dropped', `${effect.kind} by chaos fault "${fault.id}" on link ${linkId}`);
        return;
      case 'duplicate':
        copies = 2;
        break;
      case 'corrupt': {
        const damaged = corrupt(state, sent, effect.field);
        sent = damaged.message;
        invalid ??= damaged.invalid;
        break;
      }
      case 'latency':
        delay += effect.ms + (effect.jitterMs > 0 ? state.rng.next() * effect.jitterMs : 0);
        break;
      case 'reorder':
        reorderMs = Math.max(reorderMs, effect.windowMs);
        break;
      case 'bandwidth': {
        const bytes = JSON.stringify(sent).length;
        const start = Math.max(state.now, state.net.busyUntil.get(linkId) ?? 0);
        const done = start + (bytes * 1000) / effect.bytesPerSecond;
        state.net.busyUntil.set(linkId, done);
        delay += done - state.now;
        break;
      }
      default:
        break;
    }
  }
  for (let c = 0; c < copies; c++) {
    const unordered = reorderMs >= 0;
    hold(state, sent, to, linkId, unordered ? delay + state.rng.next() * reorderMs : delay, unordered, invalid);
  }
}

function hold(
  state: KernelState,
  message: AclMessage,
  to: string,
  link: string,
  delay: number,
  unordered: boolean,
  invalid: string | undefined,
): void {
  const net = state.net;
  let at = state.now + delay;
  let pairKey: string | undefined;
  if (!unordered) {
    pairKey = `${message.sender}\u0000${to}`;
    const pair = net.pairs.get(pairKey);
    if (pair === undefined) {
      if (at <= state.now) {
        landOver(state, message, to, link, invalid);
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
  state.scheduler.push(at, { kind: 'transit', message, to, link, pair: pairKey, invalid });
}

/** A held message's time came. */
export function transitDue(state: KernelState, item: Extract<Scheduled, { kind: 'transit' }>): void {
  const net = state.net;
  net.inTransit--;
  if (item.pair !== undefined) {
    const pair = net.pairs.get(item.pair);
    if (pair !== undefined && --pair.inTransit === 0) net.pairs.delete(item.pair);
  }
  if (net.inTransit === 0) refreshNet(state);
  landOver(state, item.message, item.to, item.link, item.invalid);
}

function landOver(state: KernelState, message: AclMessage, to: string, linkId: string, invalid: string | undefined): void {
  const link = state.links.byId.get(linkId);
  if (link === undefined) {
    failMessage(state, message, to, 'no-route', `link ${linkId} was removed while the message was in transit`, undefined);
    return;
  }
  const reliable = link.policy?.delivery === 'at-least-once';
  if (invalid !== undefined) {
    // The receiving kernel checks the envelope. At-least-once: discarded like a bad
    // checksum, the resend repairs it; at-most-once: the sender hears invalid-message.
    if (!reliable) failMessage(state, message, to, 'invalid-message', invalid, linkId);
    return;
  }
  if (reliable) {
    if (isDuplicate(state, to, message.id)) {
      state.log.emit({ type: 'message.duplicate-discarded', messageId: message.id, agent: to });
      return;
    }
    arrivedAt(state, message.id, to);
  }
  const node = state.registry.get(to);
  if (node === undefined || node.type === 'topic') {
    failMessage(state, message, to, 'unknown-receiver', `"${to}" was removed while the message was in transit`, linkId);
    return;
  }
  land(state, message, node, to, linkId);
  if (reliable && node.type === 'client') acked(state, message.id, to, linkId);
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
