/**
 * The `corrupt` fault: one envelope field gets a damaged value (a seeded character
 * flipped). A damaged performative or receiver no longer passes the receiving kernel's
 * envelope check (`invalid` says why): the message is refused, not misrouted. Damaged
 * content, conversation_id or in_reply_to are well-formed, so the agent gets them as they
 * are and must cope (a not-understood, a reply its requester does not recognise...).
 */
import type { AclMessage } from '../../protocol/message';
import type { Performative } from '../../protocol/performatives';
import type { KernelState } from '../state/kernelState';
import type { FaultEffect } from '../resilienceTypes';

type Field = Extract<FaultEffect, { kind: 'corrupt' }>['field'];

export function corrupt(state: KernelState, message: AclMessage, field: Field): { message: AclMessage; invalid: string | undefined } {
  const copy: AclMessage = { ...message };
  switch (field) {
    case 'performative':
      copy.performative = garble(state, message.performative) as Performative;
      return { message: copy, invalid: `performative corrupted in transit ("${copy.performative}")` };
    case 'receiver':
      copy.receiver = garble(state, typeof message.receiver === 'string' ? message.receiver : message.receiver.join(','));
      return { message: copy, invalid: `receiver corrupted in transit ("${String(copy.receiver)}")` };
    case 'content':
      copy.content = garble(state, JSON.stringify(message.content) ?? 'null');
      return { message: copy, invalid: undefined };
    case 'conversation_id':
      copy.conversation_id = garble(state, message.conversation_id ?? '');
      return { message: copy, invalid: undefined };
    case 'in_reply_to':
      copy.in_reply_to = garble(state, message.in_reply_to ?? '');
      return { message: copy, invalid: undefined };
  }
}

/** The text with one character, chosen by the Rng, replaced by a different one. */
function garble(state: KernelState, text: string): string {
  if (text.length === 0) return '\uFFFD';
  const at = Math.floor(state.rng.next() * text.length);
  let code = 0x21 + Math.floor(state.rng.next() * 94);
  if (code === text.charCodeAt(at)) code = 0xfffd;
  return text.slice(0, at) + String.fromCharCode(code) + text.slice(at + 1);
}
