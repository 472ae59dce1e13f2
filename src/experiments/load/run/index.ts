export * from './types';
export { runLoadExperiment, LOAD_STREAM, TICK_MS, THRESHOLD_CHECK_MS } from './runLoadExperiment';
export { LoadChaosError, planLoadChaos } from './chaosPlan';
export { classifyAnswer } from './outcomeTracker';
export { runSimulatedLoadExperiment } from './runSimulatedLoadExperiment';
