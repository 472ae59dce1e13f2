/**
 * The one registry of user-facing errors (issue 10 item 4). Every error a person can see
 * has a stable code (`ORR001`...) they can search for, a message naming what is wrong
 * (expected versus received, where there is something to compare) and a hint saying what
 * to do. It lives in the lowest layer so every layer can use it; docs/errors.md is
 * generated from it (`npm run docs:errors`).
 *
 * Codes are never reused or renumbered: add new ones at the end of their area's range.
 * `formerly` names the code an error had before the registry was unified, so people can
 * still find it by the old name.
 */
import type { ValidationError } from './validate';

export interface ErrorSpec {
  readonly title: string;
  readonly hint: string;
  readonly formerly?: string;
}

/** Messages sent by people, clients and agents (ORR001–ORR009). */
const MESSAGE_ERRORS = {
  ORR001: { title: 'Invalid message', hint: 'Fix the named field; a draft needs at least "performative" and "receiver".' },
  ORR002: { title: 'Message too large', hint: 'Send a reference to large data instead, or raise the limit (maxMessageBytes).' },
  ORR003: { title: 'Not JSON', hint: 'A message sent as text must be one JSON object.' },
  ORR004: {
    title: 'Malformed FIPA-ACL text',
    hint: 'Write (performative :receiver name :content "...") with balanced parentheses and quoted strings.',
  },
} as const satisfies Record<string, ErrorSpec>;

/** Commands the kernel refuses (ORR010–ORR099). */
const KERNEL_ERRORS = {
  ORR010: {
    title: 'Name already taken',
    hint: 'Agents, topics and clients share one namespace: pick another name or remove the existing node.',
  },
  ORR011: {
    title: 'Invalid name',
    hint: 'Use a non-empty name without spaces, quotes or parentheses, not "you", "kernel", "*" and not starting with "topic:".',
  },
  ORR012: { title: 'Unknown node', hint: 'Check the name; the snapshot lists every agent, topic and client.' },
  ORR013: { title: 'Unknown link', hint: 'Check the link id; the snapshot lists every link.' },
  ORR014: { title: 'Invalid link', hint: 'A link joins two different existing nodes, at most once per pair.' },
  ORR015: { title: 'Not possible in this state', hint: 'Check the agent status: e.g. start a stopped agent, resume a suspended one.' },
  ORR016: { title: 'Unknown sender', hint: 'Send from the console (no "from") or from an existing client node.' },
  ORR017: { title: 'Invalid command', hint: 'Commands are objects with a known "type"; see Command in src/kernel/types.ts.' },
  ORR018: { title: 'Invalid agent spec', hint: 'A spec needs a valid name, a kind and, optionally, positive limits.' },
  ORR019: { title: 'Internal kernel error', hint: 'This is a bug in Orrery: please report it with the event log of the run.' },
  ORR020: {
    title: 'Invalid supervision group',
    hint: 'A group needs a new name, a strategy (one_for_one, one_for_all, rest_for_one), intensity ≥ 0, periodMs > 0, backoff {minMs, maxMs, randomFactor} and an existing parent, if any.',
  },
  ORR021: {
    title: 'Invalid link policy',
    hint: 'delivery is "at-most-once" or "at-least-once"; retry {initialMs, maxMs, maxAttempts} and breaker {failures, windowMs, openMs} are positive numbers.',
  },
  ORR022: {
    title: 'Invalid chaos fault',
    hint: 'A fault needs an id, a target {links?, agents?}, a probability in [0, 1] and an effect of a known kind with its fields (see FaultEffect in src/kernel/resilienceTypes.ts).',
  },
  ORR023: {
    title: 'Invalid agent configuration',
    hint: 'agent.configure takes an agent name and any of: limits (positive numbers; null = back to the default), restart (permanent, transient, temporary), redelivery ("once", "never"), group (an existing group, or null for the top level), isolated (boolean). Kind and config are fixed: deploy a new agent to change them.',
  },
  ORR024: {
    title: 'Invalid group configuration',
    hint: 'group.configure takes an existing group name and any of: strategy (one_for_one, one_for_all, rest_for_one), intensity ≥ 0, periodMs > 0, backoff {minMs ≤ maxMs, randomFactor ≥ 0}. Membership changes by moving agents (agent.configure with group).',
  },
} as const satisfies Record<string, ErrorSpec>;

