/**
 * The JSON Schema (draft 2020-12) of a load experiment file (`orrery.load/1`): validates
 * files (ajv, compiled ahead of time: see validatorSource.ts) and drives completion in
 * the Load tab's JSON editor. The system under test and the faults use the chaos
 * experiment's vocabulary (schemaParts), so an agent or a fault reads the same in both.
 * What a schema cannot say (references, durations written as text, rate per timeUnit) is
 * checked in crossCheck.ts.
 */
import { EXPERIMENT_LIMITS } from '../../chaos/limits';
import {
  AGENT,
  DEFINITIONS,
  FAULT,
  GROUP,
  LINK_POLICY,
  PERFORMATIVE,
  id,
  int,
  list,
  ms,
  name,
  obj,
  oneOf,
  tagged,
  text,
  type JsonSchema,
} from '../../chaos/schemaParts';
import { EXECUTOR_NAMES } from '../executors/types';
import { DURATION_PATTERN, LOAD_LIMITS as L, METRIC_KEY_PATTERN, SCENARIO_PATTERN } from './limits';
import { LOAD_EXPERIMENT_SCHEMA } from './types';

export const LOAD_SCHEMA_ID = 'https://orrery.dev/schemas/orrery.load-1.schema.json';
const TEXT = '^[^\\u0000-\\u001f\\u007f]*$';

const durationShape = (exclusive: boolean) => ({
  type: ['number', 'string'],
  ...(exclusive ? { exclusiveMinimum: 0 } : { minimum: 0 }),
  maximum: L.durationMs,
  pattern: DURATION_PATTERN,
});
const duration = (description: string, positive = false): JsonSchema => ({
  $ref: `#/$defs/${positive ? 'positiveDuration' : 'duration'}`,
  description: `${description}: ms, or k6 text such as "30s", "1m30s", "500ms" (${positive ? '> 0' : '≥ 0'}, at most 24h)`,
});
const vus = (description: string, minimum = 1) => int(description, minimum, L.vus);
const map = (values: JsonSchema, keyPattern: string, maxProperties: number, description: string): JsonSchema => ({
  type: 'object',
  propertyNames: { pattern: keyPattern },
  additionalProperties: values,
  maxProperties,
  description,
});

const stages = (target: string) =>
  list(
    obj(
      { duration: duration('Length of the stage'), target: { type: 'number', minimum: 0, description: target } },
      ['duration', 'target'],
      'A stage: reach target linearly over duration.',
    ),
    'Stages in order.',
    L.stages,
    1,
  );

const MESSAGE = obj(
  {
    performative: PERFORMATIVE,
    content: {
      description:
        'Any JSON; strings may hold placeholders: ${vu}, ${iter}, ${scenarioIter}, ${scenario}, ${rand:int:1:100}, ${rand:uuid}…',
    },
    protocol: text('Interaction protocol.', 300),
    ontology: text('Ontology.', 300),
    language: text('Content language.', 300),
    conversation_id: text('Conversation id (a template: default one per iteration).', 300),
  },
  ['performative'],
  'The message each iteration sends to the target.',
);

const COMMON: Record<string, JsonSchema> = {
  target: text('Receiver: an agent name, or a template such as "echo-${vu}".', 300, TEXT),
  client: text(
    'The client node VU n sends from (a template). Default the scenario’s name: one client node for all its VUs ("<scenario>-${vu}" gives each VU its own).',
    300,
    TEXT,
  ),
  message: { $ref: '#/$defs/message' },
  mode: oneOf(['request', 'send'], 'request: await the reply or the timeout; send: fire and forget. Default request.'),
  timeout: duration('request mode: a reply later than this is a timeout (default 10s)', true),
  thinkTime: {
    $ref: '#/$defs/thinkTime',
    description: 'Pause after each iteration: a duration, or {min, max} drawn from the seed. Default none.',
  },
  startTime: duration('When the scenario begins, after the experiment starts (default 0)'),
  gracefulStop: duration('Iterations in flight at the end get this long before they are interrupted (default 30s)'),
  tags: { $ref: '#/$defs/tags', description: 'Tags on the scenario’s metrics.' },
};

const THINK_TIME = {
  type: ['number', 'string', 'object'],
  minimum: 0,
  maximum: L.durationMs,
  pattern: DURATION_PATTERN,
  additionalProperties: false,
  required: ['min', 'max'],
  properties: { min: duration('Shortest think time'), max: duration('Longest think time') },
};

