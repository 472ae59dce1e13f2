export * from './types';
export { createExecutor } from './createExecutor';
export { arrivalSchedule } from './arrivalRate';
export { constantSchedule, rampingSchedule, type ArrivalSchedule } from './arrivalSchedule';
export { rampingSteps, type RampingSteps } from './rampingSteps';
export { runVirtually, type TimedAction } from './virtualRun';
export { createScenarioSet, type ScenarioAction, type ScenarioSet, type ScenarioSetProgress } from './scenarioSet';
