/**
 * Message contracts (`orrery.contract/1`): per agent kind and performative, a JSON Schema
 * (draft-07, checked by @cfworker/json-schema) for the content the kind ACCEPTS with that performative and one
 * for the content it SENDS with it.
 */
import type { Performative } from '../../protocol/performatives';

export const CONTRACT_SCHEMA = 'orrery.contract/1';

/** A JSON Schema as the file holds it: an object or a boolean schema. */
export type JsonSchema = boolean | { [keyword: string]: unknown };

export type Direction = 'accepts' | 'sends';

export type PerformativeContract = { [D in Direction]?: JsonSchema };

export interface ContractFile {
  schema: typeof CONTRACT_SCHEMA;
  /** Free-form version string (e.g. semver) naming this revision of the contracts. */
  version: string;
  /** Optional pointer for editors; ignored. */
  $schema?: string;
  /** Agent kind → performative → what it accepts and sends. */
  kinds: Record<string, Partial<Record<Performative, PerformativeContract>>>;
}

/** Where in a contract file: kind, performative, direction. */
export interface ContractRef {
  kind: string;
  performative: Performative;
  direction: Direction;
}

/** A problem found in a contract file, with the path into the file. */
export interface ContractProblem {
  /** `kinds.echo.request.accepts`, `version`, ... */
  path: string;
  message: string;
}

/** A message that does not keep a contract. */
export interface Violation {
  contract: ContractRef;
  /** `sender`: the sender's kind broke its `sends`; `receiver`: the receiver's kind does not accept it. */
  side: 'sender' | 'receiver';
  /** The agent whose contract it is. */
  agent: string;
  messageId?: string;
  /** Sentences naming the path into the content (`content.items[0].sku`). */
  problems: string[];
}

/** One difference between two versions of a contract, and why it is (or is not) breaking. */
export interface Change {
  contract: ContractRef | { kind: string };
  /** Path into the content the change is at (`content.order.items[]`), when it is inside a schema. */
  path?: string;
  rule: ChangeRule;
  reason: string;
}

export type ChangeRule =
  | 'kind-dropped'
  | 'kind-added'
  | 'performative-dropped'
  | 'performative-added'
  | 'required-added'
  | 'required-removed'
  | 'property-added'
  | 'property-removed'
  | 'type-narrowed'
  | 'type-widened'
  | 'type-changed'
  | 'enum-narrowed'
  | 'enum-widened'
  | 'enum-changed'
  | 'bound-tightened'
  | 'bound-loosened'
  | 'closed'
  | 'opened'
  | 'not-reasoned';

export interface ContractComparison {
  breaking: Change[];
  compatible: Change[];
}

/** A violation seen in a run: the message's two ends (the link it crossed) and when. */
export interface ObservedViolation extends Violation {
  /** The message's sender. */
  from: string;
  /** The agent it was for (a topic's or broadcast's receiver is known at delivery). */
  to: string;
  performative: Performative;
  /** The kernel event's seq and time that showed it (`message.sent`, or `message.delivered`). */
  seq: number;
  t: number;
}

/** What a monitor has counted since it started. */
export interface ViolationCounts {
  /** Messages checked (each once, whichever sides were checked). */
  checked: number;
  /** Violations (one message may break its sender's `sends` and its receiver's `accepts`). */
  violations: number;
  /** Messages with at least one violation. */
  messages: number;
  /** By the pair of agents the message went between: `pairKey(from, to)` → violations. */
  byPair: Record<string, number>;
  /** By contract: `contractKey(ref)` (`echo accepts request`) → violations. */
  byContract: Record<string, number>;
}
