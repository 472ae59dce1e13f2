/**
 * One request in flight with every part on this thread: kernel, runtime, worker pool and the
 * agent worker's core (wasm echo), the two talking over the ring channel as between threads
 * (but no thread to wake). The CPU each round trip takes is the work of both ends without the
 * cost of crossings; its baseline is two posts of a string of the request's length on a
 * MessageChannel, what a crossing costs the plain way.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { createKernel } from '../src/kernel/kernel';
import { createSeededRng } from '../src/kernel/rng';
import { createRealClock } from '../src/hosts/createRealClock';
import { createRuntime, LIVE_EVENT_LOG_CAPACITY } from '../src/hosts/createRuntime';
import { loadBuiltinKinds } from '../src/hosts/loadBuiltinKinds';
import { nodeAgentAssets } from '../src/hosts/node/nodeAgentAssets';
import { createWorkerPoolHost } from '../src/hosts/worker/createWorkerPoolHost';
import { startAgentWorker } from '../src/hosts/worker/startAgentWorker';
import type { FromAgentWorker, ToAgentWorker } from '../src/hosts/worker/protocol';
import { BELL, type RingWire } from '../src/hosts/worker/ring/ringEndpoint';
import { withRingHost, withRingWorker } from '../src/hosts/worker/ring/ringTransport';
import { Spinner } from '../src/hosts/worker/ring/spinner';
import type { AgentWorkerHandle } from '../src/hosts/worker/transport';

/**
 * The pool and the worker core over the ring channel, on one thread. Neither side may poll
 * (the answer can only come once it yields), so every batch rings; the bell is handed over in
 * a microtask instead of a port, as a polling peer would find the record without one. What is
 * left is the ring path's own work: encode, copy in, copy out, decode.
 */
function loopbackWorker(): AgentWorkerHandle {
  const { port1, port2 } = new MessageChannel();
  const hostSide = rawEnd<RingWire<ToAgentWorker> | ToAgentWorker, RingWire<FromAgentWorker> | FromAgentWorker>(port1);
  const workerSide = rawEnd<RingWire<FromAgentWorker> | FromAgentWorker, RingWire<ToAgentWorker> | ToAgentWorker>(port2);
  hostSide.peer = workerSide;
  workerSide.peer = hostSide;
  const never = () => new Spinner({ spinUs: 0, waitUs: 0 });
  startAgentWorker(withRingWorker(workerSide, { spinner: never() }));
  return withRingHost(
    {
      ...hostSide,
      onExit: () => undefined,
      terminate: () => {
        port1.close();
        port2.close();
      },
    },
    { spinner: never() },
  );
}

interface RawEnd<Out, In> {
  /** The other end, whose handler takes the bell directly. */
  peer?: { handler?: (message: typeof BELL) => void };
  handler?: (message: In) => void;
  post(message: Out, transfer?: ArrayBuffer[]): void;
  onMessage(handler: (message: In) => void): void;
}

function rawEnd<Out, In>(port: MessagePort): RawEnd<Out, In> {
  const end: RawEnd<Out, In> = {
    post(message, transfer) {
      const peer = end.peer?.handler;
      if (message === BELL && peer) queueMicrotask(() => peer(BELL));
      else port.postMessage(message, transfer);
    },
    onMessage(handler) {
      end.handler = handler;
      port.on('message', handler);
    },
  };
  return end;
}

export interface Loopback {
  ask(): Promise<void>;
  dispose(): Promise<void>;
}

export async function openLoopbackBench(): Promise<Loopback> {
  const clock = createRealClock();
  const host = createWorkerPoolHost({ spawnWorker: loopbackWorker, size: 1, clock, shareModules: false });
  await loadBuiltinKinds(host, nodeAgentAssets(), ['echo']);
  const kernel = createKernel({ clock, rng: createSeededRng(1), eventLogCapacity: LIVE_EVENT_LOG_CAPACITY });
  const runtime = createRuntime({ kernel, host, clock });
  await runtime.command({ type: 'agent.deploy', spec: { name: 'echo', kind: 'echo' } });
  const ask = async () => {
    await runtime.request({ performative: 'request', receiver: 'echo', content: { text: 'hello', n: 1 } }, 5000);
  };
  for (let i = 0; i < 2000; i++) await ask();
  return { ask, dispose: () => runtime.dispose() };
}

/** main → port → main twice per round trip, a string of `chars` each way: what the two posts alone cost here. */
export function openLoopbackRelay(chars: number): Loopback {
  const { port1, port2 } = new MessageChannel();
  const text = 'x'.repeat(chars);
  port2.on('message', (m: string) => port2.postMessage(m));
  let settle: () => void = () => undefined;
  port1.on('message', () => settle());
  return {
    ask: () => new Promise<void>((resolve) => ((settle = resolve), port1.postMessage(text))),
    dispose: async () => {
      port1.close();
      port2.close();
    },
  };
}

/** CPU µs per round trip (user + system, this process), the least of `samples` runs of `sampleMs`: the least is the one the rest of the machine disturbed least. */
export async function cpuPerRoundTrip(ask: () => Promise<void>, samples: number, sampleMs: number): Promise<number> {
  let best = Infinity;
  for (let k = 0; k < samples; k++) {
    const before = process.cpuUsage();
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < sampleMs) {
      await ask();
      n++;
    }
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / n);
  }
  return best;
}
