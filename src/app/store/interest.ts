/**
 * Which whole events the UI wants from the kernel worker: messages while at least one
 * panel that shows them (log, sequence view) is shown. Panels hold and release; the
 * store's stream follows the change.
 */
export interface InterestRegistry {
  /** Returns the release. */
  hold(): () => void;
  wanted(): boolean;
  /** Called with the new wish when it changes; returns the unsubscribe. */
  onChange(listener: (messages: boolean) => void): () => void;
}

export function createInterest(): InterestRegistry {
  let holders = 0;
  const listeners = new Set<(messages: boolean) => void>();
  const changed = () => {
    for (const l of listeners) l(holders > 0);
  };
  return {
    hold() {
      holders++;
      if (holders === 1) changed();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders--;
        if (holders === 0) changed();
      };
    },
    wanted: () => holders > 0,
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