/** Agent components (.wasm files) refused before they run (ORR100–ORR199). */
const COMPONENT_ERRORS = {
  ORR101: {
    title: 'Empty component file',
    hint: 'Choose the .wasm file of a component built for the workbench:agent world (wit/agent.wit).',
    formerly: 'wasm-empty',
  },
  ORR102: {
    title: 'Component too large',
    hint: 'Strip debug sections (e.g. `wasm-tools strip`) or build with optimisation; the limit is in the message.',
    formerly: 'wasm-too-large',
  },
  ORR103: { title: 'Not WebAssembly', hint: 'Drop a .wasm component built for the workbench:agent world.', formerly: 'wasm-not-wasm' },
  ORR104: {
    title: 'Core module, not a component',
    hint: 'Wrap it with `jco embed` + `jco new` (componentEmbed + componentNew) against wit/agent.wit.',
    formerly: 'wasm-core-module',
  },
  ORR105: {
    title: 'Unsupported WebAssembly binary version',
    hint: 'Rebuild the component with a current jco or wasm-tools.',
    formerly: 'wasm-unknown-version',
  },
  ORR106: {
    title: 'Component could not be decoded',
    hint: 'The file is damaged or not a component: rebuild it and check it with `wasm-tools validate`.',
    formerly: 'wasm-corrupt',
  },
  ORR107: {
    title: 'Wrong host imports',
    hint: 'Import only the workbench:agent/host interface of wit/agent.wit (send, kv-get, kv-set, now-ms, log, set-timer).',
    formerly: 'wasm-wrong-imports',
  },
  ORR108: {
    title: 'Missing guest exports',
    hint: 'Export the workbench:agent/guest interface of wit/agent.wit with init and handle.',
    formerly: 'wasm-wrong-exports',
  },
  ORR109: { title: 'Memory limit too low', hint: 'Raise limits.memoryPages for this agent.', formerly: 'wasm-memory-limit' },
  ORR110: {
    title: 'Component could not be instantiated',
    hint: 'The component is valid but failed to start: check its init for traps and its memory needs.',
    formerly: 'wasm-instantiate',
  },
} as const satisfies Record<string, ErrorSpec>;

/** Workspace and scenario files refused on import or restore (ORR200–ORR299). */
const WORKSPACE_ERRORS = {
  ORR201: {
    title: 'Workspace file is not JSON',
    hint: 'Export a workspace from Orrery, or fix the JSON syntax at the given position.',
    formerly: 'WS001',
  },
  ORR202: {
    title: 'Not an Orrery workspace',
    hint: 'A workspace file starts with {"orrery": "workspace", "version": N, ...}.',
    formerly: 'WS002',
  },
  ORR203: {
    title: 'Unsupported workspace version',
    hint: 'The file is from a newer Orrery, or its version is not a whole number: update Orrery or export again.',
    formerly: 'WS003',
  },
  ORR204: {
    title: 'Workspace schema violation',
    hint: 'Fix the named field; the JSON Schema is in src/workspace/schema.ts, the maxima in src/workspace/limits.ts.',
    formerly: 'WS004',
  },
  ORR205: {
    title: 'Duplicate node name',
    hint: 'Agents, topics, clients and groups share one namespace: rename one of them.',
    formerly: 'WS005',
  },
  ORR206: {
    title: 'Invalid node name',
    hint: 'Use a non-empty name without spaces, quotes or parentheses, not "you", "kernel", "*" and not starting with "topic:".',
    formerly: 'WS006',
  },
  ORR207: {
    title: 'Link to a missing node',
    hint: 'A link joins two different nodes of the same file, at most once per pair.',
    formerly: 'WS007',
  },
  ORR208: {
    title: 'Unknown agent kind',
    hint: 'Use a built-in kind, or include the custom module (modules[]) the kind names.',
    formerly: 'WS008',
  },
  ORR209: {
    title: 'Bad module',
    hint: 'A module carries its component bytes as base64 and its kind is "custom:" + its hash.',
    formerly: 'WS009',
  },
  ORR210: {
    title: 'Unknown group',
    hint: "An agent's group (and a group's parent) must name a group node of the same file.",
    formerly: 'WS010',
  },
  ORR211: { title: 'Duplicate experiment name', hint: 'Saved experiments are kept by name: rename one of them.', formerly: 'WS011' },
  ORR212: {
    title: 'Too many problems',
    hint: 'Only the first problems are listed and checking stops early: fix those and import again.',
    formerly: 'WS012',
  },
} as const satisfies Record<string, ErrorSpec>;

