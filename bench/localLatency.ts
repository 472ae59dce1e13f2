/**
 * Local routing latency: kernel and a real AssemblyScript echo on one thread (the
 * single-thread shell, no simulated handling time), request → inform, one at a time, wall
 * clock per round trip. Baseline: the same round trip calling the echo instance directly,
 * no kernel.
 */
import { INSTANT_TIMING } from '../src/kernel/shell';
import { createKindLibrary, createSimulation, loadLibraryKinds } from '../src/hosts/inProcess';
import { nodeAgentAssets } from '../src/hosts/node/nodeAgentAssets';

export interface LatencyFigures {
  p50Us: number;
  p99Us: number;
  samples: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function measureLocalLatency(samples: number): Promise<LatencyFigures> {
  const library = createKindLibrary();
  await loadLibraryKinds(library, nodeAgentAssets(), ['echo']);
  const shell = createSimulation({ seed: 1, library, timing: INSTANT_TIMING, eventLogCapacity: 10_000 });
  try {
    shell.command({ type: 'agent.deploy', spec: { name: 'echo', kind: 'echo' } });
    const ask = () => shell.request({ performative: 'request', receiver: 'echo', content: { text: 'hello' } }, 5000);
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
    shell.dispose();
  }
}
