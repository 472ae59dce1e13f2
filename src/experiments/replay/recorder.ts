/**
 * The tape recorder: the kernel's `onInput` tap appends every input with the time the kernel
 * handled it at, within a budget of inputs. Over budget, taping stops and says so
 * (`cutShort`): a tape with a hole in it could not reproduce anything after the hole.
 */
import type { KernelInput } from '../../kernel/types';
import type { TapeEntry } from './types';

export const DEFAULT_TAPE_BUDGET = 500_000;

export interface TapeRecorder {
  /** Pass as the kernel's `onInput`. */
  onInput(input: KernelInput, now: number): void;
  /** The entries so far (the recorder's own array: copy it before the tape moves on). */
  tape(): readonly TapeEntry[];
  readonly size: number;
  readonly budget: number;
  readonly cutShort: { reason: string; atIndex: number } | undefined;
  /**
   * Stops taping for good and lets go of the entries (memory): nothing can be recorded from
   * this tape any more. `reason` becomes `cutShort` unless the tape was already cut short.
   */
  release(reason: string): void;
  /** Calls `listener` once, when the budget runs out. */
  whenCutShort(listener: () => void): void;
}

export function createTapeRecorder(options: { budget?: number } = {}): TapeRecorder {
  const budget = options.budget ?? DEFAULT_TAPE_BUDGET;
  if (!(budget >= 0)) throw new RangeError(`the tape budget must be ≥ 0, got ${budget}`);
  let entries: TapeEntry[] = [];
  let cutShort: { reason: string; atIndex: number } | undefined;
  const cutListeners: (() => void)[] = [];
  return {
    onInput(input, now) {
      if (cutShort) return;
      if (entries.length >= budget) {
        cutShort = { reason: `the tape budget of ${budget} inputs was used up`, atIndex: entries.length };
        for (const listener of cutListeners.splice(0)) listener();
        return;
      }
      entries.push({ t: now, input: detach(input) });
    },
    tape: () => entries,
    get size() {
      return entries.length;
    },
    budget,
    get cutShort() {
      return cutShort;
    },
    release(reason) {
      cutShort ??= { reason, atIndex: entries.length };
      cutListeners.length = 0;
      entries = [];
    },
    whenCutShort(listener) {
      if (!cutShort) cutListeners.push(listener);
    },
  };
}

/**
 * Message payloads come from outside (a client's draft, a JS agent's object) and their
 * owner may change them after the step; the tape keeps a copy of those, nothing else.
 */
function detach(input: KernelInput): KernelInput {
  if ((input.type === 'message.send' || input.type === 'agent.sent') && typeof input.message === 'object' && input.message !== null) {
    try {
      return { ...input, message: structuredClone(input.message) };
    } catch {
      return input; // not cloneable (a function inside): the kernel refuses it anyway
    }
  }
  return input;
}
