/** The read model: what the kernel shows of its state now. */
import type { KernelState } from './state/kernelState';
import type { AgentView, KernelSnapshot, LinkView } from './types';

export function snapshot(state: KernelState): KernelSnapshot {
  const agents: AgentView[] = [];
  for (const agent of state.registry.ofType('agent')) {
    const view: AgentView = {
      name: agent.name,
      kind: agent.kind,
      status: agent.status,
      instance: agent.instance,
      restarts: agent.restarts,
      mailboxDepth: agent.queue.length + agent.inFlight.length,
      counters: state.metrics.node(agent.name),
      config: agent.config,
      limits: { ...agent.limits },
      restart: agent.restartType,
      redelivery: agent.redelivery,
      isolated: agent.isolated,
    };
    if (agent.group !== undefined) view.group = agent.group;
    agents.push(view);
  }
  return {
    time: state.clock.now(),
    agents,
    topics: [...state.registry.ofType('topic')].map((t) => t.name),
    clients: [...state.registry.ofType('client')].map((c) => c.name),
    links: [...state.links.byId.values()].map((link) => {
      const view: LinkView = { id: link.id, a: link.a, b: link.b, counters: state.metrics.link(link.id) };
      if (link.policy !== undefined) view.policy = link.policy;
      if (link.breaker !== undefined) view.breaker = link.breaker.state;
      return view;
    }),
    groups: state.groups.views(),
    deadLetters: state.deadLetters.total,
    faults: [...state.chaos.faults.values()],
    seq: state.log.nextSeq,
    eventsDropped: state.log.dropped,
  };
}
