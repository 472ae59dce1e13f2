/**
 * The registry of user-facing errors. Every error people may see has a stable code
 * (`ORR001`...) they can search for, a message saying what was expected and what came,
 * and what to do about it. Codes are never reused or renumbered; add new ones at the end.
 */
import type { ValidationError } from './validate';

export const ERROR_CODES = {
  ORR001: { title: 'Invalid message', hint: 'Fix the named field; a draft needs at least "performative" and "receiver".' },
  ORR002: { title: 'Message too large', hint: 'Send a reference to large data instead, or raise the limit (maxMessageBytes).' },
  ORR003: { title: 'Not JSON', hint: 'A message sent as text must be one JSON object.' },
  ORR004: { title: 'Malformed FIPA-ACL text', hint: 'Write (performative :receiver name :content "...") with balanced parentheses and quoted strings.' },
  ORR010: { title: 'Name already taken', hint: 'Agents, topics and clients share one namespace: pick another name or remove the existing node.' },
  ORR011: { title: 'Invalid name', hint: 'Use a non-empty name without spaces, quotes or parentheses, not "you", "kernel", "*" and not starting with "topic:".' },
  ORR012: { title: 'Unknown node', hint: 'Check the name; the snapshot lists every agent, topic and client.' },
  ORR013: { title: 'Unknown link', hint: 'Check the link id; the snapshot lists every link.' },
  ORR014: { title: 'Invalid link', hint: 'A link joins two different existing nodes, at most once per pair.' },
  ORR015: { title: 'Not possible in this state', hint: 'Check the agent status: e.g. start a stopped agent, resume a suspended one.' },
  ORR016: { title: 'Unknown sender', hint: 'Send from the console (no "from") or from an existing client node.' },
  ORR017: { title: 'Invalid command', hint: 'Commands are objects with a known "type"; see Command in src/kernel/types.ts.' },
  ORR018: { title: 'Invalid agent spec', hint: 'A spec needs a valid name, a kind and, optionally, positive limits.' },
  ORR019: { title: 'Internal kernel error', hint: 'This is a bug in Orrery: please report it with the event log of the run.' },
  ORR020: { title: 'Invalid supervision group', hint: 'A group needs a new name, a strategy (one_for_one, one_for_all, rest_for_one), intensity ≥ 0, periodMs > 0, backoff {minMs, maxMs, randomFactor} and an existing parent, if any.' },
  ORR021: { title: 'Invalid link policy', hint: 'delivery is "at-most-once" or "at-least-once"; retry {initialMs, maxMs, maxAttempts} and breaker {failures, windowMs, openMs} are positive numbers.' },
  ORR022: { title: 'Invalid chaos fault', hint: 'A fault needs an id, a target {links?, agents?}, a probability in [0, 1] and an effect of a known kind with its fields (see FaultEffect in src/kernel/resilienceTypes.ts).' },
  ORR023: { title: 'Invalid agent configuration', hint: 'agent.configure takes an agent name and any of: limits (positive numbers; null = back to the default), restart (permanent, transient, temporary), redelivery ("once", "never"), group (an existing group, or null for the top level), isolated (boolean). Kind and config are fixed: deploy a new agent to change them.' },
  ORR024: { title: 'Invalid group configuration', hint: 'group.configure takes an existing group name and any of: strategy (one_for_one, one_for_all, rest_for_one), intensity ≥ 0, periodMs > 0, backoff {minMs ≤ maxMs, randomFactor ≥ 0}. Membership changes by moving agents (agent.configure with group).' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The serializable form (crosses workers, goes into StepResult). */
export interface OrreryErrorData {
  code: ErrorCode;
  message: string;
  expected?: string;
  received?: string;
  hint?: string;
}

export class OrreryError extends Error {
  override readonly name = 'OrreryError';
  readonly code: ErrorCode;
  readonly expected: string | undefined;
  readonly received: string | undefined;
  readonly hint: string;

  constructor(data: OrreryErrorData) {
    super(`${data.code}: ${data.message}`);
    this.code = data.code;
    this.expected = data.expected;
    this.received = data.received;
    this.hint = data.hint ?? ERROR_CODES[data.code].hint;
  }

  toJSON(): OrreryErrorData {
    const data: OrreryErrorData = { code: this.code, message: this.message.slice(this.code.length + 2), hint: this.hint };
    if (this.expected !== undefined) data.expected = this.expected;
    if (this.received !== undefined) data.received = this.received;
    return data;
  }
}

/** Builds error data, filling the hint from the registry unless a better one is given. */
export function errorData(
  code: ErrorCode,
  message: string,
  details: { expected?: string; received?: string; hint?: string } = {},
): OrreryErrorData {
  const data: OrreryErrorData = { code, message, hint: details.hint ?? ERROR_CODES[code].hint };
  if (details.expected !== undefined) data.expected = details.expected;
  if (details.received !== undefined) data.received = details.received;
  return data;
}

/** Maps a validation error onto its registry code (size: ORR002, JSON text: ORR003, else ORR001). */
export function fromValidation(error: ValidationError): OrreryErrorData {
  const code: ErrorCode =
    error.field !== '(message)' ? 'ORR001' : error.expected.startsWith('at most') ? 'ORR002' : error.got.startsWith('invalid JSON') ? 'ORR003' : 'ORR001';
  return errorData(code, error.message, { expected: error.expected, received: error.got });
}