const iterationsBranch = (description: string) => ({
  description,
  properties: {
    vus: vus('VUs (default 1)'),
    iterations: int('Iterations (default 1)', 1, L.iterations),
    maxDuration: duration('Iterations not started by then are dropped (default 10m)', true),
  },
  required: ['target', 'message'],
});
const arrival = {
  timeUnit: duration('The period a rate counts iterations per (default 1s)', true),
  preAllocatedVUs: vus('VUs brought up before the start', 0),
  maxVUs: vus('Most VUs the scenario may use (default preAllocatedVUs)'),
};

const SCENARIO = tagged(
  'executor',
  {
    'shared-iterations': iterationsBranch('A fixed number of iterations shared by the VUs: a VU that finishes takes the next.'),
    'per-vu-iterations': iterationsBranch('Each VU runs exactly `iterations` iterations.'),
    'constant-vus': {
      description: 'A fixed number of VUs loop for a duration.',
      properties: { vus: vus('VUs (default 1)'), duration: duration('How long', true) },
      required: ['target', 'message', 'duration'],
    },
    'ramping-vus': {
      description: 'The number of VUs follows stages linearly.',
      properties: {
        startVUs: vus('VUs at the start (default 1)', 0),
        stages: stages('VUs at the end of the stage.'),
        gracefulRampDown: duration('A VU above the count finishes its iteration within this, or is interrupted (default 30s)'),
      },
      required: ['target', 'message', 'stages'],
    },
    'constant-arrival-rate': {
      description: 'Open model: `rate` iterations per timeUnit, on schedule whatever the response time.',
      properties: {
        rate: { type: 'number', exclusiveMinimum: 0, description: 'Iterations per timeUnit.' },
        duration: duration('How long', true),
        ...arrival,
      },
      required: ['target', 'message', 'rate', 'duration', 'preAllocatedVUs'],
    },
    'ramping-arrival-rate': {
      description: 'Open model: the rate follows stages linearly.',
      properties: {
        startRate: { type: 'number', minimum: 0, description: 'Iterations per timeUnit at the start (default 0).' },
        stages: stages('Iterations per timeUnit at the end of the stage.'),
        ...arrival,
      },
      required: ['target', 'message', 'stages', 'preAllocatedVUs'],
    },
  },
  COMMON,
);

const THRESHOLD = {
  type: ['string', 'object'],
  minLength: 1,
  maxLength: 200,
  additionalProperties: false,
  required: ['threshold'],
  properties: {
    threshold: { type: 'string', minLength: 1, maxLength: 200, description: 'k6 expression: p(95)<50, avg<20, rate<0.01, count>1000.' },
    abortOnFail: { type: 'boolean', description: 'Stop the run as soon as it fails.' },
    delayAbortEval: duration('Wait this long before abortOnFail judges'),
  },
  description: 'A k6 threshold: "p(95)<50", or {threshold, abortOnFail, delayAbortEval}.',
};

const DISTRIBUTION = tagged('distribution', {
  fixed: { description: 'Always the same.', properties: { ms: ms('Time') } },
  uniform: { description: 'Evenly between min and max.', properties: { minMs: ms('Shortest'), maxMs: ms('Longest') } },
  lognormal: {
    description: 'Long-tailed, set by its median and 99th percentile.',
    properties: { medianMs: ms('Median', true), p99Ms: ms('99th percentile', true) },
  },
});
const dist = (description: string): JsonSchema => ({ $ref: '#/$defs/distribution', description });

const TOPOLOGY = obj(
  {
    groups: list(GROUP, 'Supervision groups, created first.', EXPERIMENT_LIMITS.groups),
    clients: list(name('A client node.'), 'Client nodes made before the run (VUs make their own otherwise).', L.vus),
    agents: list(AGENT, 'Agents to deploy.', EXPERIMENT_LIMITS.agents, 1),
    links: list(
      obj(
        { id: id('Link id (default <a>--<b>).'), a: name('One end.'), b: name('The other end.'), policy: LINK_POLICY },
        ['a', 'b'],
        'A link.',
      ),
      'Links.',
      EXPERIMENT_LIMITS.links,
    ),
  },
  ['agents'],
  'The system under test; left out, the run uses the system on the canvas.',
);

