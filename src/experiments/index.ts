/** Experiments: deterministic simulation, chaos experiments and swarms, metrics over the log. */
export * from './ExperimentShell';
export * from './seeds';
export * from './chaos';
export * from './metrics';
export { DEFAULT_TIMING, type SimTiming, type Range } from '../kernel/shell';
export { canonicalJson } from './simulation/canonicalJson';
export { canonicalLog, createLogHasher, logHash, type LogHasher } from './simulation/logHash';
export { createSha256, sha256Hex } from './simulation/sha256';
export * from './replay';
export * from './contracts';
export * from './interop';
