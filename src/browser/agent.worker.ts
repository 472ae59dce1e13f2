/** Entry of a browser agent worker (a nested module worker of the kernel worker). */
import { startAgentWorker } from '../hosts/worker/startAgentWorker';
import type { ToAgentWorker } from '../hosts/worker/protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
startAgentWorker({
  post: (message, transfer) => scope.postMessage(message, transfer ?? []),
  onMessage: (handler) => scope.addEventListener('message', (e: MessageEvent<ToAgentWorker>) => handler(e.data)),
});
