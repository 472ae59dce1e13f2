/**
 * One-way routed throughput: the console fires `inform`s at an echo agent in a worker
 * (echo accepts informs silently) until every one is handled. Baseline: raw one-way
 * postMessage to a counting worker_thread, 256 messages per postMessage, same payload.
 */
import { Worker } from 'node:worker_threads';
import { createNodeWorkbench } from '../src/hosts/node/createNodeWorkbench';
import type { KernelEvent } from '../src/kernel';

const PAYLOAD = { performative: 'inform', receiver: 'sink', content: { n: 1, text: 'hello' } } as const;

export async function measureRawBatchedOneWay(messages: number, batch = 256): Promise<number> {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let seen = 0;
     parentPort.on('message', (m) => {
       if (m.reset) { seen = 0; return; }
       for (const item of m) seen += item.content.n;
       if (seen >= ${messages}) { parentPort.postMessage(seen); seen = 0; }
     });`,
    { eval: true },
  );
  try {
    const run = () =>
      new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        for (let sent = 0; sent < messages; sent += batch) {
          worker.postMessage(Array.from({ length: Math.min(batch, messages - sent) }, () => PAYLOAD));
        }
      });
    await run(); // warm up
    const start = performance.now();
    await run();
    return messages / ((performance.now() - start) / 1000);
  } finally {
    await worker.terminate();
  }
}

export async function measureRoutedOneWay(messages: number): Promise<number> {
  const wb = await createNodeWorkbench({ kinds: ['echo'], workers: 1, logLimit: 1000 });
  try {
    await wb.command({ type: 'agent.deploy', spec: { name: 'sink', kind: 'echo', limits: { mailboxCapacity: messages * 2 } } });
    let handled = 0;
    let wake: (() => void) | undefined;
    await wb.subscribe((events: KernelEvent[]) => {
      for (const e of events) if (e.type === 'message.handled') handled++;
      if (wake && handled >= target) wake();
    });
    let target = 0;
    const run = async () => {
      target = handled + messages;
      const done = new Promise<void>((resolve) => (wake = resolve));
      for (let i = 0; i < messages; i++) void wb.send(PAYLOAD);
      await done;
    };
    await run(); // warm up
    const start = performance.now();
    await run();
    return messages / ((performance.now() - start) / 1000);
  } finally {
    await wb.dispose();
  }
}
