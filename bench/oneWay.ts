/**
 * One-way routed throughput: the console fires `inform`s round-robin at 8 wasm echo agents
 * (echo accepts informs silently) until every one is `message.handled`. Subject: the Node
 * workbench with the sinks spread over 1, 2 or 4 agent workers. Ceiling: the same kernel and
 * the same wasm echo agents on one thread (the single-thread shell, no simulated handling
 * time), same messages, wall time until all are handled.
 */
import { createNodeWorkbench } from '../src/hosts/node/createNodeWorkbench';
import { createKindLibrary, createSimulation, loadLibraryKinds, type KindLibrary } from '../src/hosts/inProcess';
import { nodeAgentAssets } from '../src/hosts/node/nodeAgentAssets';
import type { KernelEvent } from '../src/kernel';
import { INSTANT_TIMING } from '../src/kernel/shell';

const STALL_MS = 120_000;

export const SINKS = Array.from({ length: 8 }, (_, i) => `sink-${i}`);

const inform = (i: number) => ({ performative: 'inform', receiver: SINKS[i % SINKS.length]!, content: { n: i, text: 'hello' } });

const sinkSpec = (name: string, messages: number) => ({ name, kind: 'echo', limits: { mailboxCapacity: messages * 2 } });

/** msgs/s through the Node workbench, sinks on `workers` agent workers (one warm-up run first). */
export async function measureRoutedOneWay(messages: number, workers = 1): Promise<number> {
  const wb = await createNodeWorkbench({ kinds: ['echo'], workers, logLimit: 1000 });
  try {
    for (const name of SINKS) await wb.command({ type: 'agent.deploy', spec: sinkSpec(name, messages) });
    let handled = 0;
    let target = Infinity;
    let wake: (() => void) | undefined;
    await wb.subscribe((events: KernelEvent[]) => {
      for (const e of events) if (e.type === 'message.handled') handled++;
      if (handled >= target) wake?.();
    });
    const run = async (count: number) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = new Promise<void>((resolve, reject) => {
        wake = resolve;
        // A lost message would otherwise hang the bench: fail the figure instead.
        timer = setTimeout(
          () => reject(new Error(`one-way routed: ${target - handled} of ${count} messages not handled in ${STALL_MS / 1000} s`)),
          STALL_MS,
        );
      });
      target = handled + count;
      for (let i = 0; i < count; i++) void wb.send(inform(i));
      await done.finally(() => clearTimeout(timer));
    };
    await run(Math.min(messages, 20_000)); // warm up: spawns, JIT
    const start = performance.now();
    await run(messages);
    return messages / ((performance.now() - start) / 1000);
  } finally {
    await wb.dispose();
  }
}

let echoLibrary: Promise<KindLibrary> | undefined;
const library = () => {
  echoLibrary ??= (async () => {
    const lib = createKindLibrary();
    await loadLibraryKinds(lib, nodeAgentAssets(), ['echo']);
    return lib;
  })();
  return echoLibrary;
};

/** msgs/s of the same kernel and wasm echo agents on one thread: the in-process ceiling. */
export async function measureInProcessOneWay(messages: number): Promise<number> {
  const shell = createSimulation({ seed: 1, library: await library(), timing: INSTANT_TIMING, eventLogCapacity: 1000 });
  try {
    for (const name of SINKS) shell.command({ type: 'agent.deploy', spec: sinkSpec(name, messages) });
    let handled = 0;
    shell.subscribe((e) => {
      if (e.type === 'message.handled') handled++;
    });
    const run = async (count: number) => {
      const target = handled + count;
      for (let i = 0; i < count; i++) shell.send(inform(i));
      await shell.runUntilIdle();
      if (handled < target) throw new Error(`in-process ceiling: ${target - handled} messages not handled`);
    };
    await run(Math.min(messages, 20_000));
    const start = performance.now();
    await run(messages);
    return messages / ((performance.now() - start) / 1000);
  } finally {
    shell.dispose();
  }
}
