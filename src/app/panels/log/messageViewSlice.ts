/**
 * What the message views (log, sequence diagram, details) share: the log filter, the
 * message whose details are open, and the lanes left out of the sequence diagram.
 */
import type { StoreApi } from 'zustand/vanilla';

export interface LogFilter {
  /** Sender or receiver name; '' = any. */
  agent: string;
  performative: string;
  conversation: string;
  /** Free text over performative, parties, content, conversation and id. */
  text: string;
}

export const EMPTY_FILTER: LogFilter = { agent: '', performative: '', conversation: '', text: '' };

export interface MessageViewSliceData {
  logFilter: LogFilter;
  /** Row key (message id) of the message shown in "Message details", if any. */
  detailKey: string | null;
  /** Lanes not sniffed in the sequence diagram. */
  unsniffed: string[];
}

export interface MessageViewSliceActions {
  setLogFilter(patch: Partial<LogFilter>): void;
  showMessage(key: string | null): void;
  setSniffed(name: string, sniffed: boolean): void;
}

export function createMessageViewSlice(set: StoreApi<MessageViewSliceData>['setState']): MessageViewSliceData & MessageViewSliceActions {
  return {
    logFilter: EMPTY_FILTER,
    detailKey: null,
    unsniffed: [],
    setLogFilter: (patch) => set((s) => ({ logFilter: { ...s.logFilter, ...patch } })),
    showMessage: (detailKey) => set({ detailKey }),
    setSniffed: (name, sniffed) =>
      set((s) => {
        const has = s.unsniffed.includes(name);
        if (sniffed === !has) return {};
        return { unsniffed: sniffed ? s.unsniffed.filter((n) => n !== name) : [...s.unsniffed, name] };
      }),
  };
}