const CANARY = obj(
  {
    stable: name('The agent the canary stands beside: the messages addressed to it are split between the two.'),
    canary: {
      ...AGENT,
      description: 'The new version, deployed before the load starts: another kind, or the same kind with other config.',
    },
    startTime: duration('When the first stage begins, after the load starts (default 0)'),
    stages: list(
      obj(
        {
          weight: int('Percent of the stable agent’s traffic sent to the canary', 1, 100),
          duration: duration('How long the stage runs before it is judged', true),
        },
        ['weight', 'duration'],
        'A stage of the traffic split.',
      ),
      'Stages in order, weights ascending (for example 5, 25, 50, 100).',
      L.stages,
      1,
    ),
    judge: obj(
      {
        maxErrorRate: { type: 'number', minimum: 0, maximum: 1, description: 'Highest error rate of the canary over a stage (0–1).' },
        maxErrorRateOverStable: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          description: 'How far the canary’s error rate may exceed the stable’s over the same stage (0–1: 0.01 = one point).',
        },
        maxP95Ms: {
          type: 'number',
          exclusiveMinimum: 0,
          maximum: L.durationMs,
          description: 'Highest p95 latency of the canary, ms (> 0).',
        },
        maxP95RatioToStable: {
          type: 'number',
          minimum: 1,
          maximum: 1000,
          description: 'Highest p95 of the canary as a multiple of the stable’s over the same stage (1–1000).',
        },
        minRequests: int('Requests a stage needs before it is judged (default 20)', 1, 1_000_000),
        maxHold: duration('A stage short of minRequests is held this long at most, then rolled back (default 30s)'),
      },
      [],
      'How each stage is judged: at least one limit.',
    ),
    drainTimeout: duration('On rollback, how long the canary may take to answer the requests it holds before it stops (default 30s)', true),
    onSuccess: oneOf(
      ['promote', 'keep'],
      'After the last stage passes: promote (all traffic to the canary, default) or keep the last split.',
    ),
  },
  ['stable', 'canary', 'stages', 'judge'],
  'A canary release: a new version of an agent beside the stable one, traffic split in stages, promoted or rolled back automatically.',
);

/** The chaos parts refer to `#/definitions/…` (draft-07); here they live under 2020-12's `$defs`. */
const rebased = <T>(schema: T): T => JSON.parse(JSON.stringify(schema).replaceAll('"#/definitions/', '"#/$defs/')) as T;

export const LOAD_JSON_SCHEMA: JsonSchema = rebased({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: LOAD_SCHEMA_ID,
  title: 'Orrery load experiment',
  $defs: {
    ...DEFINITIONS,
    duration: durationShape(false),
    positiveDuration: durationShape(true),
    scenario: SCENARIO,
    message: MESSAGE,
    thinkTime: THINK_TIME,
    tags: map(text('Tag value.', 100, TEXT), SCENARIO_PATTERN, 20, 'Tags.'),
    threshold: THRESHOLD,
    distribution: DISTRIBUTION,
  },
  ...obj(
    {
      $schema: text('Where this schema lives (any URI or path).', 500),
      schema: { const: LOAD_EXPERIMENT_SCHEMA, description: 'File format and version.' },
      name: text('Experiment name (printable text).', L.titleLength, TEXT),
      description: { type: 'string', maxLength: L.descriptionLength, description: 'What the experiment shows.' },
      seed: int('Seed of the random values and think times when the runner is given none', 0, 0xffffffff),
      topology: TOPOLOGY,
      scenarios: {
        ...map({ $ref: '#/$defs/scenario' }, SCENARIO_PATTERN, L.scenarios, 'Scenarios by name, run together (each from its startTime).'),
        minProperties: 1,
      },
      thresholds: map(
        list({ $ref: '#/$defs/threshold' }, 'Thresholds of the metric.', L.thresholdsPerMetric, 1),
        METRIC_KEY_PATTERN,
        L.thresholdMetrics,
        'Pass/fail criteria by metric (k6 syntax), e.g. {"req_duration": ["p(95)<50"]}.',
      ),
      latency: obj(
        {
          link: dist('Transit time of every link without its own entry.'),
          links: map(dist('Transit time.'), '^.{1,300}$', L.latencyEntries, 'By link id.'),
          agent: dist('Handling time of every agent without its own entry.'),
          agents: map(dist('Handling time.'), '^.{1,128}$', L.latencyEntries, 'By agent name.'),
        },
        [],
        'Simulated time only: latency per link and per agent.',
      ),
      chaos: obj(
        {
          experiment: text('A chaos experiment to run alongside, by name.', 200, TEXT),
          faults: list(
            obj(
              { at: duration('When to inject'), duration: duration('Cleared after (default: stays)', true), fault: FAULT },
              ['at', 'fault'],
              'A fault on the load’s time axis.',
            ),
            'Faults inline.',
            L.faults,
          ),
        },
        [],
        'Chaos during the load: a chaos experiment or inline faults (one of the two).',
      ),
      canary: CANARY,
    },
    ['schema', 'name', 'scenarios'],
    'An Orrery load experiment.',
  ),
});

export { EXECUTOR_NAMES };
