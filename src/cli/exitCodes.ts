/** The runner's exit codes: what a CI pipeline branches on. */
export const EXIT = {
  /** The hypothesis held (every seed, for a swarm); every threshold held; no divergence. */
  pass: 0,
  /** The run completed and the hypothesis did not hold, or a message broke a contract; `replay`: it diverged or a stand-in had no answer; `shrink`: nothing to shrink. */
  fail: 1,
  /** A user mistake: bad arguments, a missing or unreadable file, an invalid experiment or recording (ORR5xx). */
  badInput: 2,
  /** Orrery itself failed (a bug, or agents not built): one line on stderr, please report. */
  internal: 3,
  /** `orrery load` (and `run` when no hypothesis failed): a threshold failed (or aborted the run), or a metric regressed past the baseline's margin (k6's code). */
  thresholds: 99,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `Exit codes:
  0  pass: the hypothesis holds (swarm: on every seed), every threshold holds,
     replay: no divergence; run: every case passes
  1  check failed: a hypothesis does not hold (run: in any case); replay: a
     divergence (the first is printed) or a stand-in without an answer
     (ORR510/ORR511); shrink: the recorded run passes (nothing to shrink);
     a message broke a contract (--contracts, or a workspace's contracts)
  2  invalid input: verb, flag, file, experiment, workspace, contract file
     (ORR601) or recording (the reason on stderr, never a stack trace;
     nothing is run)
  3  internal error (one line on stderr; please report it)
  99 thresholds failed (k6's code): load, or run when no hypothesis failed; a
     threshold that aborted the run, or with --baseline a figure that regressed
     beyond --regression`;

/** A mistake the person running the command can fix: reported on stderr, exit 2. */
export class InputError extends Error {
  override name = 'InputError';
  /** Show the usage text after the message (argument mistakes). */
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}
