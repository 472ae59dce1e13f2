/** The host's effects as one agent worker carries them out: spawn, deliver, fault, kill. */
import type { Delivery, WorkerEffect } from '../protocol';
import { applyFault, newAgentSlot, type SpawnEffect } from './agentSlot';
import type { AgentWorkerCore } from './agentWorkerCore';

export function applyWorkerEffect(core: AgentWorkerCore, effect: WorkerEffect): void {
  switch (effect.type) {
    case 'spawn':
      return spawn(core, effect);
    case 'fault': {
      const slot = core.current(effect.agent, effect.instance);
      if (slot && slot.status !== 'dead') applyFault(slot, effect);
      return;
    }
    case 'kill': {
      const slot = core.current(effect.agent, effect.instance);
      if (!slot) return;
      core.drop(slot);
      core.agents.delete(effect.agent);
      return;
    }
  }
}

function spawn(core: AgentWorkerCore, effect: SpawnEffect): void {
  const previous = core.agents.get(effect.agent);
  if (previous && previous.instance > effect.instance) return;
  if (previous) core.drop(previous);
  const slot = newAgentSlot(effect);
  core.agents.set(effect.agent, slot);
  core.lanes.set(effect.token, slot);
  if (!core.kinds.has(effect.hash)) {
    slot.status = 'dead';
    core.finished(effect.token);
    core.emit({
      type: 'agent.init-failed',
      agent: slot.name,
      instance: slot.instance,
      error: `unknown kind ${effect.hash}: the host did not send it to this worker`,
    });
    return;
  }
  core.budget.acquire(slot);
}

export function deliver(core: AgentWorkerCore, delivery: Delivery): void {
  const slot = core.lanes.get(delivery.lane);
  if (!slot || slot.status === 'dead' || core.current(slot.name, slot.instance) !== slot) {
    core.finished(delivery.token);
    return;
  }
  slot.queue.push(delivery);
  if (slot.status !== 'ready') return;
  if (slot.agent) {
    if (slot.queue.length === 1) core.ready.push(slot);
  } else core.budget.acquire(slot); // passive: activate (or wait for budget)
}
