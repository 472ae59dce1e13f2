export {
  createShell,
  DEFAULT_TIMING,
  INSTANT_TIMING,
  type Range,
  type Shell,
  type ShellLatencyModel,
  type ShellOptions,
  type SimTiming,
} from './createShell';
export { createTestWorkbench, type TestWorkbench, type TestWorkbenchOptions } from './createTestWorkbench';
export { createBehaviorAgents, type AgentBehavior, type AgentContext, type AgentHandler, type BehaviorAgents } from './behaviorAgents';
export type { DeliverEffect, InProcessAgents, InProcessAgentsFactory, InProcessEnv, SpawnEffect } from './inProcessAgents';
export { sendInput, sendResult, type SendResult } from './sendResult';
export { CONSOLE, prepareRequest, timeoutFailure, type PreparedRequest } from './request';
export { deriveSeed, STREAM } from './seedStreams';
