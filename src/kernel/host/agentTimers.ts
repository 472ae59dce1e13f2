/**
 * Agent timers (the guest's `set-timer`, the host event `agent.timer`): an agent asks to
 * be woken after `delayMs` on the kernel's clock; when due, if the agent still exists, it
 * gets `inform` from itself with ontology `orrery-timer` and content `{timer: tag}`,
 * through the normal mailbox (a node may always message itself: no link needed).
 * Deterministic in simulation because it is the kernel's scheduler and clock. Timers
 * belong to the agent's name, so they survive its restarts; removing it forgets them.
 */
import type { MessageDraft } from '../../protocol/message';
import { sendMessage } from '../pipeline/send';
import type { KernelState } from '../state/kernelState';
import type { AgentNode } from '../state/nodes';

export const TIMER_ONTOLOGY = 'orrery-timer';
/** One day: longer waits are a mistake, not a timer. */
export const MAX_TIMER_DELAY_MS = 86_400_000;
export const MAX_TIMER_TAG_LENGTH = 256;

export function setTimer(state: KernelState, agent: AgentNode, delayMs: unknown, tag: unknown): void {
  const problem = timerProblem(delayMs, tag);
  if (problem !== undefined) {
    state.log.emit({ type: 'log', agent: agent.name, level: 'warn', text: `timer not set: ${problem}` });
    return;
  }
  const at = state.now + (delayMs as number);
  const token = state.ids.token();
  state.agentTimers.add(agent.name, token);
  state.log.emit({ type: 'timer.set', agent: agent.name, tag: tag as string, at });
  state.scheduler.push(at, { kind: 'agent-timer', agent: agent.name, tag: tag as string, token });
}

/** A timer's time came: wake its agent unless it was removed meanwhile. */
export function timerDue(state: KernelState, name: string, tag: string, token: number): void {
  if (!state.agentTimers.take(name, token)) return;
  const agent = state.registry.agent(name);
  if (agent === undefined) return;
  state.log.emit({ type: 'timer.fired', agent: name, tag });
  const draft: MessageDraft = { performative: 'inform', receiver: name, content: { timer: tag }, ontology: TIMER_ONTOLOGY };
  sendMessage(state, draft, name, agent);
}

function timerProblem(delayMs: unknown, tag: unknown): string | undefined {
  if (typeof delayMs !== 'number' || !Number.isInteger(delayMs) || delayMs < 0 || delayMs > MAX_TIMER_DELAY_MS) {
    return `delayMs must be an integer from 0 to ${MAX_TIMER_DELAY_MS}, got ${typeof delayMs === 'number' ? delayMs : typeof delayMs}`;
  }
  if (typeof tag !== 'string') return `tag must be a string, got ${typeof tag}`;
  if (tag.length > MAX_TIMER_TAG_LENGTH) return `tag must be at most ${MAX_TIMER_TAG_LENGTH} characters, got ${tag.length}`;
  return undefined;
}
