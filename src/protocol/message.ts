import type { Performative } from './performatives';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Where a message goes: an agent or client name, a list of names, `*` (every node
 * linked to the sender) or a topic (`topic:orders/created`).
 */
export type Receiver = string | readonly string[];

export const BROADCAST = '*';
export const TOPIC_PREFIX = 'topic:';

/** What a sender writes: the envelope without what the kernel stamps. */
export interface MessageDraft {
  performative: Performative;
  receiver: Receiver;
  content?: JsonValue;
  /** Ignored for agents (the kernel knows who sent); required for clients. */
  sender?: string;
  conversation_id?: string;
  reply_with?: string;
  in_reply_to?: string;
  /** Absolute time on the kernel clock (ms) by which a reply is expected. */
  reply_by?: number;
  protocol?: string;
  ontology?: string;
  language?: string;
}

/** A message as the kernel routes it: stamped with id, sender and time. */
export interface AclMessage extends MessageDraft {
  id: string;
  sender: string;
  content: JsonValue;
  /** Kernel clock (ms) when the message was accepted for routing. */
  sent_at: number;
}

/** Why a message could not be delivered; carried in `failure` content and dead letters. */
export type FailureReason =
  | 'no-route'
  | 'unknown-receiver'
  | 'timeout'
  | 'agent-crashed'
  | 'agent-stopped'
  | 'mailbox-full'
  | 'oversize'
  | 'invalid-message'
  | 'deadline-exceeded'
  /** The link's circuit breaker is open: failed fast without crossing it. */
  | 'circuit-open'
  /** Lost to a chaos fault (drop, partition, corruption) on an at-most-once link: dead-lettered, the sender is not told. */
  | 'dropped';

export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
