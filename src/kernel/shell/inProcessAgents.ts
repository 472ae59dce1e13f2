/**
 * The plug between the single-thread shell and whatever runs agents in process: JS
 * behaviours (createBehaviorAgents, for kernel tests) and wasm components (the adapter in
 * src/hosts/inProcess). The shell owns scheduling, faults and time; an implementation only
 * makes instances, runs one call at a time, and reports what the guest did as host events.
 *
 * The contract is the worker runtime's (the kernel must not be able to tell hosts apart):
 * - `init` that *returns* an error (or an instance that cannot be made) is
 *   `agent.init-failed`; a *trap* inside `init` is `agent.crashed` (no message blamed).
 * - Events a guest causes (sent, kv.set, log, timer) come before the `ready` / `handled` /
 *   `crashed` of the call that caused them, also when the call traps.
 * - A guest's set-timer call becomes the `agent.timer` host event, as kv-set becomes kv.set.
 */
import type { Effect, HostEvent } from '../index';

export type SpawnEffect = Extract<Effect, { type: 'spawn' }>;
export type DeliverEffect = Extract<Effect, { type: 'deliver' }>;

export interface InProcessAgents {
  /** Makes the instance and runs init: what init did, then ready / init-failed / crashed. */
  spawn(effect: SpawnEffect): HostEvent[] | Promise<HostEvent[]>;
  /** Runs one delivery now: what the handler did, then handled / crashed. [] for a stale instance. */
  deliver(effect: DeliverEffect): HostEvent[];
  /** The instance is gone (killed, or crashed by a fault): forget it. */
  kill(agent: string, instance: number): void;
  dispose?(): void;
}

/** What the shell offers the agents it runs. */
export interface InProcessEnv {
  /** The agent's now-ms: the shell's clock plus any clock-skew fault on it. */
  now(agent: string): number;
}

/** Made by the shell when it starts, so the agents read the shell's own clock. */
export type InProcessAgentsFactory = (env: InProcessEnv) => InProcessAgents;
