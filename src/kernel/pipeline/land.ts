/**
 * The message reached its receiver's node. A client (or the console `you`) gets it at once
 * (stage 5, deliver); an agent's mailbox takes it if its limits allow (stage 3, limits;
 * stage 4, mailbox), otherwise it fails. Either way an answer settles the request it
 * answers (reply_with / reply_by correlation).
 */
import type { AclMessage } from '../../protocol/message';
import { KERNEL_SENDER } from '../../protocol/names';
import type { KernelState } from '../state/kernelState';
import type { AgentNode, ClientNode } from '../state/nodes';
import { reply } from './deliver';
import { failMessage } from './fail';
import { admit, refusal } from './limits';
import { enqueue, enqueueEvictingOldest } from './mailbox';

export function land(
  state: KernelState,
  message: AclMessage,
  node: AgentNode | ClientNode | undefined,
  name: string,
  link: string | undefined,
): void {
  if (node === undefined || node.type === 'client') reply(state, message, name, link);
  else {
    const verdict = admit(node);
    if (verdict === 'accept') enqueue(state, node, message, link);
    else if (verdict === 'evict-oldest') enqueueEvictingOldest(state, node, message, link);
    else {
      failMessage(state, message, name, verdict, refusal(node, verdict), link);
      return;
    }
  }
  const inReplyTo = message.in_reply_to;
  if (inReplyTo !== undefined) {
    // Kernel failures (no-route, crash, ...) settle too: the requester already has its answer.
    if (state.correlation.settle(name, inReplyTo) === 'late') {
      const text = `late reply ${message.id} from "${message.sender}" to "${name}" (in_reply_to ${inReplyTo}) arrived after its timeout; delivered anyway`;
      state.log.emit({ type: 'log', agent: KERNEL_SENDER, level: 'warn', text });
    }
  }
}
