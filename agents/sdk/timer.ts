// Timer wake-ups: the kernel delivers `setTimer(delayMs, tag)` as a message from the agent
// to itself: inform, ontology "orrery-timer", content {"timer": tag}.
import { Message } from "./message";

export const TIMER_ONTOLOGY = "orrery-timer";

/**
 * The tag of a timer wake-up, or null if `msg` is not one. A wake-up comes from the agent
 * itself (the kernel stamps the sender, so no other agent can forge one).
 */
export function timerTag(msg: Message): string | null {
  const ontology = msg.ontology;
  if (ontology === null || ontology != TIMER_ONTOLOGY) return null;
  const receiver = msg.envelope.getString("receiver");
  if (receiver === null || receiver != msg.sender) return null;
  return msg.content.getString("timer");
}
