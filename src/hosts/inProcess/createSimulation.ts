/**
 * The deterministic simulation: the single-thread shell (src/kernel/shell) running a kind
 * library's agents (wasm components, JS kinds) in process. A run is a pure function of
 * (topology, inputs, seed, kinds): the same seed gives the same log, byte for byte.
 */
import { createShell, type Shell, type ShellOptions } from '../../kernel/shell';
import { libraryAgents } from './createLibraryAgents';
import type { KindLibrary } from './createKindLibrary';

export type Simulation = Shell;
export type SimulationOptions = Omit<ShellOptions, 'agents'> & { seed: number; library: KindLibrary };

export function createSimulation({ library, ...options }: SimulationOptions): Simulation {
  return createShell({ ...options, agents: libraryAgents(library) });
}
