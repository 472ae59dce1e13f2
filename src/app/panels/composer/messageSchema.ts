/**
 * The JSON Schema of a message draft, generated from src/protocol (performatives, envelope
 * fields) and the live network (receiver names), for Monaco's JSON language service:
 * completion, hover and validation as you type. The kernel's own validation
 * (`validateDraft`) runs beside it; this schema is the editor's help, not the authority.
 */
import { BROADCAST, TOPIC_PREFIX } from '../../../protocol/message';
import { COMMON_PERFORMATIVES, PERFORMATIVES } from '../../../protocol/performatives';
import { CONSOLE } from '../../../protocol/names';
import { ENVELOPE_FIELDS } from '../../../protocol/validate';

export interface NetworkNames {
  agents: readonly string[];
  topics?: readonly string[];
  clients?: readonly string[];
}

export type JsonSchema = { [key: string]: unknown };

export const MESSAGE_SCHEMA_URI = 'inmemory://orrery/schemas/message.schema.json';

const DESCRIPTIONS: Record<(typeof ENVELOPE_FIELDS)[number], string> = {
  performative: 'The communicative act (FIPA ACL).',
  receiver: 'An agent or client name, a list of names, "*" (everyone linked to the sender) or "topic:<name>".',
  content: 'Any JSON value: what the message is about.',
  sender: 'A client node to send as (needs links); omit to send as the console "you".',
  conversation_id: 'Groups the messages of one interaction; replies keep it.',
  reply_with: 'A tag the reply quotes in its in_reply_to.',
  in_reply_to: 'The reply_with of the message this answers.',
  reply_by: 'Kernel clock time (ms) by which a reply is expected; after it the kernel answers with failure (timeout).',
  protocol: 'Interaction protocol, e.g. fipa-request, fipa-query, fipa-contract-net.',
  ontology: 'The vocabulary the content uses.',
  language: 'The content language, e.g. json.',
};

const nonEmpty = { type: 'string', minLength: 1 };

/** Every name a message may be addressed to, in completion order. */
export function receiverNames(names: NetworkNames): string[] {
  const out = [...names.agents, ...(names.clients ?? [])];
  for (const topic of names.topics ?? []) out.push(`${TOPIC_PREFIX}${topic}`);
  out.push(BROADCAST, CONSOLE);
  return [...new Set(out)];
}

export function buildMessageSchema(names: NetworkNames): JsonSchema {
  // The pragmatic subset first: completion lists it before the rarer acts.
  const performatives = [...COMMON_PERFORMATIVES, ...PERFORMATIVES.filter((p) => !COMMON_PERFORMATIVES.includes(p))];
  const live = receiverNames(names);
  const pointNames = live.filter((n) => n !== BROADCAST && !n.startsWith(TOPIC_PREFIX));
  const liveEnum = live.length > 0 ? [{ enum: live, description: 'A live node, "*" or a topic.' }] : [];

  const properties: Record<string, JsonSchema> = {
    performative: { enum: performatives, description: DESCRIPTIONS.performative },
    receiver: {
      description: DESCRIPTIONS.receiver,
      anyOf: [
        ...liveEnum,
        { ...nonEmpty, description: 'Any node name (the kernel says whether it exists).' },
        {
          type: 'array',
          minItems: 1,
          description: 'Several receivers (no "*" or topics in a list).',
          items: {
            anyOf: [
              ...(pointNames.length ? [{ enum: pointNames }] : []),
              { ...nonEmpty, not: { enum: [BROADCAST] }, pattern: `^(?!${TOPIC_PREFIX})` },
            ],
          },
        },
      ],
    },
    content: { description: DESCRIPTIONS.content },
    reply_by: { type: 'number', description: DESCRIPTIONS.reply_by },
  };
  for (const field of ENVELOPE_FIELDS) {
    properties[field] ??= { ...nonEmpty, description: DESCRIPTIONS[field] };
  }
  properties.sender = { ...nonEmpty, description: DESCRIPTIONS.sender, ...(names.clients?.length ? { examples: [...names.clients] } : {}) };
  properties.protocol = {
    ...nonEmpty,
    description: DESCRIPTIONS.protocol,
    examples: ['fipa-request', 'fipa-query', 'fipa-subscribe', 'fipa-contract-net', 'fipa-propose'],
  };

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: MESSAGE_SCHEMA_URI,
    title: 'Orrery message draft',
    type: 'object',
    required: ['performative', 'receiver'],
    additionalProperties: false,
    properties,
  };
}
