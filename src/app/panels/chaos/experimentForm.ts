/**
 * The Chaos tab's form as plain data, and its conversion to and from the experiment JSON
 * (`orrery.experiment/1`). The form edits what people change most; everything else in the
 * experiment it came from (`base`) is kept as it was, so form ↔ JSON never loses a field.
 */
import type { FaultEffect, FaultKind } from '../../../kernel/resilienceTypes';
import type { Experiment, FaultInput, Phase, ProbeSpec, Pulse, Topology, TopologyLink } from '../../../experiments/chaos/types';
import type { Performative } from '../../../protocol/performatives';
import { defaultHypothesis } from '../../../experiments/chaos/defaultHypothesis';
import { EXPERIMENT_SCHEMA_ID } from '../../../experiments/chaos/experimentSchema';

export const FAULT_KINDS: readonly FaultKind[] = [
  'latency',
  'drop',
  'duplicate',
  'reorder',
  'corrupt',
  'partition',
  'bandwidth',
  'kill',
  'crash',
  'hang',
  'slow',
  'clock-skew',
];
export const AGENT_FAULTS: ReadonlySet<FaultKind> = new Set(['kill', 'crash', 'hang', 'slow', 'clock-skew']);
export const CORRUPT_FIELDS = ['performative', 'receiver', 'content', 'conversation_id', 'in_reply_to'] as const;

/** Every parameter any fault kind takes; the editor shows the ones its kind uses. */
export interface FaultParams {
  ms: number;
  jitterMs: number;
  windowMs: number;
  field: (typeof CORRUPT_FIELDS)[number];
  bytesPerSecond: number;
  /** Partition groups: nodes separated by commas, groups by `|` ("a, b | c"). */
  groups: string;
  direction: 'both' | 'one-way';
}

export interface FaultForm {
  kind: FaultKind;
  links: string[];
  agents: string[];
  probability: number;
  performatives: Performative[];
  params: FaultParams;
  /** A pulse: injected every `everyMs`, held `holdMs`, on one target drawn from the seed or all. */
  pulse: { enabled: boolean; everyMs: number; holdMs: number; pick: 'all' | 'one' };
}

export interface PhaseForm {
  name: string;
  durationMs: number;
  settleMs: number;
  faults: FaultForm[];
}

export interface ProbesForm {
  latency: { enabled: boolean; maxMs: number };
  noLost: boolean;
  allRunning: boolean;
  deadLetters: { enabled: boolean; max: number };
  successRate: { enabled: boolean; min: number };
}

export interface ChaosForm {
  name: string;
  seed: number;
  workload: { client: string; targets: string[]; ratePerSecond: number; timeoutMs: number; arrival: 'uniform' | 'poisson' };
  probes: ProbesForm;
  schedule: { warmupMs: number; steadyMs: number; settleMs: number; recoveryMs: number };
  phases: PhaseForm[];
  /** The experiment the form came from: topology and whatever the form does not edit. */
  base: Experiment;
}

export const DEFAULT_PARAMS: FaultParams = {
  ms: 20,
  jitterMs: 5,
  windowMs: 50,
  field: 'content',
  bytesPerSecond: 10_000,
  groups: '',
  direction: 'both',
};

export function newFault(kind: FaultKind = 'drop'): FaultForm {
  return {
    kind,
    links: [],
    agents: [],
    probability: AGENT_FAULTS.has(kind) ? 1 : 0.3,
    performatives: [],
    params: { ...DEFAULT_PARAMS },
    pulse: { enabled: false, everyMs: 500, holdMs: 250, pick: 'one' },
  };
}

export function newPhase(index: number): PhaseForm {
  return { name: `phase ${index + 1}`, durationMs: 2000, settleMs: 500, faults: [] };
}

/** A starting experiment over a topology (the live workspace), judged by the default hypothesis. */
export function blankExperiment(topology: Topology, name = 'chaos experiment'): Experiment {
  return {
    $schema: EXPERIMENT_SCHEMA_ID,
    schema: 'orrery.experiment/1',
    name,
    seed: 1,
    topology,
    workload: { clients: [{ client: 'load', targets: topology.agents.map((a) => a.name), ratePerSecond: 50, timeoutMs: 1000 }] },
    hypothesis: defaultHypothesis(),
    schedule: { warmupMs: 200, steadyMs: 1000, phases: [], settleMs: 500, recoveryMs: 1000 },
  };
}

