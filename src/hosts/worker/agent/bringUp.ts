/**
 * Making an agent's instance: its first start, or an activation after passivation
 * (instantiate from the cached module with the agent's current kv, then init(config) again;
 * standing faults, memory cap and deadline stay in the slot). An out-of-memory instantiate
 * passivates one more agent and retries once; failing again, a first start is
 * `agent.init-failed` and an activation `agent.crashed`, with the reason.
 */
import { AgentTrap, type AgentInstance, type CallOutcome } from '../../../wasm/createAgentKind';
import { errorMessage, type AgentSlot } from './agentSlot';
import type { AgentWorkerCore } from './agentWorkerCore';
import { guestBindings } from './guestBindings';

/** Instantiate and run init; the slot holds a lease. */
export async function bringUp(slot: AgentSlot, core: AgentWorkerCore): Promise<void> {
  const first = slot.status === 'loading';
  slot.instantiating = true;
  let agent: AgentInstance | undefined;
  let failure: string | undefined;
  try {
    agent = await instantiate(slot, core);
  } catch (e) {
    failure = errorMessage(e);
  }
  slot.instantiating = false;
  if (core.current(slot.name, slot.instance) !== slot || slot.status === 'dead') {
    // Killed or replaced meanwhile: its lease went with it.
    agent?.release?.();
    if (first) core.finished(slot.spawnToken);
  } else if (!agent) {
    failedToInstantiate(slot, core, first, failure ?? 'instantiation failed');
  } else {
    slot.agent = agent;
    if (!first) core.activated();
    runInit(slot, core, first);
    core.pump();
    return;
  }
  core.budget.serve();
  core.pump();
}

function failedToInstantiate(slot: AgentSlot, core: AgentWorkerCore, first: boolean, failure: string): void {
  core.drop(slot);
  const base = { agent: slot.name, instance: slot.instance };
  if (!first) return core.emit({ type: 'agent.crashed', ...base, reason: `could not activate the passivated agent: ${failure}` });
  core.finished(slot.spawnToken);
  core.emit({ type: 'agent.init-failed', ...base, error: failure });
}

function runInit(slot: AgentSlot, core: AgentWorkerCore, first: boolean): void {
  // A first start is watched under its spawn token; an activation under the delivery that
  // asked for it, so a runaway init blames that message.
  const token = first ? slot.spawnToken : (slot.queue[0]?.token ?? 0);
  if (token !== 0) core.watchdog.watch(token, slot.deadlineMs);
  let outcome: CallOutcome;
  let trapped: string | undefined;
  slot.replaying = !first;
  try {
    outcome = slot.agent!.init(slot.config);
  } catch (e) {
    outcome = { ok: false, error: `trap during init: ${errorMessage(e)}` };
    if (e instanceof AgentTrap) trapped = outcome.error;
  } finally {
    slot.replaying = false;
  }
  core.watchdog.clear();
  if (first) core.finished(token);
  const base = { agent: slot.name, instance: slot.instance };
  if (trapped !== undefined) {
    // A trap is a crash (the kernel supervises it); an error init returns is a failed start.
    core.drop(slot);
    core.emit({ type: 'agent.crashed', ...base, reason: trapped });
  } else if (!outcome.ok) {
    core.drop(slot);
    if (first) core.emit({ type: 'agent.init-failed', ...base, error: outcome.error });
    else core.emit({ type: 'agent.crashed', ...base, reason: `init failed on re-activation: ${outcome.error}` });
  } else {
    if (first) {
      slot.status = 'ready';
      core.emit({ type: 'agent.ready', ...base });
    }
    if (slot.queue.length > 0) core.ready.push(slot);
  }
}

/** Instantiate from the cached module; out of memory, passivate one more and retry once. */
async function instantiate(slot: AgentSlot, core: AgentWorkerCore): Promise<AgentInstance> {
  const kind = await core.kinds.get(slot.hash)!;
  const make = () => kind.instantiate(guestBindings(slot, core), { memoryPages: slot.memoryPages, pool: core.budget.pool });
  try {
    return await make();
  } catch (e) {
    if (!isOutOfMemory(e) || !core.budget.evictOne(slot)) throw e;
    return await make();
  }
}

/** V8: "WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory for new instance", "could not allocate memory". */
function isOutOfMemory(e: unknown): boolean {
  return e instanceof RangeError || /out of memory|could not allocate memory|cannot allocate wasm memory/i.test(errorMessage(e));
}
