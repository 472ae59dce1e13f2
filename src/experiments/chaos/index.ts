export * from './types';
export { parseExperiment, probeIds, ExperimentSchemaError } from './parseExperiment';
export { planExperiment, type ExperimentPlan, type PlannedAction, type PlannedWindow } from './planExperiment';
export { evaluateProbe, type ProbeVerdict, type ProbeContext } from './probes';
export type * from './result';
export { runExperiment, build, ExperimentSetupError, type RunOptions } from './runExperiment';
export { runSimulatedExperiment, type SimulatedRunOptions } from './runSimulatedExperiment';
export { runSwarm, reproduce, seedList, type SwarmOptions, type SwarmResult, type SwarmRun } from './runSwarm';
