/** Entry of a browser agent worker (a nested module worker of the kernel worker). */
import { startAgentWorker } from '../worker/startAgentWorker';
import type { ToAgentWorker } from '../worker/protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
startAgentWorker({
  post: (message) => scope.postMessage(message),
  onMessage: (handler) => scope.addEventListener('message', (e: MessageEvent<ToAgentWorker>) => handler(e.data)),
});
