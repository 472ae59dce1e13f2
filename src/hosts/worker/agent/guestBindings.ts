/**
 * The host imports one agent instance gets in a worker: what the guest does becomes host
 * events (send → agent.sent, kv-set → kv.set, log → agent.log, set-timer → agent.timer).
 * While init re-runs on an activation (passivation) its sends, logs and timers are not
 * repeated (the kernel saw the first ones); kv writes that change something are kept.
 */
import type { LogLevel } from '../../../kernel/types';
import type { HostBindings } from '../../../wasm/createAgentKind';
import { errorMessage, type AgentSlot } from './agentSlot';
import type { AgentWorkerCore } from './agentWorkerCore';

const encoder = new TextEncoder();
const LEVELS: ReadonlySet<string> = new Set(['debug', 'info', 'warn', 'error']);

export function guestBindings(slot: AgentSlot, core: AgentWorkerCore): HostBindings {
  const isCurrent = () => core.current(slot.name, slot.instance) === slot;
  const speaks = () => isCurrent() && !slot.replaying;
  const base = { agent: slot.name, instance: slot.instance };
  return {
    sendBytes: (bytes) => {
      if (speaks()) core.out.sent(slot.spawnToken, bytes);
    },
    send: (m) => {
      if (speaks()) core.out.sent(slot.spawnToken, encoder.encode(m));
    },
    kvGet: (k) => slot.kv.get(k),
    kvSet: (k, v) => {
      if (!isCurrent()) return;
      if (slot.replaying && slot.kv.get(k) === v) return;
      slot.kv.set(k, v);
      core.emit({ type: 'kv.set', ...base, key: k, value: v });
    },
    nowMs: () => core.now(slot.skewMs),
    log: (level, text) => {
      if (speaks()) core.emit({ type: 'agent.log', ...base, level: (LEVELS.has(level) ? level : 'info') as LogLevel, text });
    },
    setTimer: (delayMs, tag) => {
      if (speaks()) core.emit({ type: 'agent.timer', ...base, delayMs, tag });
    },
    onHostError: (fn, e) => {
      core.emit({ type: 'agent.log', ...base, level: 'error', text: `host ${fn} failed: ${errorMessage(e)}` });
    },
  };
}
