export * from './types';
export * from './resilienceTypes';
export { createKernel, DEFAULT_EVENT_LOG_CAPACITY, DEFAULT_LIMITS, DEFAULT_MAX_IN_FLIGHT, type Kernel, type KernelOptions } from './kernel';
export { createManualClock, type ManualClock } from './clock';
export { createSeededRng, type SeededRng } from './rng';
export { Metrics, countMetrics } from './state/metrics';
export type { EventListener } from './state/eventLog';
export { MAX_TIMER_DELAY_MS, MAX_TIMER_TAG_LENGTH, TIMER_ONTOLOGY } from './host/agentTimers';
export { ISOLATE_AFTER_DEADLINE_KILLS } from './supervision/isolation';
