import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FromAgentWorker, ToAgentWorker } from '../protocol';
import type { AgentWorkerHandle } from '../transport';
import { withRingHost, type RawAgentWorkerHandle } from './ringTransport';
import { createSignalBuffer, signalThread, signalWords, threadBlocks } from './spinner';

let script = '';
let wakeScript = '';

/** A fixture bundled into a worker_threads entry. */
async function bundle(fixture: string): Promise<string> {
  const { build } = await import('esbuild');
  const entry = fileURLToPath(new URL(fixture, import.meta.url));
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
  const file = join(await mkdtemp(join(tmpdir(), 'orrery-ring-')), fixture.replace(/\.ts$/, '.mjs'));
  await writeFile(file, result.outputFiles[0]!.text);
  return file;
}

beforeAll(async () => {
  [script, wakeScript] = await Promise.all([bundle('./ringEcho.fixture.ts'), bundle('./spinnerWake.fixture.ts')]);
});

const workers: Worker[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
});

/** A real worker thread behind the ring channel, with a small ring so big batches take the port. */
function echoWorker(ringBytes: number): AgentWorkerHandle {
  const worker = new Worker(script);
  workers.push(worker);
  const raw: RawAgentWorkerHandle = {
    post: (message, transfer) => worker.postMessage(message, transfer),
    onMessage: (handler) => worker.on('message', handler),
    onExit: () => undefined,
    terminate: () => void worker.terminate(),
  };
  return withRingHost(raw, { ringBytes });
}

type Item = { batch: number[] } | { object: number };

const encode = (item: Item, seq: number): ToAgentWorker =>
  'batch' in item ? new Uint8Array([seq & 0xff, (seq >> 8) & 0xff, ...item.batch]).buffer : { t: 'stats', id: seq };

/** Read during the handler: a batch from the ring is lent (see RingEndpoint's `lend`). */
const seqOf = (echo: FromAgentWorker): number => {
  const bytes = echo instanceof ArrayBuffer ? new Uint8Array(echo) : 'wire' in echo ? new Uint8Array(echo.wire, 0, echo.length) : undefined;
  if (bytes) return bytes[0]! | (bytes[1]! << 8);
  return (echo as unknown as { id: number }).id;
};

describe('ring channel between real threads', () => {
  it('carries bursts of ring batches and posted messages both ways in the order they were sent', async () => {
    const item = fc.oneof(
      fc.array(fc.nat({ max: 255 }), { maxLength: 700 }).map((batch) => ({ batch })),
      fc.nat().map((object) => ({ object })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(item, { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 8 }), async (bursts) => {
        const channel = echoWorker(2048);
        const echoed: number[] = [];
        let expected = 0;
        let settle: () => void = () => undefined;
        channel.onMessage((echo) => {
          echoed.push(seqOf(echo));
          if (echoed.length === expected) settle();
        });
        let seq = 0;
        for (const burst of bursts) {
          const done = new Promise<void>((resolve) => (settle = resolve));
          expected += burst.length;
          for (const it of burst) channel.post(encode(it, seq++));
          await done;
        }
        channel.terminate();
        expect(echoed).toEqual(Array.from({ length: seq }, (_, i) => i));
      }),
      { numRuns: 15 },
    );
  });
});

describe('a thread blocked on its signal words', () => {
  it('wakes when a sender signals it, not when its block times out', async () => {
    const signal = createSignalBuffer();
    const answer = new SharedArrayBuffer(4);
    const waitUs = 20_000_000;
    const worker = new Worker(wakeScript, { workerData: { signal, answer, waitUs } });
    workers.push(worker);
    const ended = new Promise<{ ms: number; found: number }>((resolve) => worker.once('message', resolve));
    // Senders notify only a thread that says it blocks: wait until it does.
    const words = signalWords(signal);
    const giveUpAt = Date.now() + 10_000;
    while (!threadBlocks(words)) {
      if (Date.now() > giveUpAt) throw new Error('the worker never said it blocks');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    Atomics.store(new Int32Array(answer), 0, 1);
    signalThread(words);
    const { ms, found } = await ended;
    expect(found).toBe(1);
    expect(ms).toBeLessThan(waitUs / 1000 / 4);
  });
});
