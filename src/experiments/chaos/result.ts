/** What a run of an experiment produces: verdicts per window, a timeline, counts, the hash. */
import type { FaultKind } from '../../kernel/resilienceTypes';
import type { ContractsSummary } from '../contracts/watchContracts';
import type { OutcomeSummary } from '../metrics/requests';
import type { ProbeVerdict } from './probes';
import type { WindowKind } from './types';

export interface WindowResult {
  /** `before`, `during:<phase>`, `after`. */
  name: string;
  kind: WindowKind;
  phase?: string;
  /** Kernel clock times (absolute, like the events' `t`). */
  start: number;
  end: number;
  pass: boolean;
  probes: ProbeVerdict[];
}

export type TimelineKind =
  | 'setup'
  | 'phase.start'
  | 'phase.end'
  | 'fault.injected'
  | 'fault.cleared'
  | 'probe'
  | 'agent.crashed'
  | 'agent.restarted'
  | 'agent.backoff'
  | 'agent.failed'
  | 'group.escalated'
  | 'chaos.applied'
  | 'error';

export interface TimelineEntry {
  /** Kernel clock time. */
  t: number;
  kind: TimelineKind;
  /** One line for a tooltip or a list. */
  label: string;
  phase?: string;
  agent?: string;
  /** Fault id (injected, cleared, applied). */
  fault?: string;
  faultKind?: FaultKind;
  /** Probe entries: the window and verdict. */
  window?: string;
  probe?: string;
  pass?: boolean;
}

/** The request outcomes (see `summarizeOutcomes`) plus what else happened in the run. */
export interface RunCounts extends OutcomeSummary {
  events: number;
  deadLetters: number;
  crashes: number;
  restarts: number;
  escalations: number;
  /** chaos.injected events by fault kind (each drop, duplicate, kill...). */
  faultsApplied: Record<string, number>;
}

export interface FailedCheck {
  window: string;
  probe: string;
  value: number | null;
  threshold: string;
  detail: string;
}

export interface ExperimentResult {
  experiment: string;
  mode: 'simulation' | 'live';
  seed: number;
  /** Every checked probe passed and every command was accepted. */
  pass: boolean;
  /** Kernel time at the start of the workload; windows and timeline are absolute. */
  t0: number;
  end: number;
  windows: WindowResult[];
  failures: FailedCheck[];
  timeline: TimelineEntry[];
  counts: RunCounts;
  /** SHA-256 of the canonical event log: equal hashes, identical runs. */
  hash: string;
  /** Commands the kernel refused (a fault that was not injected makes the run fail). */
  errors: string[];
  wallMs: number;
  /** Kernel time the run covered (setup to drain). */
  virtualMs: number;
  /** Present when the run was given contracts: messages checked and the violations seen. */
  contracts?: ContractsSummary;
}
