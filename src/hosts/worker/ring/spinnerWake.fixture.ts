/**
 * A worker_threads entry for ringChannel.int.test: waits for an answer on its signal words the
 * way a worker does (Spinner), with no polling and a long block, and reports how it ended.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Spinner } from './spinner';

const { signal, answer, waitUs } = workerData as { signal: SharedArrayBuffer; answer: SharedArrayBuffer; waitUs: number };
const answered = new Int32Array(answer);
// busyUs: a new thread's first loop turns are slow, and the spin must not be dropped as "busy".
const spinner = new Spinner({ signal, spinUs: 0, waitUs, busyUs: 60_000_000 });
const start = performance.now();
spinner.arm({
  hasInbound: () => Atomics.load(answered, 0) !== 0,
  settle: () => parentPort!.postMessage({ ms: performance.now() - start, found: spinner.stats.found }),
});
