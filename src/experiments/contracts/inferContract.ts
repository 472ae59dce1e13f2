/**
 * A draft contract from observed messages: for each kind, per performative, what its agents
 * were seen to send and to accept (inferSchema.ts). Every observed message keeps the draft.
 * Broadcasts and topics are attributed to receivers only through delivery events
 * (`inferContractFromEvents`), since the message alone does not say who got it.
 */
import type { AclMessage } from '../../protocol/message';
import { BROADCAST, TOPIC_PREFIX } from '../../protocol/message';
import type { Performative } from '../../protocol/performatives';
import type { KernelEvent } from '../../kernel/types';
import { inferSchema, type InferOptions } from './inferSchema';
import { CONTRACT_SCHEMA, type ContractFile, type Direction } from './types';

export interface InferContractOptions extends InferOptions {
  /** The draft's version string (default `0.0.0-draft`). */
  version?: string;
}

/** An agent's kind, or undefined for clients, topics, the console and the kernel. */
export type KindOf = (name: string) => string | undefined;

class Samples {
  readonly byKind = new Map<string, Map<Performative, Record<Direction, unknown[]>>>();

  add(kind: string, performative: Performative, direction: Direction, content: unknown): void {
    let perf = this.byKind.get(kind);
    if (!perf) this.byKind.set(kind, (perf = new Map()));
    let entry = perf.get(performative);
    if (!entry) perf.set(performative, (entry = { accepts: [], sends: [] }));
    entry[direction].push(content ?? null);
  }

  contract(options: InferContractOptions): ContractFile {
    const kinds: [string, ContractFile['kinds'][string]][] = [];
    for (const kind of [...this.byKind.keys()].sort()) {
      const perfs = this.byKind.get(kind)!;
      const entries = [...perfs.keys()].sort().map((p) => {
        const { accepts, sends } = perfs.get(p)!;
        const entry: Record<string, unknown> = {};
        if (accepts.length > 0) entry.accepts = inferSchema(accepts, options);
        if (sends.length > 0) entry.sends = inferSchema(sends, options);
        return [p, entry];
      });
      kinds.push([kind, Object.fromEntries(entries) as ContractFile['kinds'][string]]);
    }
    return { schema: CONTRACT_SCHEMA, version: options.version ?? '0.0.0-draft', kinds: Object.fromEntries(kinds) };
  }
}

/** From messages alone: receivers are the names in `receiver` (broadcasts and topics are skipped). */
export function inferContract(messages: readonly AclMessage[], kindOf: KindOf, options: InferContractOptions = {}): ContractFile {
  const samples = new Samples();
  for (const message of messages) {
    const senderKind = kindOf(message.sender);
    if (senderKind !== undefined) samples.add(senderKind, message.performative, 'sends', message.content);
    const names = typeof message.receiver === 'string' ? [message.receiver] : message.receiver;
    const kinds = new Set<string>();
    for (const name of names) {
      if (name === BROADCAST || name.startsWith(TOPIC_PREFIX)) continue;
      const kind = kindOf(name);
      if (kind !== undefined) kinds.add(kind);
    }
    for (const kind of kinds) samples.add(kind, message.performative, 'accepts', message.content);
  }
  return samples.contract(options);
}

/** From an event log: senders from `message.sent`, receivers from `message.delivered` (topics and broadcasts included). */
export function inferContractFromEvents(events: readonly KernelEvent[], kindOf: KindOf, options: InferContractOptions = {}): ContractFile {
  const samples = new Samples();
  const sent = new Map<string, AclMessage>();
  const counted = new Set<string>();
  for (const event of events) {
    if (event.type === 'message.sent') {
      sent.set(event.message.id, event.message);
      const kind = kindOf(event.message.sender);
      if (kind !== undefined) samples.add(kind, event.message.performative, 'sends', event.message.content);
    } else if (event.type === 'message.delivered') {
      const message = sent.get(event.messageId);
      const kind = kindOf(event.to);
      const key = `${event.messageId}\u0000${kind}`;
      if (!message || kind === undefined || counted.has(key)) continue;
      counted.add(key);
      samples.add(kind, message.performative, 'accepts', message.content);
    }
  }
  return samples.contract(options);
}

/** Agent → kind from `agent.deployed` events (or a snapshot's agents), for `kindOf`. */
export function kindsFrom(source: readonly KernelEvent[] | readonly { name: string; kind: string }[]): KindOf {
  const kinds = new Map<string, string>();
  for (const item of source) {
    if ('type' in item) {
      if (item.type === 'agent.deployed') kinds.set(item.agent, item.kind);
    } else kinds.set(item.name, item.kind);
  }
  return (name) => kinds.get(name);
}
