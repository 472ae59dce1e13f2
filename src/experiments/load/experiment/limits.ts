/**
 * The documented maxima of a load experiment file, so a file can neither hang a runner
 * nor ask for a rate the host cannot schedule. The schema enforces per-field bounds, the
 * cross-checks the ones that combine fields (a rate per timeUnit, durations written as text).
 */
export const LOAD_LIMITS = {
  /** File text, in bytes (UTF-8). */
  fileBytes: 1_048_576,
  /** Nesting of arrays and objects anywhere in the file (message templates included). */
  depth: 32,
  /** Any one duration (a scenario's, a stage's, a timeout, a start time): 24 hours. */
  durationMs: 86_400_000,
  /** Iterations one arrival-rate scenario may start per second (rate / timeUnit): what one host schedules. */
  ratePerSecond: 100_000,
  /** VUs of one scenario (vus, startVUs, stage targets, preAllocatedVUs, maxVUs). */
  vus: 10_000,
  /** Iterations of an iterations executor, in all. */
  iterations: 100_000_000,
  scenarios: 50,
  stages: 100,
  /** Metrics with thresholds, and expressions per metric. */
  thresholdMetrics: 100,
  thresholdsPerMetric: 20,
  /** Entries of a latency model's per-link or per-agent table. */
  latencyEntries: 10_000,
  faults: 1_000,
  nameLength: 128,
  titleLength: 200,
  descriptionLength: 4_000,
} as const;

/** A scenario name: a letter, then letters, digits, `_` or `-` (k6 uses it in tags). */
export const SCENARIO_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';
/** A metric key: checked by the thresholds parser (known metric, tag selector); the schema only bounds it. */
export const METRIC_KEY_PATTERN = '^[^\\u0000-\\u001f]{1,300}$';
/** k6's duration text as thresholds/parseDuration reads it: `500ms`, `30s`, `1m30s`, `1.5h`, `250us`, or `0`. */
export const DURATION_PATTERN = '^\\s*(0|(([0-9]+(\\.[0-9]+)?|\\.[0-9]+)(ns|us|µs|ms|s|m|h))+)\\s*$';
