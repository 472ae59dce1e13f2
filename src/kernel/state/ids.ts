import { DecimalSequence } from './decimal';

/** Deterministic ids: `m1, m2, ...` for messages, `l1, l2, ...` for links. No randomness needed. */
export class Ids {
  private readonly messages = new DecimalSequence('m');
  private links = 0;
  private tokens = 0;

  /** Identities for scheduled kernel timers (restarts, retries, breakers). */
  token(): number {
    return ++this.tokens;
  }

  message(): string {
    return this.messages.next();
  }

  /** The next `l<n>` not already taken (callers may choose their own link ids). */
  link(taken: (id: string) => boolean): string {
    let id: string;
    do id = `l${++this.links}`;
    while (taken(id));
    return id;
  }
}
