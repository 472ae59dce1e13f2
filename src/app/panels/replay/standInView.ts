/** Stand-ins as the Replay tab shows them (pure): the choices as requests, each stand-in's outcome as lines. */
import type { StandInOutcome, StandInRequest } from '../../../browser/replay/types';
import type { StandInMode } from '../../../experiments/replay/standIn';
import { formatError } from '../../../protocol/errors';
import { plural } from '../../ui/format';

export const STAND_IN_MODES: readonly { value: StandInMode; label: string }[] = [
  { value: 'replay', label: 'replay (only from the recording)' },
  { value: 'passthrough', label: 'passthrough (unmatched → the real agent)' },
  { value: 'record-if-missing', label: 'record if missing (unmatched → the real agent, kept)' },
];

/** Per recorded agent: replaced by a stand-in or not, and the mode it would answer in. */
export type StandInChoices = Readonly<Record<string, { on: boolean; mode: StandInMode }>>;

/** The chosen stand-ins, among the recording's agents, in the recording's order. */
export function standInRequests(agents: readonly string[], choices: StandInChoices): StandInRequest[] {
  return agents.flatMap((agent) => {
    const choice = choices[agent];
    return choice?.on ? [{ agent, mode: choice.mode }] : [];
  });
}

export interface StandInRow {
  agent: string;
  summary: string;
  ok: boolean;
  /** Each message the recording could not answer: its coded error, whole. */
  misses: string[];
}

export function standInRows(outcomes: readonly StandInOutcome[] | undefined): StandInRow[] {
  return (outcomes ?? []).map((o) => {
    const parts = [
      o.misses.length === 0
        ? 'every message answered from the recording'
        : `${plural(o.misses.length, 'message')} the recording could not answer`,
      ...(o.added > 0 ? [`${plural(o.added, 'new exchange')} recorded from the real agent`] : []),
      `${o.unused} recorded ${o.unused === 1 ? 'exchange' : 'exchanges'} not asked for`,
    ];
    return {
      agent: o.agent,
      summary: `${o.agent} (stand-in, ${o.mode}): ${parts.join('; ')}.`,
      ok: o.misses.length === 0,
      misses: o.misses.map((m) => formatError(m.error, { hint: false })),
    };
  });
}
