/** Entry of a browser agent worker (a nested module worker of the kernel worker). */
import { startAgentWorker } from '../hosts/worker/startAgentWorker';
import type { ToAgentWorker } from '../hosts/worker/protocol';
import { withRingWorker } from '../hosts/worker/ring/ringTransport';
import type { RingWire } from '../hosts/worker/ring/ringEndpoint';

const scope = self as unknown as DedicatedWorkerGlobalScope;
startAgentWorker(
  withRingWorker({
    post: (message, transfer) => scope.postMessage(message, transfer ?? []),
    onMessage: (handler) =>
      scope.addEventListener('message', (e: MessageEvent<RingWire<ToAgentWorker> | ToAgentWorker>) => handler(e.data)),
  }),
);
