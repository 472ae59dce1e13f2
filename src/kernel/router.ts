/**
 * Routing. Messages travel only along links between the sender's node and the receiver's
 * node; the console `you` and the kernel reach every node directly, and anyone may
 * answer `you`. A receiver is a name, a list (each name once), `*` (every agent or client
 * linked to the sender; from the console, every agent) or `topic:x` (every agent or client
 * linked to topic x except the sender; the sender must be linked to x).
 */
import { BROADCAST, TOPIC_PREFIX, type AclMessage, type FailureReason, type JsonValue, type MessageDraft } from '../protocol/message';
import { CONSOLE, KERNEL_SENDER } from '../protocol/names';
import type { KernelContext } from './context';
import { deadLetter } from './deadLetters';
import { enqueue } from './delivery';
import { onFailedOverLink, transmit } from './network';
import { retryRequest } from './requestRetry';
import type { AgentNode, ClientNode, NetNode } from './registry';

/**
 * Stamps a draft, appends `message.sent`, opens a pending request when it asks for a reply
 * by a deadline, and routes it. `senderNode` undefined = the console or the kernel.
 */
export function sendMessage(ctx: KernelContext, draft: MessageDraft, sender: string, senderNode: NetNode | undefined): AclMessage {
  const receiver = draft.receiver;
  // One literal with every field, always in this order: one object shape on the hot path.
  const message: AclMessage = {
    id: ctx.ids.message(),
    performative: draft.performative,
    sender,
    receiver: typeof receiver === 'string' ? receiver : receiver.slice(),
    content: draft.content === undefined ? null : draft.content,
    conversation_id: draft.conversation_id,
    reply_with: draft.reply_with,
    in_reply_to: draft.in_reply_to,
    reply_by: draft.reply_by,
    protocol: draft.protocol,
    ontology: draft.ontology,
    language: draft.language,
    sent_at: ctx.now,
  };
  ctx.log.emit({ type: 'message.sent', message, seq: 0, t: 0 });
  if (message.reply_by !== undefined && message.reply_with !== undefined && sender !== KERNEL_SENDER) ctx.correlation.register(message);
  const r = message.receiver;
  if (typeof r === 'string') {
    if (r === BROADCAST) broadcast(ctx, message, senderNode);
    else if (r.charCodeAt(0) === 116 /* t */ && r.startsWith(TOPIC_PREFIX)) publish(ctx, message, senderNode, r);
    else routeTo(ctx, message, senderNode, r);
  } else {
    for (let i = 0; i < r.length; i++) if (r.indexOf(r[i]!) === i) routeTo(ctx, message, senderNode, r[i]!);
  }
  return message;
}

/** A `failure` from the kernel to `to`, answering `inReplyTo`. */
export function sendKernelFailure(
  ctx: KernelContext,
  to: string,
  content: { [key: string]: JsonValue },
  inReplyTo: string | undefined,
  conversationId: string | undefined,
): void {
  sendMessage(ctx, { performative: 'failure', receiver: to, content, in_reply_to: inReplyTo, conversation_id: conversationId }, KERNEL_SENDER, undefined);
}

/**
 * `message` could not reach `to`: appends `message.failed` and `message.dead-lettered`,
 * and tells the sender with a `failure` (unless the kernel sent it: no failures about
 * failures, so nothing can loop).
 */
export function failMessage(
  ctx: KernelContext,
  message: AclMessage,
  to: string,
  reason: FailureReason,
  detail: string | undefined,
  link: string | undefined,
): void {
  ctx.log.emit({ type: 'message.failed', messageId: message.id, to, reason, detail, link });
  if (link !== undefined && ctx.net.watching) {
    onFailedOverLink(ctx, message, to, link, reason === 'circuit-open');
    if (retryRequest(ctx, message, to, link, reason)) return; // not over yet: sent again later
  }
  deadLetter(ctx, message, to, reason, detail);
  if (message.sender === KERNEL_SENDER) return;
  const content: { [key: string]: JsonValue } = { reason, message_id: message.id, receiver: to };
  if (detail !== undefined) content.detail = detail;
  sendKernelFailure(ctx, message.sender, content, message.reply_with, message.conversation_id);
}

