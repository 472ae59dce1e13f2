/**
 * How often a message is serialised on its way from sender to receiver (issue 12: at most
 * twice). The worker pool runs its agent worker in this thread over a real MessageChannel
 * (structured clone and transfer, as between threads), so every JSON pass anywhere on the
 * path is visible to the spies: the kernel parses what an agent sent once (to validate and
 * route it) and stringifies it once (into the receiver's batch, as UTF-8 bytes the guest gets
 * as they are). No batch carries a message as an object or a string.
 */
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKernel } from '../../kernel/kernel';
import { createSeededRng } from '../../kernel/rng';
import type { KernelEvent } from '../../kernel/types';
import { createRealClock } from '../createRealClock';
import { createRuntime } from '../createRuntime';
import { loadBuiltinKinds } from '../loadBuiltinKinds';
import { nodeAgentAssets } from '../node/nodeAgentAssets';
import { createWorkerPoolHost } from './createWorkerPoolHost';
import { startAgentWorker } from './startAgentWorker';
import type { AgentWorkerHandle } from './transport';

const MARKER = 'serialisation-pass-marker';

/** An agent worker in this thread, behind a real MessagePort pair; records what crosses. */
function loopbackWorker(posted: unknown[]): AgentWorkerHandle {
  const { port1, port2 } = new MessageChannel();
  startAgentWorker({
    post: (message, transfer) => {
      posted.push(message);
      port2.postMessage(message, transfer);
    },
    onMessage: (handler) => port2.on('message', handler),
  });
  return {
    post: (message, transfer) => {
      posted.push(message);
      port1.postMessage(message, transfer);
    },
    onMessage: (handler) => port1.on('message', handler),
    onExit: () => {},
    terminate: () => {
      port1.close();
      port2.close();
    },
  };
}

/** Strings anywhere in `value` that mention the marker (buffers are bytes, not strings: skipped). */
function markedStrings(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes(MARKER)) found.push(value);
  } else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof WebAssembly.Module) {
    // the wire: bytes
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) markedStrings(v, found);
  }
  return found;
}

// Captured before the spies go on, so checking a call does not count as one.
const { parse: realParse, stringify: realStringify } = JSON;

/** A whole message (not, say, a message inside another one's content) with this performative that carries the marker. */
const isMarked = (value: unknown, performative: string): boolean => {
  const message: unknown = typeof value === 'string' ? tryParse(value) : value;
  if (!message || typeof message !== 'object') return false;
  return (message as { performative?: unknown }).performative === performative && (realStringify(message) ?? '').includes(MARKER);
};

function tryParse(text: string): unknown {
  try {
    return realParse(text);
  } catch {
    return undefined;
  }
}

afterEach(() => vi.restoreAllMocks());

describe('serialisation passes per message', () => {
  it('agent to agent through the kernel and the worker wire: one parse, one stringify, no message in any batch', async () => {
    const clock = createRealClock();
    const posted: unknown[] = [];
    const host = createWorkerPoolHost({ spawnWorker: () => loopbackWorker(posted), size: 1, clock, shareModules: false });
    await loadBuiltinKinds(host, nodeAgentAssets(), ['echo', 'requester']);
    const runtime = createRuntime({ kernel: createKernel({ clock, rng: createSeededRng(1) }), host, clock });
    try {
      const events: KernelEvent[] = [];
      await runtime.subscribe((batch) => events.push(...batch));
      await runtime.command({ type: 'agent.deploy', spec: { name: 'sender', kind: 'requester', config: { await: false, count: 1 } } });
      await runtime.command({ type: 'agent.deploy', spec: { name: 'receiver', kind: 'echo' } });
      await runtime.command({ type: 'link.add', a: 'sender', b: 'receiver' });
      await vi.waitFor(() => expect(events.filter((e) => e.type === 'agent.status' && e.status === 'running')).toHaveLength(2), {
        timeout: 10_000,
      });

      const parse = vi.spyOn(JSON, 'parse');
      const stringify = vi.spyOn(JSON, 'stringify');
      posted.length = 0;
      // The start request carries the marker; the requester puts it in the inform it sends on.
      await runtime.send({
        performative: 'request',
        receiver: 'sender',
        content: { to: 'receiver', performative: 'inform', content: { note: MARKER } },
      });
      await vi.waitFor(() => expect(events.some((e) => e.type === 'message.handled' && e.agent === 'receiver')).toBe(true), {
        timeout: 10_000,
      });

      // The agent-to-agent inform: parsed once by the kernel, stringified once for the receiver.
      expect(parse.mock.calls.filter(([text]) => isMarked(text, 'inform'))).toHaveLength(1);
      expect(stringify.mock.calls.filter(([value]) => typeof value === 'object' && isMarked(value, 'inform'))).toHaveLength(1);
      // The console's request (an object already): stringified once, never parsed.
      expect(parse.mock.calls.filter(([text]) => isMarked(text, 'request'))).toHaveLength(0);
      expect(stringify.mock.calls.filter(([value]) => typeof value === 'object' && isMarked(value, 'request'))).toHaveLength(1);
      // Both crossed as bytes in transferred buffers: no batch holds the message as an object or a string.
      expect(posted.length).toBeGreaterThanOrEqual(2);
      expect(markedStrings(posted)).toEqual([]);
    } finally {
      await runtime.dispose();
    }
  });
});
