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
import { createSchemaCollector, type InferOptions, type SchemaCollector } from './inferSchema';
import { CONTRACT_SCHEMA, type ContractFile, type Direction } from './types';

export interface InferContractOptions extends InferOptions {
  /** The draft's version string (default `0.0.0-draft`). */
  version?: string;
}

/** An agent's kind, or undefined for clients, topics, the console and the kernel. */
export type KindOf = (name: string) => string | undefined;

class Samples {
  readonly byKind = new Map<string, Map<Performative, Partial<Record<Direction, SchemaCollector>>>>();

  constructor(private readonly options: InferContractOptions) {}

  add(kind: string, performative: Performative, direction: Direction, content: unknown): void {
    let perf = this.byKind.get(kind);
    if (!perf) this.byKind.set(kind, (perf = new Map()));
    let entry = perf.get(performative);
    if (!entry) perf.set(performative, (entry = {}));
    (entry[direction] ??= createSchemaCollector(this.options)).add(content ?? null);
  }

  contract(): ContractFile {
    const kinds: [string, ContractFile['kinds'][string]][] = [];
    for (const kind of [...this.byKind.keys()].sort()) {
      const perfs = this.byKind.get(kind)!;
      const entries = [...perfs.keys()].sort().map((p) => {
        const { accepts, sends } = perfs.get(p)!;
        const entry: Record<string, unknown> = {};
        if (accepts) entry.accepts = accepts.schema();
        if (sends) entry.sends = sends.schema();
        return [p, entry];
      });
      kinds.push([kind, Object.fromEntries(entries) as ContractFile['kinds'][string]]);
    }
    return { schema: CONTRACT_SCHEMA, version: this.options.version ?? '0.0.0-draft', kinds: Object.fromEntries(kinds) };
  }
}

/** From messages alone: receivers are the names in `receiver` (broadcasts and topics are skipped). */
export function inferContract(messages: readonly AclMessage[], kindOf: KindOf, options: InferContractOptions = {}): ContractFile {
  const samples = new Samples(options);
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
  return samples.contract();
}

/** From an event log: senders from `message.sent`, receivers from `message.delivered` (topics and broadcasts included). */
export function inferContractFromEvents(events: readonly KernelEvent[], kindOf: KindOf, options: InferContractOptions = {}): ContractFile {
  const inference = createContractInference(kindOf, { ...options, remember: Infinity });
  inference.observe(events);
  return inference.contract();
}

export interface ContractInferenceOptions extends InferContractOptions {
  /** Kinds from the `agent.deployed` events observed, as of each message, before `kindOf` (default false). */
  deployedKinds?: boolean;
  /** Sent messages remembered to attribute their deliveries to receivers (default 65,536; the oldest go first). */
  remember?: number;
}

/** `inferContractFromEvents` one slice of events at a time, over a run of any length. */
export interface ContractInference {
  observe(events: readonly KernelEvent[]): void;
  /** `message.sent` events observed so far. */
  readonly messages: number;
  contract(): ContractFile;
}

/** Memory grows with the content shapes seen and the remembered messages, not with the run. */
export function createContractInference(kindOf: KindOf, options: ContractInferenceOptions = {}): ContractInference {
  const samples = new Samples(options);
  const remember = options.remember ?? 65_536;
  // A sent message and the kinds its deliveries were already counted for.
  const sent = new Map<string, { message: AclMessage; counted: Set<string> }>();
  const deployed = new Map<string, string>();
  const kindAt = options.deployedKinds ? (name: string) => deployed.get(name) ?? kindOf(name) : kindOf;
  let messages = 0;
  const observeOne = (event: KernelEvent) => {
    if (event.type === 'agent.deployed') deployed.set(event.agent, event.kind);
    else if (event.type === 'message.sent') {
      messages++;
      sent.set(event.message.id, { message: event.message, counted: new Set() });
      if (sent.size > remember) sent.delete(sent.keys().next().value!);
      const kind = kindAt(event.message.sender);
      if (kind !== undefined) samples.add(kind, event.message.performative, 'sends', event.message.content);
    } else if (event.type === 'message.delivered') {
      const entry = sent.get(event.messageId);
      const kind = kindAt(event.to);
      if (!entry || kind === undefined || entry.counted.has(kind)) return;
      entry.counted.add(kind);
      samples.add(kind, entry.message.performative, 'accepts', entry.message.content);
    }
  };
  return {
    observe(events) {
      for (const event of events) observeOne(event);
    },
    get messages() {
      return messages;
    },
    contract: () => samples.contract(),
  };
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
