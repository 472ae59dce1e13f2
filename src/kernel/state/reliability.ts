/** At-least-once bookkeeping: messages awaiting acknowledgement, ids seen per receiver, request resends. */
import type { AclMessage } from '../../protocol/message';

export interface Pending {
  readonly message: AclMessage;
  readonly to: string;
  readonly link: string;
  attempt: number;
  arrived: boolean;
  token: number;
}

/** Message ids remembered per receiver for dedupe; the oldest are forgotten first. */
export const MAX_SEEN = 100_000;

export class Reliability {
  readonly pending = new Map<string, Pending>();
  readonly seen = new Map<string, Set<string>>();
  /** (receiver, id) → sends so far of a request retried by `requestRetry`. */
  readonly requestSends = new Map<string, number>();
}

export const keyOf = (to: string, id: string) => `${to}\u0000${id}`;