/** Experiment files, in the browser and the headless runner (ORR300–ORR399). */
const EXPERIMENT_ERRORS = {
  ORR301: {
    title: 'Invalid experiment file',
    hint: 'Fix each listed field; the JSON Schema is in src/experiments/chaos/experimentSchema.ts, the maxima in src/experiments/chaos/limits.ts.',
    formerly: 'experiment-invalid',
  },
  ORR302: {
    title: 'Invalid load experiment file',
    hint: 'Fix each listed field; the JSON Schema is in src/experiments/load/experiment/schema.ts (examples/orrery.load.schema.json), the maxima in src/experiments/load/experiment/limits.ts.',
  },
} as const satisfies Record<string, ErrorSpec>;

/** Recordings: files, playback, replay and stand-ins (ORR500–ORR599). */
const RECORDING_ERRORS = {
  ORR501: {
    title: 'Not an Orrery recording',
    hint: 'Choose a file exported from the Replay tab or written by `orrery` (.orrery-rec); nothing stored was changed.',
  },
  ORR502: {
    title: 'Recording from a newer version',
    hint: 'Open it with the Orrery version that wrote it, or a newer one; nothing stored was changed.',
  },
  ORR503: {
    title: 'Recording truncated or corrupt',
    hint: 'The file ends early or fails its checksum: export it again from the source; nothing stored was changed.',
  },
  ORR504: {
    title: 'Invalid recording',
    hint: 'Fix or re-export the file; each problem names its place in the file.',
  },
  ORR505: {
    title: 'Recording too large',
    hint: 'Record a shorter span, or raise the recording budget in the Replay tab.',
  },
  ORR506: {
    title: 'Recording does not reproduce',
    hint: 'Its tape no longer produces the recorded log (hash mismatch): it was edited or written by an incompatible kernel.',
  },
  ORR507: {
    title: 'Agent kind missing for replay',
    hint: 'Add the named kind (its module is in the recording when it was a custom one), or replay against a workspace that has it.',
  },
  ORR510: {
    title: 'Stand-in has no recorded answer',
    hint: 'The message differs from every recorded one: the closest and the fields that differ are named. Use passthrough or record-if-missing mode, or record again.',
  },
  ORR511: {
    title: 'Stand-in recording exhausted',
    hint: 'The stand-in was asked more often than the recording answered: record a longer run, or use passthrough mode.',
  },
  ORR512: {
    title: 'No such moment in the recording',
    hint: 'Choose an event between the first and the last of the recording.',
  },
  ORR513: {
    title: 'Not a JADE message log',
    hint: 'Choose a log with one ACL message per entry, e.g. (inform :sender (agent-identifier :name a@host) ...); each problem names its entry. Nothing stored was changed.',
  },
} as const satisfies Record<string, ErrorSpec>;

