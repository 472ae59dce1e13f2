/**
 * What the kernel would refuse while building the topology (a bad extra command, a link
 * the kernel will not make), found on a bare kernel before any agent is compiled: the
 * kernel is pure, so building on it costs microseconds and spawns nothing.
 */
import { createKernel } from '../../kernel/kernel';
import { createSeededRng } from '../../kernel/rng';
import { build, ExperimentSetupError } from './runExperiment';
import type { Topology } from './types';

export function topologyProblems(topology: Topology): string[] {
  const kernel = createKernel({ clock: { now: () => 0 }, rng: createSeededRng(1) });
  try {
    build({ command: (command) => ({ error: kernel.step(command).error }) }, topology);
    return [];
  } catch (e) {
    if (e instanceof ExperimentSetupError) return e.problems;
    throw e;
  }
}
