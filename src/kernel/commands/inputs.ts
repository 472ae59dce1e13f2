/** Messages from outside the agents: the console and client nodes. */
import { errorData, fromValidation, type OrreryErrorData } from '../../protocol/errors';
import { CONSOLE } from '../../protocol/names';
import { checkDraft, DraftError } from '../../protocol/validate';
import { describeValue } from '../../protocol/describe';
import { sendMessage } from '../pipeline/send';
import type { KernelState } from '../state/kernelState';
import type { ClientNode } from '../state/nodes';

/**
 * A message from the console (`from` omitted or "you") or a client node (`from`, or the
 * draft's `sender` when `from` is omitted). The console may not speak as an agent: a
 * `sender` naming anything but a client is refused, so the log never lies about who sent.
 */
export function consoleSend(state: KernelState, input: unknown, from: unknown): OrreryErrorData | undefined {
  const claimed = from === undefined ? CONSOLE : from;
  const draft = checkDraft(input, state.maxMessageBytes);
  if (draft instanceof DraftError) return invalid(state, typeof claimed === 'string' ? claimed : CONSOLE, fromValidation(draft));
  let sender = claimed;
  if (draft.sender !== undefined && draft.sender !== sender) {
    if (from !== undefined && from !== CONSOLE) {
      return invalid(
        state,
        String(from),
        errorData('ORR016', `sender "${draft.sender}" does not match from "${String(from)}"`, {
          expected: `sender "${String(from)}" or none`,
          received: `"${draft.sender}"`,
        }),
      );
    }
    sender = draft.sender;
  }
  let node: ClientNode | undefined;
  if (sender !== CONSOLE) {
    const found = typeof sender === 'string' ? state.registry.get(sender) : undefined;
    if (found?.type !== 'client') {
      const name = typeof sender === 'string' ? `"${sender}"` : describeValue(sender);
      const why = found ? `${name} is an ${found.type}, not a client` : `no client named ${name}`;
      return invalid(
        state,
        typeof sender === 'string' ? sender : CONSOLE,
        errorData('ORR016', `cannot send as ${name}: ${why}`, { expected: 'the console or an existing client', received: name }),
      );
    }
    node = found;
  }
  sendMessage(state, draft, sender as string, node);
  return undefined;
}

function invalid(state: KernelState, from: string, error: OrreryErrorData): OrreryErrorData {
  state.log.emit({ type: 'message.invalid', from, error: error.message });
  return error;
}
