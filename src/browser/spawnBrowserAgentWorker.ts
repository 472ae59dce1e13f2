/** Browser agent workers: module Workers, started from the kernel worker. */
import type { AgentWorkerHandle } from '../hosts/worker/transport';
import type { FromAgentWorker } from '../hosts/worker/protocol';
import { withRingHost, type RawAgentWorkerHandle } from '../hosts/worker/ring/ringTransport';
import type { RingWire } from '../hosts/worker/ring/ringEndpoint';

export function spawnBrowserAgentWorker(): AgentWorkerHandle {
  const worker = new Worker(new URL('./agent.worker.ts', import.meta.url), { type: 'module', name: 'orrery-agent' });
  let exitHandler: ((reason: string) => void) | undefined;
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    exitHandler?.(`error: ${e.message || 'the agent worker failed to load'}`);
  });
  worker.addEventListener('messageerror', () => exitHandler?.('messageerror: a message could not be deserialized'));
  const raw: RawAgentWorkerHandle = {
    post: (message, transfer) => worker.postMessage(message, transfer ?? []),
    onMessage: (handler) =>
      worker.addEventListener('message', (e: MessageEvent<RingWire<FromAgentWorker> | FromAgentWorker>) => handler(e.data)),
    onExit: (handler) => {
      exitHandler = handler;
    },
    terminate: () => worker.terminate(),
  };
  return withRingHost(raw);
}
