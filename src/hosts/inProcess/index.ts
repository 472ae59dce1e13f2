export { createLibraryAgents, libraryAgents } from './createLibraryAgents';
export { createKindLibrary, type JsAgentBehavior, type KindLibrary, type SpawnableKind } from './createKindLibrary';
export { loadLibraryKinds } from './loadLibraryKinds';
export { jsCounter, jsCrasher, jsEcho, registerJsKinds } from './jsKinds';
export { createSimulation, type Simulation, type SimulationOptions } from './createSimulation';
