/**
 * The documented maxima of an experiment file. Every duration, count and rate is bounded
 * so a file can neither hang a runner nor grow it without end (a `durationMs` of 1e300 once
 * did both): the schema enforces the per-field bounds, `crossCheck` the totals.
 */
export const EXPERIMENT_LIMITS = {
  /** Experiment file text, in bytes (UTF-8). */
  fileBytes: 1_048_576,
  /** Nesting of arrays and objects anywhere in the file (agent config and message content included). */
  depth: 32,
  /** Any one duration, timeout or interval: one hour. */
  durationMs: 3_600_000,
  /** The whole run in kernel time (warm-up, steady state, phases, settles, recovery, drain): four hours. */
  runMs: 14_400_000,
  /** Requests per second of one workload client. */
  ratePerSecond: 10_000,
  /** Requests the workload would send over the whole run, all clients together. */
  requests: 1_000_000,
  /** Scheduled fault actions (injections and clears, pulses included). */
  actions: 100_000,
  agents: 1_000,
  clients: 100,
  topics: 1_000,
  groups: 100,
  links: 10_000,
  commands: 1_000,
  probes: 100,
  phases: 100,
  /** Faults, and pulses, per phase. */
  faultsPerPhase: 100,
  /** Names in any one list (targets, fault targets, partition groups, probe lists). */
  listItems: 1_000,
  /** Counters such as restart intensity, dead-letter or restart maxima, mailbox capacity. */
  count: 1_000_000,
  /** Attempts of a retry policy, failures of a breaker. */
  attempts: 1_000,
  memoryPages: 65_536,
  messageBytes: 16_777_216,
  bytesPerSecond: 1_000_000_000,
  /** Characters of a node, kind, phase or probe name. */
  nameLength: 128,
  /** Characters of an id built from names (link and fault ids). */
  idLength: 300,
  /** Characters of the experiment's name and description. */
  titleLength: 200,
  descriptionLength: 4_000,
} as const;

/**
 * Names of nodes (agents, clients, topics, groups): a letter or digit, then letters, digits
 * and `_ . : @ + / # -`. No spaces, quotes, brackets or control characters, and no leading
 * underscore (so `__proto__` can never be one).
 */
export const NAME_PATTERN = `^[\\p{L}\\p{N}][\\p{L}\\p{N}_.:@+/#-]{0,${EXPERIMENT_LIMITS.nameLength - 1}}$`;
/** Ids of links and faults: like names, longer (a link id is often `<a>--<b>`). */
export const ID_PATTERN = `^[\\p{L}\\p{N}][\\p{L}\\p{N}_.:@+/#-]{0,${EXPERIMENT_LIMITS.idLength - 1}}$`;
/** Phase names and probe ids: like names, spaces allowed inside ("lossy network", "latency#2"). */
export const LABEL_PATTERN = `^[\\p{L}\\p{N}][\\p{L}\\p{N} _.:@+/#,-]{0,${EXPERIMENT_LIMITS.nameLength - 1}}$`;
/** Agent kinds: built-in ids (`echo`) or `custom:<module hash>`. */
export const KIND_PATTERN = `^[\\p{L}\\p{N}][\\p{L}\\p{N}_.:@+/-]{0,${EXPERIMENT_LIMITS.nameLength - 1}}$`;
/** Free text (the experiment's name): anything printable, no control characters. */
export const TEXT_PATTERN = '^[^\\u0000-\\u001f\\u007f]*$';
