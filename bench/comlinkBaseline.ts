/** comlink, one call per round trip, to a worker_thread: the control path's cost per call. */
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';

const WORKER = `
import { parentPort } from 'node:worker_threads';
import * as Comlink from ${JSON.stringify(import.meta.resolve('comlink'))};
import nodeEndpoint from ${JSON.stringify(import.meta.resolve('comlink/dist/esm/node-adapter.mjs'))};
Comlink.expose({ echo: (m) => m }, nodeEndpoint(parentPort));
`;

export async function measureComlinkPerCall(durationMs: number): Promise<number> {
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER)}`));
  const remote = Comlink.wrap<{ echo(m: unknown): unknown }>(nodeEndpoint(worker));
  try {
    const payload = { performative: 'request', receiver: 'echo', content: { n: 1 } };
    for (let i = 0; i < 200; i++) await remote.echo(payload);
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < durationMs) {
      await remote.echo(payload);
      n++;
    }
    return n / ((performance.now() - start) / 1000);
  } finally {
    remote[Comlink.releaseProxy]();
    await worker.terminate();
  }
}
