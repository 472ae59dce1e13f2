/**
 * The performatives each built-in agent kind handles (anything else it answers with
 * not-understood). Read from the agents' `handle` functions; `kindAccepts.test.ts` checks
 * this table against their sources so the two cannot drift apart. Kinds not listed
 * (pattern roles, custom components) are not checked.
 */
import type { Performative } from '../../../protocol/performatives';

const ANSWERS: readonly Performative[] = ['inform', 'failure', 'not-understood', 'agree', 'refuse'];

export const KIND_ACCEPTS: Readonly<Record<string, readonly Performative[]>> = {
  echo: ['request', 'query-if', 'query-ref', ...ANSWERS],
  counter: ['request', 'query-ref'],
  text: ['request'],
  sequence: ['request', 'inform'],
  crasher: ['request'],
  spinner: ['request'],
  greeter: ['request', 'query-if', 'query-ref', ...ANSWERS],
  'kv-store': ['request', 'query-if', 'query-ref', 'inform', 'failure', 'not-understood', 'agree'],
  service: ['request', 'query-ref', 'inform', 'failure', 'not-understood'],
  sink: ['inform', 'request', 'query-ref', 'failure', 'not-understood', 'agree', 'refuse'],
};

/** What `kind` accepts, or undefined when it is not known (then nothing is checked). */
export function acceptedBy(kind: string): readonly Performative[] | undefined {
  return Object.hasOwn(KIND_ACCEPTS, kind) ? KIND_ACCEPTS[kind] : undefined;
}