/** Message contracts: files, checks, inference (ORR600–ORR699). */
const CONTRACT_ERRORS = {
  ORR601: {
    title: 'Invalid contract file',
    hint: 'Fix each listed place (kinds.<kind>.<performative>.accepts|sends names the schema); the format is in src/experiments/contracts/README.md. The contracts in use were kept.',
  },
  ORR602: {
    title: 'Contract violated',
    hint: 'A message did not keep the contract of its sender (sends) or its receiver (accepts): the notice names the content path and the rule. Fix the agent, or the contract if it is the contract that is wrong.',
  },
  ORR603: {
    title: 'Nothing to infer a contract from',
    hint: 'Send some messages between agents (or open a recording) first: a draft is inferred from the messages seen.',
  },
} as const satisfies Record<string, ErrorSpec>;

/** Notices of the page itself (ORR400–ORR499). */
const APP_ERRORS = {
  ORR401: { title: 'Kernel worker unavailable', hint: 'Reload the page; if it persists, check the browser console.', formerly: 'ui001' },
  ORR402: {
    title: 'Action failed',
    hint: 'The notice names the action and the reason: fix what it names and try again.',
    formerly: 'ui002',
  },
  ORR403: {
    title: 'Message not sent',
    hint: 'Fix the draft as the Problems list says; an unknown receiver puts the message in Dead letters.',
    formerly: 'ui003',
  },
  ORR404: {
    title: 'Composer text is not JSON',
    hint: 'Write one JSON object such as {"performative":"request","receiver":"echo-1","content":{}}.',
    formerly: 'ui004',
  },
  ORR405: { title: 'Built-in agents unavailable', hint: 'Run `npm run build:agents` and reload.', formerly: 'ui005' },
  ORR406: {
    title: 'Component not added',
    hint: 'The notice carries the component error (ORR101–ORR110) with what to do about it.',
    formerly: 'ui006',
  },
  ORR410: {
    title: 'Workspace not fully restored',
    hint: 'The notice lists what was refused (ORR201–ORR212): export the workspace, fix it and import it again.',
    formerly: 'ws100',
  },
  ORR411: {
    title: 'Workspace action failed',
    hint: 'The notice names the action and the reason: try again, or export the workspace to keep your work.',
    formerly: 'ws101',
  },
  ORR412: { title: 'Pattern not loaded', hint: 'Reload the page and try again; if it persists, report the notice.', formerly: 'ws102' },
  ORR413: {
    title: 'Workspaces unavailable',
    hint: 'The browser refused IndexedDB (private window, or storage disabled): changes are not saved, export the workspace to keep it.',
  },
  ORR414: {
    title: 'Workspace not saved',
    hint: 'Your changes are kept in this tab and the save is retried; export the workspace if it keeps failing.',
  },
  ORR415: {
    title: 'Storage full',
    hint: 'Export the workspace to a file, then free space (delete old workspaces or site data) and save again.',
  },
} as const satisfies Record<string, ErrorSpec>;

/** The registry by area, in code order: what docs/errors.md lists. */
export const ERROR_AREAS = [
  { id: 'message', title: 'Messages', first: 1, last: 9, codes: MESSAGE_ERRORS },
  { id: 'kernel', title: 'Kernel commands', first: 10, last: 99, codes: KERNEL_ERRORS },
  { id: 'component', title: 'Agent components', first: 100, last: 199, codes: COMPONENT_ERRORS },
  { id: 'workspace', title: 'Workspace files', first: 200, last: 299, codes: WORKSPACE_ERRORS },
  { id: 'experiment', title: 'Experiment files', first: 300, last: 399, codes: EXPERIMENT_ERRORS },
  { id: 'app', title: 'The page', first: 400, last: 499, codes: APP_ERRORS },
  { id: 'recording', title: 'Recordings and replay', first: 500, last: 599, codes: RECORDING_ERRORS },
  { id: 'contracts', title: 'Message contracts', first: 600, last: 699, codes: CONTRACT_ERRORS },
] as const;

export type ErrorArea = (typeof ERROR_AREAS)[number];

