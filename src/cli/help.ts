/** What `orrery help` and `orrery help <verb>` print: one entry per verb, the common flags, the exit codes. */
import { EXIT_CODES_HELP } from './exitCodes';
import { DEFAULT_REGRESSION_PCT } from './loadArgs';
import { DEFAULT_RULES_TEXT } from './replayRules';

/** Seeds one swarm may run. */
export const MAX_SEEDS = 10_000;

export const VERBS = [
  'run',
  'experiment',
  'swarm',
  'load',
  'replay',
  'shrink',
  'contract',
  'can-deploy',
  'compare',
  'schema',
  'help',
] as const;
export type Verb = (typeof VERBS)[number];

/** The verbs that run something: each takes the common flags. */
export const RUN_VERBS = ['run', 'experiment', 'swarm', 'load', 'replay'] as const;

export const COMMON_FLAGS_HELP = `Common flags (run, experiment, swarm, load, replay):
  --seed N       the seed (swarm: the first seed; replay, run: instead of the recorded or saved one)
  --json OUT     write the result as JSON
  --junit OUT    write the result as JUnit XML (one test case per check: CI test reporters read it)
  --quiet, -q    only the verdict on stdout, no progress on stderr
Results go to stdout, progress and diagnostics to stderr (a progress bar when stderr is a terminal).`;

