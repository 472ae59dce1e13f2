/**
 * A load experiment (`orrery.load/1`): the system under test, scenarios that load it (k6's
 * executors, each with its own target, message and start time), thresholds that decide
 * pass or fail, a latency model for simulated time, and chaos to run alongside.
 *
 * `LoadExperimentFile` is what a person writes (durations as k6 text such as "30s" or as
 * milliseconds); `LoadExperiment` is what parseLoadExperiment returns: every duration in
 * milliseconds under the same name, k6's defaults filled in, thresholds parsed.
 */
import type { AgentSpec, Command } from '../../../kernel/types';
import type { FaultSpec, LinkPolicy, SupervisorSpec } from '../../../kernel/resilienceTypes';
import type { JsonValue } from '../../../protocol/message';
import type { Performative } from '../../../protocol/performatives';
import type { ExecutorConfig, Stage } from '../executors/types';
import type { Threshold } from '../thresholds/parseThresholds';

/** A duration as a file writes it: milliseconds, or k6 text (`"30s"`, `"1m30s"`, `"500ms"`). */
export type DurationInput = number | string;

export const LOAD_EXPERIMENT_SCHEMA = 'orrery.load/1';

export interface LoadTopology {
  groups?: SupervisorSpec[];
  clients?: string[];
  agents: AgentSpec[];
  links?: { id?: string; a: string; b: string; policy?: Partial<LinkPolicy> }[];
  commands?: Command[];
}

/** The message an iteration sends, without its receiver (the scenario's target); strings may hold placeholders (template.ts). */
export interface MessageTemplate {
  performative: Performative;
  content?: JsonValue;
  protocol?: string;
  ontology?: string;
  language?: string;
  conversation_id?: string;
}

/** request: await the reply (or the timeout) before thinking; send: fire and forget. */
export type IterationMode = 'request' | 'send';

/** Think time after the reply (request) or the send: fixed, or drawn uniformly from the seed. */
export type ThinkTime = { minMs: number; maxMs: number };

interface ScenarioMessage {
  /** Receiver of each iteration's message: an agent, or a template such as "echo-${vu}". */
  target: string;
  /** The client node that sends for VU n; a template. Default the scenario's name: one client node per scenario, whatever its VUs ("<scenario>-${vu}" spreads them). */
  client: string;
  message: MessageTemplate;
  mode: IterationMode;
  /** request mode: a reply later than this counts as a timeout (reply_by = send time + timeoutMs). */
  timeoutMs: number;
  thinkTime: ThinkTime;
  /** Extra tags on the scenario's metrics (thresholds can select them: `req_duration{tier:gold}`). */
  tags?: Record<string, string>;
}

/** A parsed scenario: an executor's config (ms, defaults filled) and what each iteration does. */
export type LoadScenario = ExecutorConfig & ScenarioMessage & { startTime: number; gracefulStop: number };

export type LatencyDistribution =
  | { distribution: 'fixed'; ms: number }
  | { distribution: 'uniform'; minMs: number; maxMs: number }
  /** Long-tailed: the median and the 99th percentile set the shape. */
  | { distribution: 'lognormal'; medianMs: number; p99Ms: number };

/** Simulated time only: transit time per link and handling time per agent. */
export interface LatencyModel {
  /** Every link without an entry in `links`. */
  link?: LatencyDistribution;
  /** By link id (`<a>--<b>` unless the topology names it). */
  links?: Record<string, LatencyDistribution>;
  /** Every agent without an entry in `agents`. */
  agent?: LatencyDistribution;
  agents?: Record<string, LatencyDistribution>;
}

/** A fault of the chaos vocabulary, injected `atMs` after the start and cleared `durationMs` later (never, if left out). */
export interface TimedFault {
  atMs: number;
  durationMs?: number;
  fault: Omit<FaultSpec, 'id'> & { id?: string };
}

/** Chaos to run with the load: a chaos experiment by name (the gallery's, or a file the runner is given), or faults inline. */
export type LoadChaos = { experiment: string; faults?: undefined } | { faults: TimedFault[]; experiment?: undefined };

/** One stage of a canary release: `weight` % of the stable agent's traffic goes to the canary for `durationMs`, then the stage is judged. */
export interface CanaryStage {
  weight: number;
  durationMs: number;
}

/**
 * How a stage is judged, on the canary's figures over the stage (requests that finished,
 * error rate, p95 of the successful requests' latency): against absolute limits and against
 * the stable agent over the same time. Each limit left out is not judged.
 */
export interface CanaryJudge {
  maxErrorRate?: number;
  /** The canary's error rate may exceed the stable's by at most this (0.01 = one point). */
  maxErrorRateOverStable?: number;
  maxP95Ms?: number;
  /** The canary's p95 may be at most this many times the stable's. */
  maxP95RatioToStable?: number;
  /** Fewer requests than this at a stage's end: the stage is held until it has them, up to maxHoldMs, then rolled back. */
  minRequests: number;
  maxHoldMs: number;
}

export type CanarySuccess = 'promote' | 'keep';

/**
 * A canary release: `canary` is deployed beside `stable` before the load starts, and the
 * messages addressed to `stable` are split between the two by the stages' weights. A stage
 * that passes moves to the next; the last passed promotes (onSuccess "promote": all traffic
 * to the canary; "keep": the last stage's split stays). A stage that fails rolls back: weight
 * 0 at once, the canary finishes the requests it holds (up to drainTimeoutMs), then it stops.
 */
export interface LoadCanary {
  stable: string;
  canary: AgentSpec;
  /** When the first stage begins, after the load starts. */
  startTimeMs: number;
  stages: CanaryStage[];
  judge: CanaryJudge;
  drainTimeoutMs: number;
  onSuccess: CanarySuccess;
}

export interface LoadExperiment {
  $schema?: string;
  schema: typeof LOAD_EXPERIMENT_SCHEMA;
  name: string;
  description?: string;
  seed?: number;
  /** Left out: the experiment runs against the system already on the canvas. */
  topology?: LoadTopology;
  scenarios: Record<string, LoadScenario>;
  /** Parsed by thresholds/parseThresholds against the load metrics: ready for evaluateThresholds. */
  thresholds: Threshold[];
  latency?: LatencyModel;
  chaos?: LoadChaos;
  canary?: LoadCanary;
}

/** What a file may say where LoadExperiment has milliseconds and defaults. */
export type LoadExperimentFile = Omit<LoadExperiment, 'scenarios' | 'thresholds' | 'chaos' | 'canary'> & {
  scenarios: Record<string, Record<string, unknown> & { executor: ExecutorConfig['executor'] }>;
  thresholds?: Record<string, (string | { threshold: string; abortOnFail?: boolean; delayAbortEval?: DurationInput })[]>;
  chaos?: { experiment?: string; faults?: { at: DurationInput; duration?: DurationInput; fault: TimedFault['fault'] }[] };
  canary?: {
    stable: string;
    canary: AgentSpec;
    startTime?: DurationInput;
    stages: { weight: number; duration: DurationInput }[];
    judge: Omit<CanaryJudge, 'minRequests' | 'maxHoldMs'> & { minRequests?: number; maxHold?: DurationInput };
    drainTimeout?: DurationInput;
    onSuccess?: CanarySuccess;
  };
};

export type { Stage, Threshold };
