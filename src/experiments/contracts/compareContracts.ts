/**
 * Breaking-change check between two versions of a contract file. What the kind ACCEPTS may
 * only widen (senders written against the old version must still be understood); what it
 * SENDS may only narrow (consumers written against the old version must still understand it).
 * Dropping a kind or a performative is breaking in both directions; adding one is not.
 */
import type { Performative } from '../../protocol/performatives';
import { compareSchemas, type ChangeEffect } from './compareSchemas';
import type { ContractComparison, ContractFile, Direction, JsonSchema, PerformativeContract } from './types';

const DIRECTIONS: readonly Direction[] = ['accepts', 'sends'];

export function compareContracts(before: ContractFile, after: ContractFile): ContractComparison {
  const result: ContractComparison = { breaking: [], compatible: [] };
  for (const kind of union(before.kinds, after.kinds)) {
    const [a, b] = [before.kinds[kind], after.kinds[kind]];
    if (!a || !b) {
      const dropped = !b;
      (dropped ? result.breaking : result.compatible).push({
        contract: { kind },
        rule: dropped ? 'kind-dropped' : 'kind-added',
        reason: dropped
          ? `kind "${kind}" is gone from the contracts: every agent talking to it loses its promises`
          : `kind "${kind}" is new: nobody depended on it`,
      });
      continue;
    }
    for (const performative of union(a, b) as Performative[]) {
      comparePerformative(kind, performative, a[performative], b[performative], result);
    }
  }
  return result;
}

function comparePerformative(
  kind: string,
  performative: Performative,
  a: PerformativeContract | undefined,
  b: PerformativeContract | undefined,
  result: ContractComparison,
): void {
  for (const direction of DIRECTIONS) {
    const [old, now] = [a?.[direction], b?.[direction]];
    const contract = { kind, performative, direction };
    if (old === undefined && now === undefined) continue;
    if (old === undefined || now === undefined) {
      result[now === undefined ? 'breaking' : 'compatible'].push({
        contract,
        rule: now === undefined ? 'performative-dropped' : 'performative-added',
        reason: presence(contract, now === undefined),
      });
      continue;
    }
    for (const change of compareSchemas(old as JsonSchema, now as JsonSchema)) {
      const breaks = isBreaking(change.effect, direction);
      const reason = `${change.path}: ${change.detail}; ${consequence(change.effect, direction, breaks)}`;
      result[breaks ? 'breaking' : 'compatible'].push({ contract, path: change.path, rule: change.rule, reason });
    }
  }
}

function isBreaking(effect: ChangeEffect, direction: Direction): boolean {
  if (effect === 'both') return true;
  if (effect === 'neutral') return false;
  return direction === 'accepts' ? effect === 'narrows' : effect === 'widens';
}

function consequence(effect: ChangeEffect, direction: Direction, breaks: boolean): string {
  if (direction === 'accepts') {
    if (breaks) return 'senders written against the old contract may send content the agent now refuses';
    return effect === 'neutral'
      ? 'senders written against the old contract are still understood'
      : 'it accepts everything it accepted before';
  }
  if (breaks)
    return 'consumers written against the old contract may receive content they do not understand (a field they read may be missing or different)';
  return effect === 'neutral' ? 'consumers written against the old contract still understand it' : 'it sends only what it promised before';
}

function presence(contract: { kind: string; performative: string; direction: Direction }, dropped: boolean): string {
  const { kind, performative, direction } = contract;
  if (!dropped) return `${kind} now ${direction === 'accepts' ? 'accepts' : 'sends'} ${performative}: nobody depended on it`;
  return direction === 'accepts'
    ? `${kind} no longer accepts ${performative}: senders of ${performative} will be refused`
    : `${kind} no longer sends ${performative}: consumers waiting for ${performative} will not get it`;
}

function union(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}
