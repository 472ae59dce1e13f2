/**
 * Problems the kernel would only report after the fact, found before sending: a receiver
 * no node on the canvas is named (the kernel dead-letters it as `unknown-receiver`) and a
 * performative the receiving agent's kind does not handle (it answers not-understood).
 * Warnings, not errors: sending stays possible (testing a failure path is legitimate).
 */
import { BROADCAST, TOPIC_PREFIX, type MessageDraft } from '../../../protocol/message';
import { CONSOLE } from '../../../protocol/names';
import { acceptedBy } from './kindAccepts';

/** What the Composer knows of the live network. */
export interface NetworkView {
  /** Agent name → kind. */
  agents: Readonly<Record<string, string>>;
  topics: readonly string[];
  clients: readonly string[];
}

export interface DraftProblem {
  /** The field the problem is about, as `validateDraft` names fields (`receiver`, `receiver[1]`, `performative`). */
  field: string;
  message: string;
}

const MAX_LISTED = 8;

function listed(names: readonly string[]): string {
  if (names.length === 0) return 'nothing is deployed';
  const shown = names.slice(0, MAX_LISTED).join(', ');
  return names.length > MAX_LISTED ? `${shown} and ${names.length - MAX_LISTED} more` : shown;
}

function receiverProblem(name: string, field: string, draft: MessageDraft, network: NetworkView): DraftProblem | null {
  if (name === BROADCAST || name === CONSOLE) return null;
  if (name.startsWith(TOPIC_PREFIX)) {
    const topic = name.slice(TOPIC_PREFIX.length);
    if (network.topics.includes(topic)) return null;
    return {
      field,
      message: `${field}: no topic is named "${topic}" (topics: ${listed(network.topics)}); the kernel would dead-letter it as unknown-receiver.`,
    };
  }
  const kind = Object.hasOwn(network.agents, name) ? network.agents[name] : undefined;
  if (kind === undefined) {
    if (network.clients.includes(name)) return null;
    const known = [...Object.keys(network.agents), ...network.clients];
    return {
      field,
      message: `${field}: no agent or client is named "${name}" (live: ${listed(known)}); the kernel would dead-letter it as unknown-receiver.`,
    };
  }
  const accepts = acceptedBy(kind);
  if (!accepts || accepts.includes(draft.performative)) return null;
  return {
    field: 'performative',
    message: `performative: ${name} (${kind}) does not accept "${draft.performative}"; it handles ${accepts.join(', ')}, and would answer not-understood.`,
  };
}

/** The addressing problems of a draft the kernel already accepts as well-formed. */
export function addressingProblems(draft: MessageDraft, network: NetworkView): DraftProblem[] {
  const receivers = typeof draft.receiver === 'string' ? [draft.receiver] : draft.receiver;
  const single = typeof draft.receiver === 'string';
  const problems: DraftProblem[] = [];
  receivers.forEach((name, i) => {
    const problem = receiverProblem(name, single ? 'receiver' : `receiver[${i}]`, draft, network);
    if (problem && !problems.some((p) => p.message === problem.message)) problems.push(problem);
  });
  return problems;
}
