/**
 * `replay --stand-in AGENT[=MODE]`: recorded agents replaced by stand-ins that answer from the
 * recording (the core's `createStandIn` over the replay's kind library), and what they could
 * not answer, as ORR510 / ORR511 lines.
 */
import type { StandIn } from '../experiments/replay/standIn';
import type { MatchRules } from '../experiments/replay/match';
import type { Recording } from '../experiments/replay/types';
import { formatError } from '../protocol/errors';
import { InputError } from './exitCodes';
import { recordedAgents, type ReplayAgents } from './replayAgents';
import type { StandInSpec } from './replayArgs';
import type { StandInOutcome } from './replayReport';

/** The agents with the stand-ins in place: their kinds added to the library, the agents deployed as them. */
export async function withStandInAgents(
  recording: Recording,
  agents: ReplayAgents,
  specs: readonly StandInSpec[],
  rules: MatchRules,
): Promise<{ agents: ReplayAgents; standIns: StandIn[] }> {
  if (specs.length === 0) return { agents, standIns: [] };
  const { createStandIn, withStandIns } = await import('../experiments/replay/standIn');
  const recorded = recordedAgents(recording);
  const standIns = specs.map(({ agent, mode }) => {
    const kind = agents.kinds[agent] ?? recorded.get(agent);
    if (kind === undefined)
      throw new InputError(
        `--stand-in ${agent}: the recording has no agent "${agent}"; its agents: ${[...recorded.keys()].sort().join(', ') || 'none'}`,
      );
    const real = agents.library.get(kind);
    return createStandIn({ recording, agent, mode, rules, ...(real ? { real } : {}) });
  });
  const kinds = { ...agents.kinds };
  specs.forEach(({ agent }, i) => (kinds[agent] = standIns[i]!.kind));
  return { agents: { ...agents, library: withStandIns(agents.library, standIns), kinds }, standIns };
}

/** Each stand-in's label, one ORR510 / ORR511 line per message it could not answer, its recorded answers left. */
export function standInOutcomes(standIns: readonly StandIn[]): StandInOutcome[] {
  return standIns.map((s) => ({
    label: s.spawnable.info.label,
    misses: s.misses().map((m) => formatError(m.error, { hint: false })),
    unused: s.unused(),
  }));
}
