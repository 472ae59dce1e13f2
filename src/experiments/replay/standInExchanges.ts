/**
 * What one agent did with each message it handled in a recording: the messages it sent and
 * the keys it set while handling it (its host events between the delivery and `agent.handled`),
 * or that it crashed on it. A stand-in answers from these.
 */
import type { AclMessage } from '../../protocol/message';
import { scanTape } from './scanTape';
import type { Recording } from './types';

export interface Exchange {
  /** The message as the agent got it. */
  request: AclMessage;
  /** What the agent passed to `send` (JSON text or value), in order. */
  answers: unknown[];
  kv: { key: string; value: string }[];
  /** The agent trapped on it. */
  crashed?: true;
}

export function recordedExchanges(recording: Recording, agent: string): Exchange[] {
  const sent = new Map<string, AclMessage>();
  scanTape(recording.header, recording.tape, 0, (event) => {
    if (event.type === 'message.sent') sent.set(event.message.id, event.message);
  });
  const out: Exchange[] = [];
  let answers: unknown[] = [];
  let kv: Exchange['kv'] = [];
  const reset = (): void => {
    answers = [];
    kv = [];
  };
  for (const { input } of recording.tape) {
    if (!('agent' in input) || input.agent !== agent) continue;
    if (input.type === 'agent.sent') answers.push(input.message);
    else if (input.type === 'kv.set') kv.push({ key: input.key, value: input.value });
    else if (input.type === 'agent.handled' || input.type === 'agent.crashed') {
      const request = input.messageId === undefined ? undefined : sent.get(input.messageId);
      if (request) out.push({ request, answers, kv, ...(input.type === 'agent.crashed' ? { crashed: true as const } : {}) });
      reset();
    } else if (input.type === 'agent.ready') reset(); // what init did is not an answer
  }
  return out;
}
