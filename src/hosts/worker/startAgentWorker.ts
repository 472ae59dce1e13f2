/**
 * The agent-worker runtime, shared by browser Workers and Node worker_threads. It hosts
 * many agent instances, runs each agent's deliveries one at a time in order, and reports
 * what happened as host events in batches.
 *
 * Passivation (virtual actors, as in Orleans). A Chromium renderer process holds only
 * ~124 WebAssembly memories at once (V8 reserves ~8 GiB of address space per memory in a
 * ~1 TiB sandbox), shared by every worker of the tab. So each worker may hold at most
 * `instanceBudget` live instances (its share of the pool's budget). Agents keep their
 * durable state in the host kv (the SDK's rule) and this worker keeps each agent's kv, so
 * an idle agent's instance can be released and made again on demand:
 * - When an agent needs an instance (its first spawn, or a delivery to a passive agent)
 *   and the worker is at budget, the least recently used *idle* live agent is passivated:
 *   nothing queued, not handling, not instantiating. Its instance is released (a pooled
 *   memory goes back to the pool zeroed; see src/wasm/memoryPool.ts).
 * - If no agent is idle, the agent waits in FIFO order, holding no budget; every live
 *   agent drains its queue in the next pump and then becomes evictable, so nobody waits
 *   forever and nothing fails for want of budget.
 * - Activation = instantiate from the cached module with the agent's current kv, then
 *   init(config) again (standing faults, memory cap and deadline are kept in the slot, so
 *   they apply to the new instance). Sends and logs of that re-run init are dropped (the
 *   kernel saw the first ones); kv writes it makes are kept and reported. An out-of-memory
 *   instantiate passivates one more agent and retries once; failing again, the agent is
 *   reported `agent.crashed` with the reason.
 * - The kernel never hears of it: no events, same instance number. The one semantic cost
 *   (documented in agents/README.md): state kept in wasm globals or linear memory rather
 *   than kv does not survive passivation, exactly as it does not survive a restart.
 */
import { createAgentKind, type AgentKind } from '../../wasm/createAgentKind';
import { applyWorkerEffect, deliver } from './agent/agentEffects';
import type { AgentSlot } from './agent/agentSlot';
import type { AgentWorkerCore } from './agent/agentWorkerCore';
import { bringUp } from './agent/bringUp';
import { createInstanceBudget } from './agent/instanceBudget';
import { pumpReady } from './agent/pumpReady';
import { createWatchdogWriter } from './agent/watchdogWriter';
import { bareBatch, wallNow, wireMessage, type AgentWorkerStats, type ToAgentWorker } from './protocol';
import type { AgentWorkerPort } from './transport';
import { readEffects, type EffectsVisitor } from './wire/effectsWire';
import { transferList } from './wire/bytes';
import { EventsWriter } from './wire/eventsWire';

export function startAgentWorker(port: AgentWorkerPort): void {
  const out = new EventsWriter();
  let clockBase = 0;
  let wallBase = wallNow();
  let activations = 0;
  let pumping = false;

  const core: AgentWorkerCore = {
    kinds: new Map<string, Promise<AgentKind>>(),
    agents: new Map<string, AgentSlot>(),
    lanes: new Map<number, AgentSlot>(),
    out,
    ready: [],
    budget: createInstanceBudget((slot) => void bringUp(slot, core)),
    watchdog: createWatchdogWriter(),
    emit: (e) => out.event(e),
    finished: (token) => out.done(token),
    current(name, instance) {
      const slot = core.agents.get(name);
      return slot && slot.instance === instance ? slot : undefined;
    },
    drop(slot) {
      slot.status = 'dead';
      if (core.lanes.get(slot.spawnToken) === slot) core.lanes.delete(slot.spawnToken);
      for (const d of slot.queue) out.done(d.token);
      slot.queue = [];
      core.budget.release(slot);
    },
    now: (skewMs) => clockBase + (wallNow() - wallBase) + skewMs,
    pump,
    activated: () => void activations++,
  };

  const flush = () => {
    if (out.empty) return;
    const batch = out.take();
    port.post(wireMessage('events', batch), transferList(batch));
  };

  function pump(): void {
    if (pumping) return;
    pumping = true;
    try {
      pumpReady(core, flush);
    } finally {
      pumping = false;
      flush();
    }
  }

  function stats(): AgentWorkerStats {
    return { agents: core.agents.size, ...core.budget.stats(), budget: core.budget.limit, activations, memories: core.budget.pool.stats() };
  }

  // Made once: a batch arrives per round trip.
  const visitor: EffectsVisitor = { deliver: (d) => deliver(core, d), effect: (e) => applyWorkerEffect(core, e) };
  port.onMessage((msg: ToAgentWorker) => {
    if (!('t' in msg)) {
      readEffects(bareBatch(msg), visitor);
      pump();
      return;
    }
    switch (msg.t) {
      case 'init':
        clockBase = msg.clockBase;
        wallBase = msg.wallBase;
        if (msg.watchdog) core.watchdog.attach(msg.watchdog);
        if (msg.instanceBudget !== undefined && msg.instanceBudget > 0) core.budget.setLimit(msg.instanceBudget);
        return;
      case 'stats':
        port.post({ t: 'stats', id: msg.id, stats: stats() });
        return;
      case 'kind': {
        const kind = createAgentKind(msg.compiled, msg.modules ? new Map(msg.modules) : undefined);
        kind.catch(() => undefined);
        core.kinds.set(msg.compiled.hash, kind);
        return;
      }
      case 'effects':
        readEffects(msg, visitor);
        pump();
        return;
    }
  });
}
