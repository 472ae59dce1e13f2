/**
 * Undo/redo of canvas edits as data (tldraw's changes tagged with their source): every
 * entry holds the step that did the edit and the step that undoes it. Pure; the action
 * manager carries steps out against the kernel with source `replay`, so a replayed step
 * is never recorded again.
 */
import type { Command } from '../../kernel/types';
import type { XY } from './types';

/** One side of an edit: kernel commands, then canvas positions to apply. */
export interface HistoryStep {
  commands: Command[];
  /** Where nodes should be (set before the commands so re-deployed nodes land there). */
  positions?: Record<string, XY>;
  /** Supervision group of re-deployed agents (null: top level). */
  membership?: Record<string, string | null>;
}

export interface HistoryEntry {
  /** e.g. "Deploy echo-1", "Move 3 nodes": shown in the Undo/Redo tooltips. */
  label: string;
  forward: HistoryStep;
  backward: HistoryStep;
}

export interface HistoryState {
  past: HistoryEntry[];
  future: HistoryEntry[];
}

export const HISTORY_LIMIT = 200;

export const emptyHistory = (): HistoryState => ({ past: [], future: [] });

/** A new user edit: it goes on top and clears what could be redone. */
export function record(history: HistoryState, entry: HistoryEntry, limit = HISTORY_LIMIT): HistoryState {
  const past = [...history.past, entry];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

/** The entry undo would revert, if any. */
export const nextUndo = (h: HistoryState): HistoryEntry | undefined => h.past[h.past.length - 1];
export const nextRedo = (h: HistoryState): HistoryEntry | undefined => h.future[h.future.length - 1];

/** After the backward step of the top entry was carried out. */
export function undone(h: HistoryState): HistoryState {
  const entry = nextUndo(h);
  if (!entry) return h;
  return { past: h.past.slice(0, -1), future: [...h.future, entry] };
}

/** After the forward step of the next redo entry was carried out. */
export function redone(h: HistoryState): HistoryState {
  const entry = nextRedo(h);
  if (!entry) return h;
  return { past: [...h.past, entry], future: h.future.slice(0, -1) };
}

/** Two entries as one (e.g. remove several nodes): forward in order, backward reversed. */
export function combine(label: string, entries: readonly HistoryEntry[]): HistoryEntry {
  return {
    label,
    forward: joinSteps(entries.map((e) => e.forward)),
    backward: joinSteps([...entries].reverse().map((e) => e.backward)),
  };
}

function joinSteps(steps: readonly HistoryStep[]): HistoryStep {
  const commands: Command[] = [];
  let positions: Record<string, XY> | undefined;
  let membership: Record<string, string | null> | undefined;
  for (const step of steps) {
    commands.push(...step.commands);
    if (step.positions) positions = { ...(positions ?? {}), ...step.positions };
    if (step.membership) membership = { ...(membership ?? {}), ...step.membership };
  }
  return { commands, ...(positions ? { positions } : {}), ...(membership ? { membership } : {}) };
}