export function effectOf(f: FaultForm): FaultEffect {
  const p = f.params;
  switch (f.kind) {
    case 'latency':
      return { kind: 'latency', ms: p.ms, jitterMs: p.jitterMs };
    case 'reorder':
      return { kind: 'reorder', windowMs: p.windowMs };
    case 'corrupt':
      return { kind: 'corrupt', field: p.field };
    case 'partition':
      return {
        kind: 'partition',
        direction: p.direction,
        groups: p.groups
          .split('|')
          .map((g) =>
            g
              .split(',')
              .map((n) => n.trim())
              .filter(Boolean),
          )
          .filter((g) => g.length > 0),
      };
    case 'bandwidth':
      return { kind: 'bandwidth', bytesPerSecond: p.bytesPerSecond };
    case 'slow':
    case 'clock-skew':
      return { kind: f.kind, ms: p.ms };
    default:
      return { kind: f.kind };
  }
}

function faultInput(f: FaultForm): FaultInput {
  const target: FaultInput['target'] = {};
  if (f.links.length > 0) target.links = [...f.links];
  if (f.agents.length > 0) target.agents = [...f.agents];
  const out: FaultInput = { target, probability: f.probability, effect: effectOf(f) };
  if (f.performatives.length > 0) out.performatives = [...f.performatives];
  return out;
}

function faultForm(input: FaultInput, pulse?: Pulse): FaultForm {
  const e = input.effect;
  const params: FaultParams = { ...DEFAULT_PARAMS };
  if ('ms' in e) params.ms = e.ms;
  if (e.kind === 'latency') params.jitterMs = e.jitterMs;
  if (e.kind === 'reorder') params.windowMs = e.windowMs;
  if (e.kind === 'corrupt') params.field = e.field;
  if (e.kind === 'bandwidth') params.bytesPerSecond = e.bytesPerSecond;
  if (e.kind === 'partition') {
    params.groups = e.groups.map((g) => g.join(', ')).join(' | ');
    params.direction = e.direction;
  }
  return {
    kind: e.kind,
    links: [...(input.target.links ?? [])],
    agents: [...(input.target.agents ?? [])],
    probability: input.probability,
    performatives: [...(input.performatives ?? [])],
    params,
    pulse: pulse
      ? { enabled: true, everyMs: pulse.everyMs, holdMs: pulse.holdMs ?? pulse.everyMs / 2, pick: pulse.pick ?? 'all' }
      : { enabled: false, everyMs: 500, holdMs: 250, pick: 'one' },
  };
}

const pair = (a: string, b: string) => [a, b].sort().join('\u0000');

/** Links between the workload client and its targets, added when the topology lacks them. */
export function workloadLinks(form: Pick<ChaosForm, 'workload' | 'base'>): TopologyLink[] {
  const have = new Set((form.base.topology.links ?? []).map((l) => pair(l.a, l.b)));
  const { client } = form.workload;
  return form.workload.targets.filter((t) => !have.has(pair(client, t))).map((t) => ({ id: `${client}--${t}`, a: client, b: t }));
}

/** Link ids a fault may target: the topology's and the workload's. */
export function linkIds(form: Pick<ChaosForm, 'workload' | 'base'>): string[] {
  return [...(form.base.topology.links ?? []).map((l) => l.id ?? `${l.a}--${l.b}`), ...workloadLinks(form).map((l) => l.id!)];
}

const PROBE_KINDS = new Set(['latency', 'no-lost-messages', 'all-agents-running', 'dead-letters', 'success-rate']);
/** Probes the form shows; any other probe stays in `base` and is written back untouched. */
const formProbe = (p: ProbeSpec) =>
  PROBE_KINDS.has(p.probe) &&
  p.windows === undefined &&
  p.id === undefined &&
  (p.probe !== 'latency' || (p.percentile === 95 && p.only === undefined));

