/** The network's bookkeeping: when routing must go through the link stage, and what is in transit. */

export interface Pair {
  last: number;
  inTransit: number;
}

export class NetState {
  /** Routing over links goes through `transmit`: faults, policies, or messages in transit. */
  active = false;
  /** Outcomes (handled, failed) feed acks and breakers. */
  watching = false;
  readonly pairs = new Map<string, Pair>();
  readonly busyUntil = new Map<string, number>();
  inTransit = 0;
  /** Links with a policy. */
  configured = 0;
}
