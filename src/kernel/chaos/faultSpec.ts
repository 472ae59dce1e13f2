/** Validation of `chaos.inject` input: untrusted data in, a normalised FaultSpec out. */
import { errorData, type OrreryErrorData } from '../../protocol/errors';
import { describeValue } from '../../protocol/describe';
import { PERFORMATIVES, type Performative } from '../../protocol/performatives';
import type { FaultEffect, FaultSpec } from '../resilienceTypes';

const FIELDS: ReadonlySet<string> = new Set(['performative', 'receiver', 'content', 'conversation_id', 'in_reply_to']);
const KNOWN: ReadonlySet<string> = new Set(PERFORMATIVES);

export function checkFault(input: unknown): FaultSpec | OrreryErrorData {
  if (typeof input !== 'object' || input === null)
    return bad('chaos.inject needs a fault', 'an object {id, target, probability, effect}', input);
  const raw = input as Record<string, unknown>;
  if (typeof raw.id !== 'string' || raw.id.length === 0) return bad('a fault needs an id', 'a non-empty string', raw.id);
  const target = raw.target ?? {};
  if (typeof target !== 'object' || target === null)
    return bad('target must be an object', '{links?: string[], agents?: string[]}', target);
  const { links, agents } = target as Record<string, unknown>;
  if (!stringList(links) || !stringList(agents))
    return bad('target.links and target.agents must be lists of names', 'string arrays', target);
  const probability = raw.probability ?? 1;
  if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1))
    return bad('probability must be in [0, 1]', 'a number from 0 to 1', probability);
  const performatives = raw.performatives;
  if (
    performatives !== undefined &&
    (!Array.isArray(performatives) || !performatives.every((p) => typeof p === 'string' && KNOWN.has(p)))
  ) {
    return bad('performatives must be a list of known performatives', 'e.g. ["request", "inform"]', performatives);
  }
  const effect = checkEffect(raw.effect);
  if ('code' in effect) return effect;
  const spec: FaultSpec = { id: raw.id, target: {}, probability, effect };
  if (links !== undefined) spec.target.links = [...(links as string[])];
  if (agents !== undefined) spec.target.agents = [...(agents as string[])];
  if (performatives !== undefined) spec.performatives = [...(performatives as Performative[])];
  return spec;
}

function checkEffect(value: unknown): FaultEffect | OrreryErrorData {
  if (typeof value !== 'object' || value === null) return bad('a fault needs an effect', 'an object {kind, ...}', value);
  const e = value as Record<string, unknown>;
  switch (e.kind) {
    case 'latency':
      if (!nonNegative(e.ms) || !nonNegative(e.jitterMs ?? 0))
        return bad('latency needs ms ≥ 0 and jitterMs ≥ 0', '{kind: "latency", ms, jitterMs}', value);
      return { kind: 'latency', ms: e.ms as number, jitterMs: (e.jitterMs ?? 0) as number };
    case 'drop':
    case 'duplicate':
    case 'kill':
    case 'crash':
    case 'hang':
      return { kind: e.kind };
    case 'reorder':
      if (!nonNegative(e.windowMs)) return bad('reorder needs windowMs ≥ 0', '{kind: "reorder", windowMs}', value);
      return { kind: 'reorder', windowMs: e.windowMs as number };
    case 'corrupt':
      if (typeof e.field !== 'string' || !FIELDS.has(e.field))
        return bad('corrupt needs a field', `one of ${[...FIELDS].join(', ')}`, e.field);
      return { kind: 'corrupt', field: e.field as Extract<FaultEffect, { kind: 'corrupt' }>['field'] };
    case 'partition': {
      const groups = e.groups;
      if (!Array.isArray(groups) || !groups.every((g) => stringList(g) && g !== undefined))
        return bad('partition needs groups of node names', '[["a", "b"], ["c"]]', groups);
      const direction = e.direction ?? 'both';
      if (direction !== 'both' && direction !== 'one-way')
        return bad('partition direction must be "both" or "one-way"', '"both" or "one-way"', direction);
      return { kind: 'partition', groups: (groups as string[][]).map((g) => [...g]), direction };
    }
    case 'bandwidth':
      if (typeof e.bytesPerSecond !== 'number' || !(e.bytesPerSecond > 0) || !Number.isFinite(e.bytesPerSecond))
        return bad('bandwidth needs bytesPerSecond > 0', 'a positive number', e.bytesPerSecond);
      return { kind: 'bandwidth', bytesPerSecond: e.bytesPerSecond };
    case 'slow':
      if (!nonNegative(e.ms)) return bad('slow needs ms ≥ 0', '{kind: "slow", ms}', value);
      return { kind: 'slow', ms: e.ms as number };
    case 'clock-skew':
      if (typeof e.ms !== 'number' || !Number.isFinite(e.ms)) return bad('clock-skew needs ms', '{kind: "clock-skew", ms}', value);
      return { kind: 'clock-skew', ms: e.ms };
    default:
      return bad(
        `unknown fault kind ${describeValue(e.kind)}`,
        'latency, drop, duplicate, reorder, corrupt, partition, bandwidth, kill, crash, hang, slow or clock-skew',
        e.kind,
      );
  }
}

function stringList(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

function nonNegative(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function bad(message: string, expected: string, received: unknown): OrreryErrorData {
  return errorData('ORR022', message, { expected, received: describeValue(received) });
}