const VERB_HELP: Record<Verb, { line: string; text: string }> = {
  run: {
    line: 'run everything a saved workspace declares (its chaos and load experiments)',
    text: `orrery run <workspace.orrery.json> [--seed N] [--json OUT] [--junit OUT] [--quiet]
    Run every experiment a saved workspace declares, in the deterministic simulation
    (real wasm agents, virtual clock): its saved chaos experiments ("experiments") and
    load experiments ("loads"), each one test case. Every case is checked before the
    first starts (an invalid one: exit 2, nothing run). A load's "chaos" names one of the
    workspace's experiments (or a shipped example). The workspace's "contracts" (if any)
    are checked on every message of every case: a violation fails its case (JUnit case
    "contracts"). Exit 0 when every case passes, 1 when a chaos hypothesis fails or a
    contract is violated, 99 when only load thresholds fail.`,
  },
  experiment: {
    line: 'run one chaos experiment in the deterministic simulation',
    text: `orrery experiment <file.json> [--seed N] [--json OUT] [--junit OUT] [--quiet]
                  [--report out.json] [--record out.orrery-rec] [--contracts contracts.json]
    Run a chaos experiment in the deterministic simulation (real wasm agents,
    virtual clock). Prints verdicts per window, the seed and the event-log hash.
    --json (or --report) writes the result (\`orrery compare\` reads it); --junit one
    test case per hypothesis check; --record writes the run's recording (open it in
    the Replay tab, or replay it with \`orrery replay\`). --contracts checks every
    message against an orrery.contract/1 file (an invalid one: ORR601, exit 2): the
    count and the first violations are printed, in --json ("contracts"), and in
    --junit as a case "contracts" that fails on any violation (exit 1).`,
  },
  swarm: {
    line: 'run one chaos experiment over many seeds',
    text: `orrery swarm <file.json> [--seeds FROM..TO | --count N [--seed FROM]] [--json OUT]
             [--junit OUT] [--quiet] [--report out.json] [--contracts contracts.json]
    Run the experiment over many seeds (at most ${MAX_SEEDS}; default --count 20 from
    seed 1); prints each seed's verdict and log hash and lists the failing ones. Re-run
    one with \`orrery experiment <file.json> --seed N\`: the same seed gives the same hash.
    --junit: one test case per seed. Progress (seeds done of total) on stderr.
    --contracts: every seed's messages checked; a seed with a violation fails (exit 1).`,
  },
  load: {
    line: 'run one load experiment (k6 executors and thresholds), live or simulated',
    text: `orrery load <file.load.json> [--sim] [--seed N] [--json OUT] [--junit OUT] [--quiet]
            [--summary-export out.json] [--html out.html] [--text out.txt]
            [--baseline base.json] [--save-baseline out.json] [--regression PCT]
            [--chaos chaos.json …] [--record out.orrery-rec] [--contracts contracts.json]
    Run a load experiment (k6's executors and thresholds). Live by default: real
    wasm agents in worker threads, real time. --sim runs it in the deterministic
    simulation (virtual time, latencies from the file's latency model) and prints
    the log hash: the same seed gives the same figures and hash. Progress on stderr
    (a bar on a terminal, a line every 5 s otherwise), the k6-style summary on stdout.
    --json writes the verdict, thresholds and k6's summary-export figures; --junit one
    test case per threshold; --summary-export k6's summary-export JSON, --html a
    self-contained report, --text the summary. --save-baseline keeps this run's
    figures; --baseline compares with saved ones and fails on a regression beyond
    --regression percent (default ${DEFAULT_REGRESSION_PCT}). A "chaos": { "experiment": NAME } is
    looked up in the --chaos files and in examples/*.experiment.json, by name.
    --contracts checks every message (live or --sim): the count in the summary, --json
    and --junit (case "contracts"); a violation exits 1 (wrong beats slow).
    Ctrl-C once stops gracefully (the summary is printed); twice aborts at once.
    With --sim, --record writes the run's recording. Exit 99 when a threshold fails.`,
  },
  replay: {
    line: 'replay a recording against the agents you have now',
    text: `orrery replay <rec.orrery-rec> [--against workspace.orrery.json] [--rules rules.json]
              [--stand-in AGENT[=MODE] …] [--seed N] [--json OUT] [--junit OUT] [--quiet]
    Replay a recording's external inputs (client and console messages, faults, at
    their recorded times) in the deterministic simulation against the agents you
    have now: the built agents for built-in kinds, a custom kind from the recording,
    or, with --against, the workspace's agents in place of the recorded ones of the
    same name. Compares each conversation with the recorded one and prints the first
    divergence (conversation, message, field, recorded vs replayed) and a summary.
    --rules: {"ignore": [fields], "keep": [fields], "orderSensitive": bool,
    "orderSensitiveFor": {conversation: bool}}; ignored by default:
    ${DEFAULT_RULES_TEXT}.
    --stand-in AGENT[=MODE] (repeatable): the recorded agent is replaced by a stand-in
    answering as it did in the recording; MODE replay (default: only recorded answers),
    passthrough (what the recording cannot answer goes to the real agent) or
    record-if-missing (the same, and the answer is kept). A message a stand-in in
    replay mode has no answer for (ORR510: the closest recorded message and the
    fields that differ) or asked more often than recorded (ORR511) is printed on
    stderr and fails the replay (exit 1), even when the conversations match.
    Exit 0: no divergence; 1: a divergence. --junit: one test case per conversation
    (and per stand-in: failing when it had no answer).`,
  },
  shrink: {
    line: 'shrink a failing chaos recording to the fewest messages and faults that still fail',
    text: `orrery shrink <rec.orrery-rec> [--out min.orrery-rec] [--json OUT] [--quiet]
    For a recording of a simulated chaos experiment whose hypothesis failed
    (\`orrery experiment FILE --record REC\` makes one): runs it again in the
    deterministic simulation with fewer client messages and faults (delta debugging,
    the recorded seed: every verdict is reproducible) while the hypothesis still
    fails. Each run tried is a progress line on stderr; stdout lists the minimal
    messages and faults, the failing checks and the minimal conversations. --out
    writes the shrunk recording (replay it, open it in the Replay tab); --json the
    result. Exit 0: a smaller failing recording was found, or the recording is
    already minimal; 1: its run does not fail its hypothesis (nothing to shrink);
    2: not a chaos recording, or a file that cannot be read.`,
  },
  contract: {
    line: 'contract check OLD NEW: is a new contract version compatible with the old?',
    text: `orrery contract check <old.contract.json> <new.contract.json> [--json OUT] [--junit OUT] [--quiet]
    Compare two versions of a message contract file (orrery.contract/1: per agent kind
    and performative, a JSON Schema for the content it accepts and the content it
    sends). What a kind accepts may only widen and what it sends may only narrow:
    each change is listed with its rule (required-added, type-changed, enum-narrowed,
    performative-dropped, …) and the reason it breaks or not. --junit: one test case
    per change, a breaking one failing. Exit 0 compatible, 1 breaking, 2 when a file
    is not a valid contract (each problem with its path: a schema that is not valid
    JSON Schema is named).`,
  },
  'can-deploy': {
    line: "can one agent's new version replace the recorded one? yes or no, with the evidence",
    text: `orrery can-deploy <rec.orrery-rec> --agent NAME --against workspace.orrery.json
                  --contracts contracts.json [--seed N] [--json OUT] [--junit OUT] [--quiet]
    Replay the recording in the simulation with the workspace's version of one agent
    (the others as recorded). Every message it sends or receives is checked against
    the contracts of the roles as recorded (what it promised to send, what its peers
    accept), and every conversation it takes part in is compared with the recorded
    one. YES (exit 0): no contract violation and no divergence; NO (exit 1): each
    violation and divergence listed. --junit: two cases (contracts, conversations).`,
  },
  compare: {
    line: 'compare two --json/--report results (same runs? which checks moved?)',
    text: `orrery compare <a.json> <b.json>
    Compare two results written by --json or --report (two runs or two swarms): same
    or different log hash, and which checks moved. Exit 0 when they are the same
    runs (same hashes), 1 when they differ.`,
  },
  schema: {
    line: 'print the JSON Schema of experiment files',
    text: `orrery schema
    Print the JSON Schema of experiment files (point "$schema" at a copy of it
    for completion in your editor; examples/ has one).`,
  },
  help: {
    line: 'this overview, or one verb in full',
    text: `orrery help [verb]
    The verbs, the common flags and the exit codes; with a verb, that verb in full.
    orrery --version prints the version.`,
  },
};

export const isVerb = (word: string): word is Verb => (VERBS as readonly string[]).includes(word);

/** `orrery help`: every verb on one line, the common flags, the exit codes. */
export function overviewHelp(): string {
  const width = Math.max(...VERBS.map((v) => v.length));
  return `orrery: run Orrery experiments headless (CI)

Usage: orrery <verb> [file] [flags]     orrery help <verb>     orrery --version

Verbs:
${VERBS.map((v) => `  ${v.padEnd(width)}  ${VERB_HELP[v].line}`).join('\n')}

${COMMON_FLAGS_HELP}

${EXIT_CODES_HELP}
`;
}

/** `orrery help <verb>`: that verb in full, then the common flags and the exit codes. */
export function verbHelp(verb: Verb): string {
  const common = (RUN_VERBS as readonly string[]).includes(verb) ? `\n${COMMON_FLAGS_HELP}\n` : '';
  return `${VERB_HELP[verb].text}\n${common}\n${EXIT_CODES_HELP}\n`;
}

/** Every verb in full (what the usage used to be). */
export const USAGE = `${overviewHelp()}\n${VERBS.map((v) => VERB_HELP[v].text).join('\n\n')}\n`;
