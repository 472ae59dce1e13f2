/** A worker_threads entry for ringChannel.int.test: echoes whatever comes over the ring channel, in order. */
import { parentPort } from 'node:worker_threads';
import type { FromAgentWorker } from '../protocol';
import { withRingWorker } from './ringTransport';

const port = parentPort!;
const channel = withRingWorker({
  post: (message, transfer) => port.postMessage(message, transfer),
  onMessage: (handler) => port.on('message', handler),
});
// The echo hands back what it got: the test sends only buffers and plain objects.
channel.onMessage((message) => channel.post(message as FromAgentWorker, message instanceof ArrayBuffer ? [message] : []));
