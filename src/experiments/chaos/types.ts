/**
 * A chaos experiment as plain JSON (saved, shared, checked by parseExperiment against
 * EXPERIMENT_JSON_SCHEMA and crossCheck; bounds in limits.ts): a
 * topology, a workload, a steady-state hypothesis (probes) and a schedule of fault phases
 * (Maelstrom style: each phase a time window whose faults are injected at its start and
 * cleared at its end; then heal, settle, check).
 *
 * Timeline of a run, relative to t0 (after setup, once every agent is running):
 *   [0, warmupMs)                     workload starts, nothing checked
 *   before   = [warmupMs, +steadyMs)  steady state checked
 *   during:p = each phase in order    faults active, probes checked; then phase.settleMs unchecked
 *   (settleMs)                        healed, unchecked
 *   after    = [.., +recoveryMs)      recovery checked
 *   then the workload stops and the run drains for drainMs so every request can be answered.
 */
import type { AgentSpec, Command } from '../../kernel/types';
import type { FaultEffect, FaultSpec, LinkPolicy, SupervisorSpec } from '../../kernel/resilienceTypes';
import type { JsonValue } from '../../protocol/message';
import type { Performative } from '../../protocol/performatives';

export const EXPERIMENT_SCHEMA = 'orrery.experiment/1';

export interface Experiment {
  /** Where the file's JSON Schema lives (editors use it for completion); any URI or path. */
  $schema?: string;
  schema: typeof EXPERIMENT_SCHEMA;
  name: string;
  description?: string;
  /** The seed used when none is given to the runner. */
  seed?: number;
  topology: Topology;
  workload: Workload;
  /** Optional in a file: parseExperiment fills in defaultHypothesis() when it is left out. */
  hypothesis: ProbeSpec[];
  schedule: ExperimentSchedule;
  /** Simulated durations (simulation shell only). */
  simulation?: { handleMs?: { min: number; max: number }; spawnMs?: { min: number; max: number } };
}

export interface Topology {
  groups?: SupervisorSpec[];
  clients?: string[];
  topics?: string[];
  agents: AgentSpec[];
  links?: TopologyLink[];
  /** Extra commands applied after the rest, in order. */
  commands?: Command[];
}

export interface TopologyLink {
  id?: string;
  a: string;
  b: string;
  policy?: Partial<LinkPolicy>;
}

export interface Workload {
  clients: ClientLoad[];
}

export interface ClientLoad {
  /** A client node (in topology.clients) linked to each target. */
  client: string;
  targets: string[];
  ratePerSecond: number;
  /** uniform: evenly spaced; poisson: exponential gaps from the seeded Rng. Default uniform. */
  arrival?: 'uniform' | 'poisson';
  /** Default round-robin. */
  pick?: 'round-robin' | 'random';
  performative?: Performative;
  /** Sent as is. Default `{"seq": n}`. */
  content?: JsonValue;
  /** reply_by = now + timeoutMs. */
  timeoutMs: number;
}

export type WindowKind = 'before' | 'during' | 'after';

interface ProbeBase {
  /** Unique within the experiment; default the probe name (suffixed #2, #3 when repeated). */
  id?: string;
  /** Where to check; default all three. */
  windows?: WindowKind[];
}

export type ProbeSpec = ProbeBase &
  (
    | { probe: 'latency'; percentile: number; maxMs: number; only?: 'all' | 'success' }
    /** Every request sent in the window has exactly one answer (a reply or a failure) by the end of the run. */
    | { probe: 'no-lost-messages' }
    /** Every agent (or those named) is running at the end of the window. */
    | { probe: 'all-agents-running'; agents?: string[] }
    | { probe: 'dead-letters'; max: number }
    /** Requests sent in the window whose first answer is not a failure / not-understood / refuse. */
    | { probe: 'success-rate'; min: number }
    | { probe: 'restarts'; max: number }
    | { probe: 'throughput'; minPerSecond: number }
  );

export type ProbeName = ProbeSpec['probe'];

/** A FaultSpec whose id may be left out (the runner names it `<phase>/<index>`). */
export type FaultInput = Omit<FaultSpec, 'id'> & { id?: string };

export interface Pulse {
  /** Inject at the phase start and every `everyMs` after, within the phase. */
  everyMs: number;
  /** Cleared this long after each injection. Default everyMs / 2. */
  holdMs?: number;
  /** one: each pulse targets one agent of fault.target.agents, drawn from the seeded Rng. Default all. */
  pick?: 'all' | 'one';
  fault: FaultInput;
}

export interface Phase {
  name: string;
  durationMs: number;
  faults?: FaultInput[];
  pulses?: Pulse[];
  /** Unchecked time after the phase's faults are cleared, before what comes next. */
  settleMs?: number;
  /** Probe ids checked in this phase (default: every probe whose windows include "during"). */
  probes?: string[];
}

export interface ExperimentSchedule {
  warmupMs: number;
  steadyMs: number;
  phases: Phase[];
  /** Unchecked time after the last phase. */
  settleMs: number;
  recoveryMs: number;
  /** After the workload stops; default the longest request timeout + 100 ms. */
  drainMs?: number;
  /** Live shells: how long to wait for every agent to be running after setup. Default 10 s. */
  setupTimeoutMs?: number;
}

export type { FaultEffect, FaultSpec };
