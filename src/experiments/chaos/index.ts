export * from './types';
export { parseExperiment, probeIds, ExperimentSchemaError, kindProblems, experimentKinds, deeperThan } from './parseExperiment';
export { EXPERIMENT_JSON_SCHEMA, EXPERIMENT_SCHEMA_ID } from './experimentSchema';
export { EXPERIMENT_LIMITS } from './limits';
export { experimentTotals } from './crossCheck';
export { defaultHypothesis, DEFAULT_THRESHOLDS } from './defaultHypothesis';
export { planExperiment, type ExperimentPlan, type PlannedAction, type PlannedWindow } from './planExperiment';
export { evaluateProbe, type ProbeVerdict, type ProbeContext } from './probes';
export type * from './result';
export { runExperiment, build, ExperimentSetupError, type RunOptions } from './runExperiment';
export { topologyProblems } from './topologyProblems';
export { runSimulatedExperiment, type SimulatedRunOptions } from './runSimulatedExperiment';
export {
  compareRuns,
  compareSwarms,
  type RunComparison,
  type SwarmComparison,
  type SeedComparison,
  type MovedCheck,
  type CompareRow,
  type CompareCell,
  type ComparableRun,
  type ComparableSeed,
} from './compare';
export { runSwarm, reproduce, seedList, type SwarmOptions, type SwarmResult, type SwarmRun } from './runSwarm';
