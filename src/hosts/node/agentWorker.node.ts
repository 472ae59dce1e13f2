/** Entry of a Node agent worker (worker_threads): the shared runtime on parentPort. */
import { parentPort } from 'node:worker_threads';
import { startAgentWorker } from '../worker/startAgentWorker';
import { withRingWorker } from '../worker/ring/ringTransport';

const port = parentPort;
if (!port) throw new Error('agentWorker.node must run in a worker_threads Worker');
startAgentWorker(
  withRingWorker({
    post: (message, transfer) => port.postMessage(message, transfer),
    onMessage: (handler) => port.on('message', handler),
  }),
);
