/**
 * Shrink: from a failing recording, a smaller one that still fails. Delta debugging (Zeller's
 * ddmin) over the external inputs a shrink may drop — client and console messages and faults
 * — re-running the simulation with each candidate subset (topology and other commands kept)
 * while `fails` still holds. A simulated recording's seed makes every candidate a
 * deterministic run, so a verdict is never noise.
 */
import { conversationsOf, type Conversation } from './conversations';
import { droppableInputs, rerunWith, type Rerun } from './rerun';
import type { SimulationForOptions } from './simulationFor';
import type { Recording } from './types';

/** The recording's inputs, run again, do not fail: there is no failure to keep while shrinking. */
export class NothingToShrinkError extends Error {
  override name = 'NothingToShrinkError';
}

export interface ShrinkStep {
  /** Droppable inputs the candidate kept. */
  kept: number;
  /** The candidate still failed (and became the current one). */
  failed: boolean;
}

export interface ShrinkResult {
  recording: Recording;
  /** The droppable inputs before and after. */
  from: number;
  to: number;
  steps: ShrinkStep[];
  /** The minimal run's conversations (show them). */
  conversations: Conversation[];
  /** Stopped at `maxRuns` before the subset was 1-minimal. */
  gaveUp: boolean;
}

export interface ShrinkOptions extends SimulationForOptions {
  /** Still failing? (a chaos hypothesis broke, a load threshold crossed...) */
  fails(run: Rerun): boolean | Promise<boolean>;
  /** Most candidate runs (default 200). */
  maxRuns?: number;
}

export async function shrink(recording: Recording, options: ShrinkOptions): Promise<ShrinkResult> {
  const all = droppableInputs(recording).map((i) => i.index);
  const steps: ShrinkStep[] = [];
  const maxRuns = options.maxRuns ?? 200;
  const tried = new Map<string, Rerun | undefined>();
  async function test(subset: readonly number[]): Promise<Rerun | undefined> {
    const key = subset.join(',');
    if (tried.has(key)) return tried.get(key);
    const run = await rerunWith(recording, new Set(subset), options);
    const failed = await options.fails(run);
    steps.push({ kept: subset.length, failed });
    tried.set(key, failed ? run : undefined);
    return failed ? run : undefined;
  }
  const original = await test(all);
  if (!original) throw new NothingToShrinkError(`recording "${recording.header.name}" does not fail when run again: nothing to shrink`);
  const { current, best, gaveUp } = await ddmin(all, original, test, () => steps.length >= maxRuns);
  return {
    recording: best.recording,
    from: all.length,
    to: current.length,
    steps,
    conversations: conversationsOf(best.log),
    gaveUp,
  };
}

async function ddmin(
  all: number[],
  original: Rerun,
  test: (subset: readonly number[]) => Promise<Rerun | undefined>,
  outOfRuns: () => boolean,
): Promise<{ current: number[]; best: Rerun; gaveUp: boolean }> {
  let current = all;
  let best = original;
  let n = 2;
  while (current.length >= 2) {
    if (outOfRuns()) return { current, best, gaveUp: true };
    const chunks = split(current, n);
    let reduced = false;
    for (const candidate of [...chunks, ...(n > 2 ? chunks.map((c) => current.filter((i) => !c.includes(i))) : [])]) {
      if (outOfRuns()) return { current, best, gaveUp: true };
      const run = await test(candidate);
      if (run) {
        const wasChunk = chunks.includes(candidate);
        current = candidate;
        best = run;
        n = wasChunk ? 2 : Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (reduced) continue;
    if (n >= current.length) break;
    n = Math.min(current.length, n * 2);
  }
  if (current.length === 1 && !outOfRuns()) {
    const none = await test([]);
    if (none) return { current: [], best: none, gaveUp: false };
  }
  return { current, best, gaveUp: false };
}

function split<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  const size = Math.ceil(items.length / n);
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
