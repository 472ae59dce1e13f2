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
  /** The client node that sends for VU n; a template. Default "<scenario>-vu${vu}". */
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
}

/** What a file may say where LoadExperiment has milliseconds and defaults. */
export type LoadExperimentFile = Omit<LoadExperiment, 'scenarios' | 'thresholds' | 'chaos'> & {
  scenarios: Record<string, Record<string, unknown> & { executor: ExecutorConfig['executor'] }>;
  thresholds?: Record<string, (string | { threshold: string; abortOnFail?: boolean; delayAbortEval?: DurationInput })[]>;
  chaos?: { experiment?: string; faults?: { at: DurationInput; duration?: DurationInput; fault: TimedFault['fault'] }[] };
};

export type { Stage, Threshold };
