/** The agents a recording deployed, with the kind each was last deployed as (pure, one pass over the tape's commands). */
import type { Recording } from '../../experiments/replay/types';

export function recordedAgentKinds(recording: Pick<Recording, 'tape'>): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const { input } of recording.tape) {
    if ('type' in input && input.type === 'agent.deploy') kinds.set(input.spec.name, input.spec.kind);
  }
  return kinds;
}
