/** A shrink as the Replay tab shows it (pure): progress, the verdict, the minimal run's inputs and conversation. */
import type { ShrinkOutcome, ShrinkProgress } from '../../../browser/replay/types';
import { compactJson } from '../../store/reduceEvents';
import { plural } from '../../ui/format';

export function shrinkProgressText(progress: ShrinkProgress): string {
  return `Shrinking… ${plural(progress.tried, 'candidate run')} tried; the smallest still failing keeps ${progress.kept} of ${plural(progress.from, 'input')}.`;
}

export interface ShrinkView {
  verdict: string;
  /** The minimal run's client messages and faults, at their times. */
  inputs: string[];
  /** The minimal run's messages, conversation by conversation. */
  messages: string[];
}

export function shrinkView(outcome: ShrinkOutcome): ShrinkView {
  if (!outcome.shrunk) return { verdict: outcome.reason.charAt(0).toUpperCase() + outcome.reason.slice(1) + '.', inputs: [], messages: [] };
  const stopped = outcome.gaveUp ? ' It stopped at its limit of runs: a smaller one may exist.' : '';
  return {
    verdict: `Shrunk from ${outcome.from} to ${plural(outcome.to, 'input')} (client messages and faults) that still fail the hypothesis, in ${plural(outcome.tried, 'candidate run')}.${stopped}`,
    inputs: outcome.inputs.map((i) => `${i.t} ms: ${i.text}`),
    messages: outcome.conversations.flatMap((c) =>
      c.messages.map(
        ({ t, message }) =>
          `${c.id} · ${t} ms: ${message.sender} → ${message.receiver} ${message.performative} ${compactJson(message.content ?? null)}`,
      ),
    ),
  };
}
