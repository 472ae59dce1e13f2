/**
 * The documented maxima of a workspace file. Every count, size and number is bounded so a
 * file can neither freeze the tab that opens it nor grow a workbench without end; each is
 * generous enough that nothing the workbench itself saves comes near it (a saved
 * workspace that its own build refused to open again would be lost work).
 */
import { MAX_NAME_LENGTH } from '../protocol/names';

export const WORKSPACE_LIMITS = {
  /** File text, in characters (custom modules travel inside as base64). */
  fileBytes: 64 * 1024 * 1024,
  /** Agents, topics, clients and groups together (the workbench aims at 10,000 agents a tab). */
  nodes: 10_000,
  /** Group nodes (supervision groups) among the nodes. */
  groups: 1_000,
  links: 50_000,
  /** Custom agent modules. */
  modules: 100,
  /** One module's bytes as base64 (16 MiB of component). */
  moduleBase64: Math.ceil((16 * 1024 * 1024) / 3) * 4,
  /** Composer history entries (the workbench keeps the last 200). */
  composerHistory: 1_000,
  /** Saved chaos experiments. */
  experiments: 500,
  /** Saved load experiments. */
  loads: 500,
  /** Characters of a node name (the network's own limit). */
  nameLength: MAX_NAME_LENGTH,
  /** Characters of an agent kind. */
  kindLength: 128,
  /** Characters of the workspace's name, a module's label, an experiment's name. */
  titleLength: 200,
  /** Characters of `$schema` (a URL or a path). */
  schemaRefLength: 2_048,
  /** Nesting of arrays and objects inside an agent's config, a history entry or an experiment. */
  depth: 64,
  /** Deadlines, periods and backoff delays: one day. */
  durationMs: 86_400_000,
  /** Mailbox capacity, concurrency, restart intensity. */
  count: 10_000_000,
  /** A message's maximum size, in bytes. */
  messageBytes: 1024 * 1024 * 1024,
  /** WebAssembly pages of 64 KiB (4 GiB, the 32-bit maximum). */
  memoryPages: 65_536,
  /** Backoff's random factor (0 = none, 1 = up to double). */
  randomFactor: 10,
  /** Canvas coordinates, either way from the origin. */
  coordinate: 1_000_000_000,
} as const;

/** How many problems a refusal lists, and after how many checking stops. */
export const PROBLEM_LIMITS = {
  /** Problems shown one by one; the rest are summed up in one line. */
  listed: 50,
  /** Checking stops once this many are found: a file this broken needs no exact count. */
  stopAt: 1_000,
} as const;
