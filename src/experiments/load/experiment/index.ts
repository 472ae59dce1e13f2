export * from './types';
export { LOAD_JSON_SCHEMA, LOAD_SCHEMA_ID } from './schema';
export { LOAD_LIMITS } from './limits';
export { checkLoadExperiment, LoadExperimentError, loadKindProblems, parseLoadExperiment } from './parseLoadExperiment';
export {
  compileTemplate,
  expandTemplate,
  hasPlaceholder,
  TemplateError,
  templateProblems,
  type CompiledTemplate,
  type TemplateVars,
} from './template';
export { iterationSeed, planIterations, thinkTimeMs, type IterationPlan, type IterationPlanner } from './iteration';
export { DEFAULT_TIMEOUT_MS } from './normalize';
export { agentLatency, linkLatency, sampleLatency } from './latencyModel';
