export * from './types';
export * from './resilienceTypes';
export { createKernel, DEFAULT_LIMITS, DEFAULT_MAX_IN_FLIGHT, type Kernel, type KernelOptions } from './kernel';
export { createManualClock, type ManualClock } from './clock';
export { createSeededRng, type SeededRng } from './rng';
export { Metrics, countMetrics } from './metrics';
