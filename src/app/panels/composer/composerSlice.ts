/**
 * The composer's history of sent messages: a serialisable slice (plain JSON, newest first)
 * so the workspace can persist it and give it back with `setComposerHistory`.
 */
import type { StoreApi } from 'zustand/vanilla';

export interface ComposerHistoryEntry {
  /** Unique within the history (`h<n>-<time>`). */
  id: string;
  /** The draft exactly as sent (JSON text). */
  text: string;
  performative: string;
  /** Receiver as text (`echo-1`, `a, b`, `*`, `topic:news`). */
  receiver: string;
  /** `send` = fire and forget; `request` = Send and wait. */
  mode: 'send' | 'request';
  /** Wall-clock time of sending (epoch ms). */
  sentAt: number;
  /** The id the kernel stamped, when it accepted the message. */
  messageId?: string;
}

export interface ComposerSliceData {
  composerHistory: ComposerHistoryEntry[];
}

export interface ComposerSliceActions {
  recordSent(entry: Omit<ComposerHistoryEntry, 'id'>): void;
  /** Replace the history (workspace restore); entries that are not well-formed are skipped. */
  setComposerHistory(entries: readonly unknown[]): void;
  clearComposerHistory(): void;
}

export const MAX_COMPOSER_HISTORY = 50;

export function isHistoryEntry(value: unknown): value is ComposerHistoryEntry {
  if (!value || typeof value !== 'object') return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    typeof e.text === 'string' &&
    typeof e.performative === 'string' &&
    typeof e.receiver === 'string' &&
    (e.mode === 'send' || e.mode === 'request') &&
    typeof e.sentAt === 'number' &&
    (e.messageId === undefined || typeof e.messageId === 'string')
  );
}

export function createComposerSlice(set: StoreApi<ComposerSliceData>['setState']): ComposerSliceData & ComposerSliceActions {
  let seq = 0;
  return {
    composerHistory: [],
    recordSent: (entry) =>
      set((s) => ({
        composerHistory: [{ ...entry, id: `h${++seq}-${entry.sentAt}` }, ...s.composerHistory].slice(0, MAX_COMPOSER_HISTORY),
      })),
    setComposerHistory: (entries) => set({ composerHistory: entries.filter(isHistoryEntry).slice(0, MAX_COMPOSER_HISTORY) }),
    clearComposerHistory: () => set({ composerHistory: [] }),
  };
}
