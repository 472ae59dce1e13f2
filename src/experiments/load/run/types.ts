/**
 * The load runner's contract: what a run reports while it goes (LoadProgress), what it
 * returns (LoadRunResult), and the hooks a canary (or anything else) plugs into without the
 * runner knowing what it is. Shared by the runner, the canary, the CLI and the browser.
 */
import type { KernelOptions } from '../../../kernel/kernel';
import type { Command, Rng } from '../../../kernel/types';
import type { KindLibrary } from '../../../hosts/inProcess';
import type { Experiment } from '../../chaos/types';
import type { Contracts } from '../../contracts/parseContract';
import type { ContractsSummary } from '../../contracts/watchContracts';
import type { ErrorKind } from '../metrics/loadMetrics';
import type { SeriesPoint } from '../metrics/timeSeries';
import type { LoadSummary, SummaryAnnotation } from '../summary/buildSummary';
import type { ThresholdResult } from '../thresholds/evaluateThresholds';

export type LoadRunMode = 'simulation' | 'live';

export interface LoadTotals {
  started: number;
  sent: number;
  ok: number;
  errors: number;
  dropped: number;
  interrupted: number;
  inFlight: number;
}

/** A canary release as the canvas and the panel show it (computed by the canary hooks). */
export interface CanaryView {
  stable: string;
  canary: string;
  stage: number;
  stages: number;
  weight: number;
  state: 'pending' | 'running' | 'judging' | 'promoted' | 'rolling-back' | 'draining' | 'rolled-back';
  verdicts: {
    stage: number;
    weight: number;
    passed: boolean;
    reasons: string[];
    canary: { requests: number; errorRate: number; p95: number };
    stable: { requests: number; errorRate: number; p95: number };
  }[];
}

export interface LoadProgress {
  /** Run time since the load started. */
  atMs: number;
  /** 0..1 (scenarioSet progress). */
  fraction: number;
  timeLeftMs: number;
  vus: number;
  maxVUs: number;
  /** Busy and allocated VUs of each scenario (a Client node shows its scenario's). */
  scenarioVus?: Record<string, { vus: number; maxVUs: number }>;
  totals: LoadTotals;
  /** New 1 s series points since the previous progress, by metric key (requests, latency, errors, error_rate, vus, dropped_iterations; and `latency{scenario:x}` etc.). */
  points: Record<string, SeriesPoint[]>;
  /** Messages per link id since the previous progress (canvas colouring). */
  linkLoad: Record<string, number>;
  /** The latest threshold check. */
  thresholds: ThresholdResult[];
  /** Faults, canary stages so far. */
  annotations: SummaryAnnotation[];
  /** From the canary hooks, when the experiment has one. */
  canary?: CanaryView;
}

export interface LoadRunResult {
  mode: LoadRunMode;
  seed: number;
  name: string;
  /** buildSummary(...): text, JSON and HTML come from it. */
  summary: LoadSummary;
  /** summary.passed */
  passed: boolean;
  stoppedBy?: 'stop' | 'abort' | 'threshold';
  /** sent = ok + errors (+ still in flight at abort); dropped separately. */
  totals: LoadTotals;
  /** Simulation: SHA-256 of the canonical log (createLogHasher). */
  logHash?: string;
  wallMs: number;
  canary?: CanaryView;
  /** Set when an abortOnFail threshold stopped the run: where the open-model scenarios' schedules stood then. */
  breakingPoint?: BreakingPoint;
  /** Present when the run was given contracts: messages checked and the violations seen. */
  contracts?: ContractsSummary;
}

export interface BreakingPoint {
  /** Run time of the threshold check that stopped the run. */
  atMs: number;
  /** `latency{scenario:ramp} p(95)<50`. */
  threshold: string;
  observed: number | null;
  /** Scheduled iterations per second of each arrival-rate scenario running at that moment. */
  rates: Record<string, number>;
}

/** The canary plugs in here; the runner knows nothing of canaries. */
export interface LoadRunHooks {
  /** Commands applied after the topology is built, before the load starts (deploy the canary). */
  setup?(): Command[];
  /** The agent an iteration's message really goes to (traffic split); default: the planned receiver. */
  route?(receiver: string, atMs: number, rng: Rng): string;
  /** Every finished iteration message: its agent, outcome and latency. */
  observe?(o: { agent: string; scenario: string; ok: boolean; kind?: ErrorKind; latencyMs?: number; atMs: number }): void;
  /** At least every 100 ms of run time; `inFlight(agent)` = requests awaiting a reply from it. Returns commands to apply now. */
  tick?(atMs: number, inFlight: (agent: string) => number): Command[];
  /** true while the hooks need the run to go on after the scenarios end (a canary still draining). */
  busy?(): boolean;
  annotations?(): SummaryAnnotation[];
  view?(): CanaryView;
}

export interface LoadRunOptions {
  seed?: number;
  /** Stop: no new iterations, in-flight ones finish (gracefulStop). Abort: interrupt now. Both still produce a result. */
  stopSignal?: AbortSignal;
  abortSignal?: AbortSignal;
  onProgress?(p: LoadProgress): void;
  /** Default 500 ms of run time. */
  progressEveryMs?: number;
  hooks?: LoadRunHooks;
  /** Resolves `chaos.experiment` by name to a parsed chaos experiment (gallery or file). */
  resolveChaos?(name: string): Experiment | undefined;
  /** Check every message against these; the result counts the violations (`contracts`). */
  contracts?: Contracts;
}

export type SimulatedLoadRunOptions = LoadRunOptions & {
  library: KindLibrary;
  /** The kernel's input tap (a recording's tape: src/experiments/replay). */
  onInput?: KernelOptions['onInput'];
};
