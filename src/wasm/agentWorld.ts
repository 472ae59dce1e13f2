/** The `workbench:agent` world as the host sees it (see wit/agent.wit). */
export const AGENT_WORLD = 'workbench:agent@0.1.0 (import host; export guest)';
export const HOST_INTERFACE = 'workbench:agent/host';
export const GUEST_INTERFACE = 'workbench:agent/guest';
/** The host functions as jco names them (camelCase). */
export const HOST_FUNCTIONS = ['send', 'kvGet', 'kvSet', 'nowMs', 'log', 'setTimer'] as const;
export const GUEST_FUNCTIONS = ['init', 'handle'] as const;