function routeTo(ctx: KernelContext, message: AclMessage, senderNode: NetNode | undefined, name: string): void {
  if (name === CONSOLE) {
    arrive(ctx, message, undefined, CONSOLE, undefined);
    return;
  }
  const node = ctx.registry.get(name);
  if (node === undefined || node.type === 'topic') {
    const detail = node ? `"${name}" is a topic: address it as "${TOPIC_PREFIX}${name}"` : `no agent or client named "${name}"`;
    failMessage(ctx, message, name, 'unknown-receiver', detail, undefined);
    return;
  }
  let link: string | undefined;
  if (senderNode !== undefined && senderNode !== node) {
    const wire = senderNode.peers.get(name);
    if (wire === undefined) {
      failMessage(ctx, message, name, 'no-route', `no link between "${message.sender}" and "${name}"`, undefined);
      return;
    }
    link = wire.id;
  }
  arrive(ctx, message, node, name, link);
}

function broadcast(ctx: KernelContext, message: AclMessage, senderNode: NetNode | undefined): void {
  if (senderNode === undefined) {
    for (const agent of ctx.registry.ofType('agent')) arrive(ctx, message, agent, agent.name, undefined);
    return;
  }
  for (const [name, wire] of senderNode.peers) {
    const peer = ctx.registry.get(name);
    if (peer !== undefined && peer.type !== 'topic') arrive(ctx, message, peer, name, wire.id);
  }
}

function publish(ctx: KernelContext, message: AclMessage, senderNode: NetNode | undefined, receiver: string): void {
  const topicName = receiver.slice(TOPIC_PREFIX.length);
  const topic = ctx.registry.get(topicName);
  if (topic === undefined || topic.type !== 'topic') {
    failMessage(ctx, message, receiver, 'unknown-receiver', `no topic named "${topicName}"`, undefined);
    return;
  }
  let link: string | undefined;
  if (senderNode !== undefined) {
    const wire = senderNode.peers.get(topicName);
    if (wire === undefined) {
      failMessage(ctx, message, receiver, 'no-route', `"${message.sender}" is not linked to topic "${topicName}"`, undefined);
      return;
    }
    link = wire.id;
  }
  // The hop into the topic is recorded even with no subscribers: published to none.
  ctx.log.emit({ type: 'message.delivered', messageId: message.id, to: receiver, link });
  for (const [name, wire] of topic.peers) {
    if (name === message.sender) continue;
    const peer = ctx.registry.get(name);
    if (peer !== undefined && peer.type !== 'topic') arrive(ctx, message, peer, name, wire.id);
  }
}

/** Over a link while faults or policies are in force, the network decides when (and whether) it lands. */
function arrive(ctx: KernelContext, message: AclMessage, node: AgentNode | ClientNode | undefined, name: string, link: string | undefined): void {
  if (link !== undefined && ctx.net.active) transmit(ctx, message, name, link, true);
  else land(ctx, message, node, name, link);
}

/** The message reached its receiver's node: a mailbox, or a reply effect for clients and `you`. */
export function land(ctx: KernelContext, message: AclMessage, node: AgentNode | ClientNode | undefined, name: string, link: string | undefined): void {
  if (node === undefined || node.type === 'client') {
    ctx.log.emit({ type: 'message.delivered', messageId: message.id, to: name, link, seq: 0, t: 0 });
    ctx.effects.push({ type: 'reply', client: name, message });
  } else {
    const refused = enqueue(ctx, node, message, link);
    if (refused !== undefined) {
      failMessage(ctx, message, name, refused, refused === 'mailbox-full' ? `${node.limits.mailboxCapacity} messages already queued` : `"${name}" is ${node.status}`, link);
      return;
    }
  }
  const inReplyTo = message.in_reply_to;
  if (inReplyTo !== undefined) {
    // Kernel failures (no-route, crash, ...) settle too: the requester already has its answer.
    if (ctx.correlation.settle(name, inReplyTo) === 'late') {
      ctx.log.emit({ type: 'log', agent: KERNEL_SENDER, level: 'warn', text: `late reply ${message.id} from "${message.sender}" to "${name}" (in_reply_to ${inReplyTo}) arrived after its timeout; delivered anyway` });
    }
  }
}
