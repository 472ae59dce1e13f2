/**
 * Stage 1, routing. Messages travel only along links between the sender's node and the
 * receiver's node; the console `you` and the kernel reach every node directly, and anyone
 * may answer `you`. A receiver is a name, a list (each name once), `*` (every agent or
 * client linked to the sender; from the console, every agent) or `topic:x` (every agent
 * or client linked to topic x except the sender; the sender must be linked to x). Each
 * (receiver, link) goes on to the link stage, or straight to landing when no link policy
 * or fault is in force.
 */
import { BROADCAST, TOPIC_PREFIX, type AclMessage } from '../../protocol/message';
import { CONSOLE } from '../../protocol/names';
import type { KernelState } from '../state/kernelState';
import type { AgentNode, ClientNode, NetNode } from '../state/nodes';
import { failMessage } from './fail';
import { land } from './land';
import { transmit } from './link';

/** Sends `message` towards each of its receivers. `senderNode` undefined = the console or the kernel. */
export function route(state: KernelState, message: AclMessage, senderNode: NetNode | undefined): void {
  const r = message.receiver;
  if (typeof r === 'string') {
    if (r === BROADCAST) broadcast(state, message, senderNode);
    else if (r.charCodeAt(0) === 116 /* t */ && r.startsWith(TOPIC_PREFIX)) publish(state, message, senderNode, r);
    else routeTo(state, message, senderNode, r);
  } else {
    for (let i = 0; i < r.length; i++) if (r.indexOf(r[i]!) === i) routeTo(state, message, senderNode, r[i]!);
  }
}

function routeTo(state: KernelState, message: AclMessage, senderNode: NetNode | undefined, name: string): void {
  if (name === CONSOLE) {
    arrive(state, message, undefined, CONSOLE, undefined);
    return;
  }
  const node = state.registry.get(name);
  if (node === undefined || node.type === 'topic') {
    const detail = node ? `"${name}" is a topic: address it as "${TOPIC_PREFIX}${name}"` : `no agent or client named "${name}"`;
    failMessage(state, message, name, 'unknown-receiver', detail, undefined);
    return;
  }
  let link: string | undefined;
  if (senderNode !== undefined && senderNode !== node) {
    const wire = senderNode.peers.get(name);
    if (wire === undefined) {
      failMessage(state, message, name, 'no-route', `no link between "${message.sender}" and "${name}"`, undefined);
      return;
    }
    link = wire.id;
  }
  arrive(state, message, node, name, link);
}

function broadcast(state: KernelState, message: AclMessage, senderNode: NetNode | undefined): void {
  if (senderNode === undefined) {
    for (const agent of state.registry.ofType('agent')) arrive(state, message, agent, agent.name, undefined);
    return;
  }
  for (const [name, wire] of senderNode.peers) {
    const peer = state.registry.get(name);
    if (peer !== undefined && peer.type !== 'topic') arrive(state, message, peer, name, wire.id);
  }
}

function publish(state: KernelState, message: AclMessage, senderNode: NetNode | undefined, receiver: string): void {
  const topicName = receiver.slice(TOPIC_PREFIX.length);
  const topic = state.registry.get(topicName);
  if (topic === undefined || topic.type !== 'topic') {
    failMessage(state, message, receiver, 'unknown-receiver', `no topic named "${topicName}"`, undefined);
    return;
  }
  let link: string | undefined;
  if (senderNode !== undefined) {
    const wire = senderNode.peers.get(topicName);
    if (wire === undefined) {
      failMessage(state, message, receiver, 'no-route', `"${message.sender}" is not linked to topic "${topicName}"`, undefined);
      return;
    }
    link = wire.id;
  }
  // The hop into the topic is recorded even with no subscribers: published to none.
  state.log.emit({ type: 'message.delivered', messageId: message.id, to: receiver, link });
  for (const [name, wire] of topic.peers) {
    if (name === message.sender) continue;
    const peer = state.registry.get(name);
    if (peer !== undefined && peer.type !== 'topic') arrive(state, message, peer, name, wire.id);
  }
}

/** Over a link while faults or policies are in force, the network decides when (and whether) it lands. */
function arrive(
  state: KernelState,
  message: AclMessage,
  node: AgentNode | ClientNode | undefined,
  name: string,
  link: string | undefined,
): void {
  if (link !== undefined && state.net.active) transmit(state, message, name, link, true);
  else land(state, message, node, name, link);
}
