/** Choose recorded agents to be answered by a stand-in from the recording, each with its mode. */
import { useMemo } from 'react';
import { recordedAgentKinds } from '../../../browser/replay/recordedAgents';
import type { Recording } from '../../../experiments/replay/types';
import type { StandInMode } from '../../../experiments/replay/standIn';
import { CheckField, SelectField } from '../../ui/fields';
import { STAND_IN_MODES, type StandInChoices } from './standInView';

export function useRecordedAgents(recording: Recording | undefined): string[] {
  return useMemo(() => (recording ? [...recordedAgentKinds(recording).keys()] : []), [recording]);
}

export function StandInPicker(props: { agents: readonly string[]; choices: StandInChoices; onChange(choices: StandInChoices): void }) {
  if (props.agents.length === 0) return null;
  const set = (agent: string, change: Partial<{ on: boolean; mode: StandInMode }>) => {
    const current = props.choices[agent] ?? { on: false, mode: 'replay' as StandInMode };
    props.onChange({ ...props.choices, [agent]: { ...current, ...change } });
  };
  return (
    <fieldset className="replay-standins" aria-label="Stand-ins">
      <legend className="lab-label">Stand-ins: answer from the recording instead of the agent (simulation only)</legend>
      {props.agents.map((agent) => (
        <div key={agent} className="lab-row">
          <CheckField label={`Stand-in for ${agent}`} checked={props.choices[agent]?.on ?? false} onChange={(on) => set(agent, { on })} />
          <SelectField<StandInMode>
            label={`Mode for ${agent}`}
            value={props.choices[agent]?.mode ?? 'replay'}
            options={STAND_IN_MODES}
            onChange={(mode) => set(agent, { mode })}
          />
        </div>
      ))}
    </fieldset>
  );
}
