/** Experiments: deterministic simulation, chaos experiments and swarms, metrics over the log. */
export * from './ExperimentShell';
export * from './seeds';
export * from './chaos';
export * from './metrics';
export { createSimulation, DEFAULT_TIMING, type Simulation, type SimulationOptions, type SimTiming, type Range } from './simulation/createSimulation';
export { canonicalJson } from './simulation/canonicalJson';
export { canonicalLog, logHash } from './simulation/logHash';
export { createSha256, sha256Hex } from './simulation/sha256';
