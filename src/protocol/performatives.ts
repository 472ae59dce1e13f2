/** The 22 communicative acts of the FIPA Communicative Act Library (SC00037J). */
export const PERFORMATIVES = [
  'accept-proposal',
  'agree',
  'cancel',
  'cfp',
  'confirm',
  'disconfirm',
  'failure',
  'inform',
  'inform-if',
  'inform-ref',
  'not-understood',
  'propagate',
  'propose',
  'proxy',
  'query-if',
  'query-ref',
  'refuse',
  'reject-proposal',
  'request',
  'request-when',
  'request-whenever',
  'subscribe',
] as const;

export type Performative = (typeof PERFORMATIVES)[number];

/** The pragmatic subset the built-in agents speak. */
export const COMMON_PERFORMATIVES: readonly Performative[] = [
  'request',
  'inform',
  'query-if',
  'query-ref',
  'propose',
  'accept-proposal',
  'reject-proposal',
  'agree',
  'refuse',
  'failure',
  'not-understood',
  'cfp',
  'subscribe',
  'cancel',
];

const known: ReadonlySet<string> = new Set(PERFORMATIVES);

export function isPerformative(value: unknown): value is Performative {
  return typeof value === 'string' && known.has(value);
}
