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

let script = '';

beforeAll(async () => {
  const { build } = await import('esbuild');
  const entry = fileURLToPath(new URL('./ringEcho.fixture.ts', import.meta.url));
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
  script = join(await mkdtemp(join(tmpdir(), 'orrery-ring-')), 'ring-echo.mjs');
  await writeFile(script, result.outputFiles[0]!.text);
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
