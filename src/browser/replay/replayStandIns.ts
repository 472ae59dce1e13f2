/**
 * Stand-ins for a replay in simulation: each chosen recorded agent is deployed as a stand-in
 * kind answering from the recording (the core's `createStandIn`), added to the compiled kind
 * library (`withStandIns`); passthrough and record-if-missing fall back to the agent's real kind.
 */
import type { KindLibrary } from '../../hosts/inProcess';
import type { MatchRules } from '../../experiments/replay/match';
import { createStandIn, withStandIns, type StandIn } from '../../experiments/replay/standIn';
import type { Recording } from '../../experiments/replay/types';
import { recordedAgentKinds } from './recordedAgents';
import type { StandInOutcome, StandInRequest } from './types';

export interface StandInSetup {
  library: KindLibrary;
  /** Agent name → kind: the request's swaps with the stand-ins' kinds over them. */
  kinds: Record<string, string>;
  outcomes(): StandInOutcome[];
}

/** Refuses a request naming an agent the recording never deployed, or the same agent twice. */
function checkStandIns(agents: ReadonlyMap<string, string>, standIns: readonly StandInRequest[]): void {
  const seen = new Set<string>();
  for (const { agent, mode } of standIns) {
    if (!agents.has(agent))
      throw new Error(
        `stand-in for "${agent}": the recording has no agent of that name (it has ${[...agents.keys()].join(', ') || 'none'})`,
      );
    if (seen.has(agent)) throw new Error(`stand-in for "${agent}" asked twice`);
    if (mode !== 'replay' && mode !== 'passthrough' && mode !== 'record-if-missing')
      throw new Error(`stand-in for "${agent}": mode must be replay, passthrough or record-if-missing, got ${JSON.stringify(mode)}`);
    seen.add(agent);
  }
}

export function setUpStandIns(
  recording: Recording,
  request: { standIns: readonly StandInRequest[]; kinds?: Readonly<Record<string, string>>; rules?: MatchRules },
  library: KindLibrary,
): StandInSetup {
  const recorded = recordedAgentKinds(recording);
  checkStandIns(recorded, request.standIns);
  const kinds: Record<string, string> = { ...request.kinds };
  const made: { request: StandInRequest; standIn: StandIn }[] = [];
  for (const wanted of request.standIns) {
    const realKind = request.kinds?.[wanted.agent] ?? recorded.get(wanted.agent)!;
    const needsReal = wanted.mode !== 'replay';
    const real = needsReal ? library.get(realKind) : undefined;
    if (needsReal && !real)
      throw new Error(`stand-in for "${wanted.agent}": ${wanted.mode} needs its kind "${realKind}", which the workbench does not have`);
    const standIn = createStandIn({
      recording,
      agent: wanted.agent,
      mode: wanted.mode,
      ...(request.rules ? { rules: request.rules } : {}),
      ...(real ? { real } : {}),
    });
    kinds[wanted.agent] = standIn.kind;
    made.push({ request: wanted, standIn });
  }
  return {
    library: withStandIns(
      library,
      made.map((m) => m.standIn),
    ),
    kinds,
    outcomes: () =>
      made.map(({ request: r, standIn }) => ({
        agent: r.agent,
        mode: r.mode,
        misses: standIn.misses().map((m) => ({ message: m.message, error: m.error })),
        added: standIn.added().length,
        unused: standIn.unused(),
      })),
  };
}
