/** Host effects collected while the kernel steps, handed to the host in one batch per outermost call. */
import type { Effect } from '../../kernel/types';

export class HostOutbox {
  private effects: Effect[] = [];
  private depth = 0;

  constructor(private readonly perform: (effects: readonly Effect[]) => void) {}

  push(effect: Effect): void {
    this.effects.push(effect);
  }

  /** Runs `fn`, then hands every host effect it produced to the host in one batch. */
  batch<T>(fn: () => T): T {
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
      if (this.depth === 0 && this.effects.length > 0) {
        const effects = this.effects;
        this.effects = [];
        this.perform(effects);
      }
    }
  }
}
