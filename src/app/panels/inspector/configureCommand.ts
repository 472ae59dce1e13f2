/** The inspector's agent settings form as data: from an AgentView, to one `agent.configure`. */
import type { RedeliveryPolicy, RestartType } from '../../../kernel/resilienceTypes';
import type { AgentLimits, AgentView, Command, LimitsPatch } from '../../../kernel/types';

export interface AgentSettings {
  restart: RestartType;
  redelivery: RedeliveryPolicy;
  /** '' = top level. */
  group: string;
  isolated: boolean;
  limits: AgentLimits;
}

export function settingsOf(agent: AgentView): AgentSettings {
  return {
    restart: agent.restart,
    redelivery: agent.redelivery,
    group: agent.group ?? '',
    isolated: agent.isolated,
    limits: { ...agent.limits },
  };
}

/** Only what differs from the agent now; an optional limit cleared (0 or absent) is `null`. */
export function configureCommand(agent: AgentView, s: AgentSettings): Command {
  const command: Extract<Command, { type: 'agent.configure' }> = { type: 'agent.configure', name: agent.name };
  const limits: LimitsPatch = {};
  for (const key of Object.keys({ ...agent.limits, ...s.limits }) as (keyof AgentLimits)[]) {
    const next = s.limits[key] || undefined;
    if (next === agent.limits[key]) continue;
    (limits as Record<string, unknown>)[key] = next ?? null;
  }
  if (Object.keys(limits).length > 0) command.limits = limits;
  if (s.restart !== agent.restart) command.restart = s.restart;
  if (s.redelivery !== agent.redelivery) command.redelivery = s.redelivery;
  if (s.group !== (agent.group ?? '')) command.group = s.group || null;
  if (s.isolated !== agent.isolated) command.isolated = s.isolated;
  return command;
}

const HOST_ENFORCED = ['memoryPages', 'deadlineMs'] as const;

/** Whether applying `s` restarts the agent (a host-enforced setting changes). */
export function restartsFor(agent: AgentView, s: AgentSettings): boolean {
  return s.isolated !== agent.isolated || HOST_ENFORCED.some((k) => (s.limits[k] || undefined) !== agent.limits[k]);
}
