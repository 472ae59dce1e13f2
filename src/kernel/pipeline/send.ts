/** The pipeline's entry: a draft becomes a stamped message, recorded and routed. */
import type { AclMessage, MessageDraft } from '../../protocol/message';
import { KERNEL_SENDER } from '../../protocol/names';
import type { KernelState } from '../state/kernelState';
import type { NetNode } from '../state/nodes';
import { route } from './route';

/**
 * Stamps a draft, appends `message.sent`, opens a pending request when it asks for a reply
 * by a deadline, and routes it. `senderNode` undefined = the console or the kernel.
 */
export function sendMessage(state: KernelState, draft: MessageDraft, sender: string, senderNode: NetNode | undefined): AclMessage {
  const receiver = draft.receiver;
  // One literal with every field, always in this order: one object shape on the hot path.
  const message: AclMessage = {
    id: state.ids.message(),
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
    sent_at: state.now,
  };
  state.log.emit({ type: 'message.sent', message, seq: 0, t: 0 });
  if (message.reply_by !== undefined && message.reply_with !== undefined && sender !== KERNEL_SENDER) state.correlation.register(message);
  route(state, message, senderNode);
  return message;
}
