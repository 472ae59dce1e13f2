/** What the parts of an agent worker share (startAgentWorker builds it). */
import type { HostEvent } from '../../../kernel/types';
import type { AgentKind } from '../../../wasm/createAgentKind';
import type { EventsWriter } from '../wire/eventsWire';
import type { AgentSlot } from './agentSlot';
import type { InstanceBudget } from './instanceBudget';
import type { WatchdogWriter } from './watchdogWriter';

export interface AgentWorkerCore {
  /** Kinds by module hash, made from what the host sent. */
  readonly kinds: Map<string, Promise<AgentKind>>;
  readonly agents: Map<string, AgentSlot>;
  /** Live slots by lane (their spawn token): how deliveries find their agent. */
  readonly lanes: Map<number, AgentSlot>;
  /** The next batch to the host: handled and sent records are written here directly. */
  readonly out: EventsWriter;
  /** Live agents with queued work, in the order they became ready. */
  readonly ready: AgentSlot[];
  readonly budget: InstanceBudget;
  readonly watchdog: WatchdogWriter;
  /** A host event other than handled/sent (lifecycle, kv, log, timers). */
  emit(event: HostEvent): void;
  /** A spawn's or delivery's token finished without a `handled` record (reported with the next batch). */
  finished(token: number): void;
  /** The slot if it is still the agent's instance. */
  current(name: string, instance: number): AgentSlot | undefined;
  /** The slot is gone (killed, crashed, replaced): release everything it holds. */
  drop(slot: AgentSlot): void;
  /** now-ms on the kernel's clock, plus `skewMs`. */
  now(skewMs: number): number;
  pump(): void;
  /** Activations so far (passive agents brought back). */
  activated(): void;
}