export const ERROR_CODES = {
  ...MESSAGE_ERRORS,
  ...KERNEL_ERRORS,
  ...COMPONENT_ERRORS,
  ...WORKSPACE_ERRORS,
  ...EXPERIMENT_ERRORS,
  ...APP_ERRORS,
  ...RECORDING_ERRORS,
  ...CONTRACT_ERRORS,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Codes that appear in more than one area table (a spread would silently keep only the last). */
export function duplicateCodes(areas: readonly { codes: Record<string, unknown> }[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const area of areas) {
    for (const code of Object.keys(area.codes)) (seen.has(code) ? duplicates : seen).add(code);
  }
  return [...duplicates];
}

/** The registry code of an error that had another code before the registry was unified. */
export function codeFormerly(old: string): ErrorCode | undefined {
  for (const [code, spec] of Object.entries(ERROR_CODES) as [ErrorCode, ErrorSpec][]) if (spec.formerly === old) return code;
  return undefined;
}

/** The serializable form (crosses workers, goes into StepResult). */
export interface OrreryErrorData {
  code: ErrorCode;
  message: string;
  /** Where in a file or command: `nodes[2].kind`, `(root)`. */
  path?: string;
  expected?: string;
  received?: string;
  hint?: string;
}

export class OrreryError extends Error {
  override readonly name = 'OrreryError';
  readonly code: ErrorCode;
  readonly path: string | undefined;
  readonly expected: string | undefined;
  readonly received: string | undefined;
  readonly hint: string;

  constructor(data: OrreryErrorData) {
    super(`${data.code}: ${data.message}`);
    this.code = data.code;
    this.path = data.path;
    this.expected = data.expected;
    this.received = data.received;
    this.hint = data.hint ?? ERROR_CODES[data.code].hint;
  }

  toJSON(): OrreryErrorData {
    return errorData(this.code, this.message.slice(this.code.length + 2), this);
  }
}

export interface ErrorDetails {
  path?: string | undefined;
  expected?: string | undefined;
  received?: string | undefined;
  hint?: string | undefined;
}

/** Builds error data, filling the hint from the registry unless a better one is given. */
export function errorData(code: ErrorCode, message: string, details: ErrorDetails = {}): OrreryErrorData {
  const data: OrreryErrorData = { code, message, hint: details.hint ?? ERROR_CODES[code].hint };
  if (details.path !== undefined) data.path = details.path;
  if (details.expected !== undefined) data.expected = details.expected;
  if (details.received !== undefined) data.received = details.received;
  return data;
}

/** A problem at a path of a file: where it is, what was expected and what came are always known. */
export type FileProblem = OrreryErrorData & { path: string; expected: string; received: string };

/** A problem at a path of a file: the message is `expected …, received …`. */
export function fileProblem(code: ErrorCode, path: string, expected: string, received: string): FileProblem {
  return { code, message: `expected ${expected}, received ${received}`, hint: ERROR_CODES[code].hint, path, expected, received };
}

/**
 * One line a person can act on and search for, e.g.
 * `ORR208 nodes[2].kind: expected a known agent kind, received "nope". Use a built-in kind, …`
 */
export function formatError(data: OrreryErrorData, options: { hint?: boolean } = {}): string {
  const where = data.path !== undefined ? ` ${data.path}` : '';
  const line = `${data.code}${where}: ${data.message.replace(/\.$/, '')}`;
  return options.hint === false ? line : `${line}. ${data.hint ?? ERROR_CODES[data.code].hint}`;
}

/** Maps a validation error onto its registry code (size: ORR002, JSON text: ORR003, else ORR001). */
export function fromValidation(error: ValidationError): OrreryErrorData {
  const code: ErrorCode =
    error.field !== '(message)'
      ? 'ORR001'
      : error.expected.startsWith('at most')
        ? 'ORR002'
        : error.got.startsWith('invalid JSON')
          ? 'ORR003'
          : 'ORR001';
  return errorData(code, error.message, { expected: error.expected, received: error.got });
}
