/**
 * The ring channel at the transport seam: each side wraps its platform port, and the shared
 * worker code above (the pool's worker slots, startAgentWorker) posts and receives exactly
 * what it did before. Without SharedArrayBuffer (a page that is not cross-origin isolated),
 * or with `ring: false`, the host side sends no ring and both sides pass messages straight
 * through.
 */
import { plainBatch, type FromAgentWorker, type ToAgentWorker } from '../protocol';
import type { AgentWorkerHandle, AgentWorkerPort } from '../transport';
import { BELL, RingEndpoint, type RingSetup, type RingWire } from './ringEndpoint';
import { createSignalBuffer, Spinner, threadSpinner } from './spinner';
import { createRingBuffer, SpscRing } from './spscRing';

/**
 * Per direction. Records up to half of it ride the ring (a round trip's batch is a few hundred
 * bytes, 64 requests in flight ~20 KB); bigger bursts are posted, where one post is little
 * against their work. Every worker holds two, so this is memory per worker (an isolated agent
 * has a worker of its own).
 */
export const RING_BYTES = 64 * 1024;

/** A platform port as the ring channel uses it: the protocol's messages inside the channel's envelopes. */
export type RawAgentWorkerHandle = AgentWorkerHandle<RingWire<ToAgentWorker> | ToAgentWorker, RingWire<FromAgentWorker> | FromAgentWorker>;
export type RawAgentWorkerPort = AgentWorkerPort<RingWire<FromAgentWorker> | FromAgentWorker, RingWire<ToAgentWorker> | ToAgentWorker>;

export interface RingOptions {
  spinner?: Spinner;
  ringBytes?: number;
  /** False: posts only, as before the ring (the bench's same-run baseline). Default true. */
  ring?: boolean;
}

/** The host's side: makes the two rings, hands them to the worker first, then speaks through them. */
export function withRingHost(raw: RawAgentWorkerHandle, options: RingOptions = {}): AgentWorkerHandle {
  if (options.ring === false || typeof SharedArrayBuffer !== 'function') {
    return {
      post: (message, transfer) => raw.post(message, transfer),
      // Without a ring the worker posts only the protocol's own messages.
      onMessage: (h) => raw.onMessage((message) => h(message as FromAgentWorker)),
      onExit: (h) => raw.onExit(h),
      terminate: () => raw.terminate(),
    };
  }
  const spinner = options.spinner ?? threadSpinner();
  const setup: RingSetup = {
    t: 'ring',
    toWorker: createRingBuffer(options.ringBytes ?? RING_BYTES),
    toHost: createRingBuffer(options.ringBytes ?? RING_BYTES),
    workerSignal: createSignalBuffer(),
    hostSignal: spinner.signalBuffer,
  };
  raw.post(setup);
  let handler: (message: FromAgentWorker) => void = () => undefined;
  const endpoint = new RingEndpoint<ToAgentWorker, FromAgentWorker>({
    out: new SpscRing(setup.toWorker),
    peerSignal: setup.workerSignal,
    inbound: new SpscRing(setup.toHost),
    post: (message, transfer) => raw.post(message, transfer),
    deliver: (message) => handler(message),
    // The host reads each batch of events before it returns (the pool's HostEventsReader
    // decodes the messages to strings), so its batches can be lent. A worker keeps views of
    // its deliveries until their agents run: it gets its own.
    lend: (wire, length) => handler(plainBatch('events', wire, length)),
    spinner,
  });
  raw.onMessage((wire) => endpoint.receive(wire as RingWire<FromAgentWorker>));
  return {
    post: (message, transfer) => endpoint.send(message, transfer),
    onMessage: (h) => {
      handler = h;
    },
    onExit: (h) => raw.onExit(h),
    terminate: () => {
      endpoint.close();
      raw.terminate();
    },
  };
}

/** The worker's side: plain until the host's rings arrive (the first message when it sends them). */
export function withRingWorker(raw: RawAgentWorkerPort, options: RingOptions = {}): AgentWorkerPort {
  let handler: (message: ToAgentWorker) => void = () => undefined;
  let endpoint: RingEndpoint<FromAgentWorker, ToAgentWorker> | undefined;
  raw.onMessage((wire) => {
    if (endpoint) return endpoint.receive(wire as RingWire<ToAgentWorker>);
    if (isRingSetup(wire)) {
      endpoint = new RingEndpoint<FromAgentWorker, ToAgentWorker>({
        out: new SpscRing(wire.toHost),
        peerSignal: wire.hostSignal,
        inbound: new SpscRing(wire.toWorker),
        post: (message, transfer) => raw.post(message, transfer),
        deliver: (message) => handler(message),
        // A worker thread has this one channel: its spinner waits on the word its host made.
        spinner: options.spinner ?? new Spinner({ signal: wire.workerSignal }),
      });
      return;
    }
    if (wire !== BELL) handler(wire as ToAgentWorker);
  });
  return {
    post: (message, transfer) => (endpoint ? endpoint.send(message, transfer) : raw.post(message, transfer)),
    onMessage: (h) => {
      handler = h;
    },
  };
}

function isRingSetup(wire: unknown): wire is RingSetup {
  return typeof wire === 'object' && wire !== null && (wire as { t?: unknown }).t === 'ring';
}