export function formToExperiment(form: ChaosForm): Experiment {
  const b = form.base;
  const pr = form.probes;
  const hypothesis: ProbeSpec[] = [];
  if (pr.noLost) hypothesis.push({ probe: 'no-lost-messages' });
  if (pr.latency.enabled) hypothesis.push({ probe: 'latency', percentile: 95, maxMs: pr.latency.maxMs });
  if (pr.allRunning) hypothesis.push({ probe: 'all-agents-running' });
  if (pr.deadLetters.enabled) hypothesis.push({ probe: 'dead-letters', max: pr.deadLetters.max });
  if (pr.successRate.enabled) hypothesis.push({ probe: 'success-rate', min: pr.successRate.min });
  hypothesis.push(...b.hypothesis.filter((p) => !formProbe(p)));

  const w = form.workload;
  const [first, ...others] = b.workload.clients;
  const clients = [...new Set([...(b.topology.clients ?? []), w.client])];
  const phases: Phase[] = form.phases.map((p, i) => ({
    ...b.schedule.phases[i],
    name: p.name,
    durationMs: p.durationMs,
    settleMs: p.settleMs,
    faults: p.faults.filter((f) => !f.pulse.enabled).map(faultInput),
    pulses: p.faults
      .filter((f) => f.pulse.enabled)
      .map((f) => ({ everyMs: f.pulse.everyMs, holdMs: f.pulse.holdMs, pick: f.pulse.pick, fault: faultInput(f) })),
  }));
  return {
    ...b,
    name: form.name,
    seed: form.seed,
    topology: { ...b.topology, clients, links: [...(b.topology.links ?? []), ...workloadLinks(form)] },
    workload: {
      ...b.workload,
      clients: [
        { ...first, client: w.client, targets: [...w.targets], ratePerSecond: w.ratePerSecond, timeoutMs: w.timeoutMs, arrival: w.arrival },
        ...others,
      ],
    },
    hypothesis,
    schedule: { ...b.schedule, ...form.schedule, phases },
  };
}

export function experimentToForm(e: Experiment): ChaosForm {
  const h = e.hypothesis.filter(formProbe);
  const find = <K extends ProbeSpec['probe']>(k: K) => h.find((p) => p.probe === k) as Extract<ProbeSpec, { probe: K }> | undefined;
  const latency = find('latency');
  const dead = find('dead-letters');
  const success = find('success-rate');
  const c = e.workload.clients[0];
  const s = e.schedule;
  return {
    name: e.name,
    seed: e.seed ?? 1,
    workload: {
      client: c?.client ?? 'load',
      targets: [...(c?.targets ?? [])],
      ratePerSecond: c?.ratePerSecond ?? 50,
      timeoutMs: c?.timeoutMs ?? 1000,
      arrival: c?.arrival ?? 'uniform',
    },
    probes: {
      latency: { enabled: !!latency, maxMs: latency?.maxMs ?? 50 },
      noLost: !!find('no-lost-messages'),
      allRunning: !!find('all-agents-running'),
      deadLetters: { enabled: !!dead, max: dead?.max ?? 0 },
      successRate: { enabled: !!success, min: success?.min ?? 0.99 },
    },
    schedule: { warmupMs: s.warmupMs, steadyMs: s.steadyMs, settleMs: s.settleMs, recoveryMs: s.recoveryMs },
    phases: s.phases.map((p) => ({
      name: p.name,
      durationMs: p.durationMs,
      settleMs: p.settleMs ?? 0,
      faults: [...(p.faults ?? []).map((f) => faultForm(f)), ...(p.pulses ?? []).map((u) => faultForm(u.fault, u))],
    })),
    base: withoutWorkloadLinks(e),
  };
}

/** The base keeps only links the form does not add itself, so a round trip does not duplicate them. */
function withoutWorkloadLinks(e: Experiment): Experiment {
  const c = e.workload.clients[0];
  if (!c) return e;
  const auto = new Set(c.targets.map((t) => `${c.client}--${t}`));
  const links = (e.topology.links ?? []).filter(
    (l) => !(l.id !== undefined && auto.has(l.id) && l.a === c.client && l.policy === undefined),
  );
  return { ...e, topology: { ...e.topology, links } };
}
