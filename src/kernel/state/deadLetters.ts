/**
 * The dead-letter queue: every message that could not be delivered, with why. The event
 * log has the same facts (`message.dead-lettered`); this keeps the newest ones at hand
 * for the `deadLetters()` read, and the total for the snapshot.
 */
import type { DeadLetter } from '../types';

/** Dead letters kept for the read; the oldest are forgotten first (the log keeps all). */
const MAX_KEPT = 10_000;

export class DeadLetters {
  private readonly kept: DeadLetter[] = [];
  private start = 0;
  total = 0;

  add(letter: DeadLetter): void {
    this.total++;
    if (this.kept.length - this.start >= MAX_KEPT) this.start++;
    this.kept.push(letter);
    if (this.start > MAX_KEPT) {
      this.kept.splice(0, this.start);
      this.start = 0;
    }
  }

  list(): DeadLetter[] {
    return this.kept.slice(this.start);
  }
}
