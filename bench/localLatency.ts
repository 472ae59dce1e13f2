/**
 * Local routing latency: kernel, runtime and a real AssemblyScript echo on one thread
 * (the inline host), request → inform, one at a time, wall clock per round trip.
 * Baseline: the same round trip calling the echo instance directly, no kernel.
 */
import { createKernel, createSeededRng } from '../src/kernel';
import { createRealClock } from '../src/hosts/createRealClock';
import { createRuntime } from '../src/hosts/createRuntime';
import { createInlineHost, createKindLibrary, loadLibraryKinds } from '../src/hosts/inline';
import { nodeAgentAssets } from '../src/hosts/node/nodeAgentAssets';

export interface LatencyFigures {
  p50Us: number;
  p99Us: number;
  samples: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function measureLocalLatency(samples: number): Promise<LatencyFigures> {
  const clock = createRealClock();
  const library = createKindLibrary();
  await loadLibraryKinds(library, nodeAgentAssets(), ['echo']);
  const host = createInlineHost({ clock, library });
  const runtime = createRuntime({ kernel: createKernel({ clock, rng: createSeededRng(1) }), host, clock, logLimit: 10_000 });
  try {
    await runtime.command({ type: 'agent.deploy', spec: { name: 'echo', kind: 'echo' } });
    const ask = () => runtime.request({ performative: 'request', receiver: 'echo', content: { text: 'hello' } }, 5000);
    for (let i = 0; i < 500; i++) await ask(); // warm up (also waits for the spawn)
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const start = performance.now();
      const reply = await ask();
      times.push((performance.now() - start) * 1000);
      if (reply.performative !== 'inform') throw new Error(`echo answered ${reply.performative}`);
    }
    times.sort((a, b) => a - b);
    return { p50Us: percentile(times, 50), p99Us: percentile(times, 99), samples };
  } finally {
    await runtime.dispose();
    await host.dispose();
  }
}
