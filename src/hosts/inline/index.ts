export { createInlineHost, type InlineHost, type InlineHostOptions } from './createInlineHost';
export { createInlineAgents, type InlineAgents, type DeliveryPlan, type SpawnEffect, type DeliverEffect, type FaultEffect } from './createInlineAgents';
export { createKindLibrary, type KindLibrary, type SpawnableKind, type JsAgentBehavior } from './createKindLibrary';
export { loadLibraryKinds } from './loadLibraryKinds';
