/**
 * Runs an experiment on any ExperimentShell: builds the topology, drives the workload,
 * injects and clears faults on schedule, lets the run drain, then judges every window
 * from the log (journal first, analysis after). The same code drives the deterministic
 * simulation and a live runtime.
 */
import { createSeededRng } from '../../kernel/rng';
import type { ExperimentShell } from '../ExperimentShell';
import type { Contracts } from '../contracts/parseContract';
import { watchContracts } from '../contracts/watchContracts';
import { deriveSeed, STREAM } from '../seeds';
import { judgeRun } from './judgeRun';
import { planExperiment, type ExperimentPlan } from './planExperiment';
import type { ExperimentResult, TimelineEntry } from './result';
import { note, perform, sendOne, startLoad, type LoadState, type RunContext } from './runSteps';
import type { ClientLoad, Experiment, Topology } from './types';

export interface RunOptions {
  /** Default: experiment.seed, else 1. */
  seed?: number;
  /** Timeline entries as they happen (phases, faults), for a live view. */
  onProgress?: (entry: TimelineEntry) => void;
  /** Stops the workload and schedule early; the run still drains and is judged. */
  signal?: AbortSignal;
  /** Wall clock for `wallMs` (default performance.now). */
  wallClock?: () => number;
  /** Check every message against these; the result counts the violations (`contracts`). */
  contracts?: Contracts;
}

export class ExperimentSetupError extends Error {
  override readonly name = 'ExperimentSetupError';
  constructor(readonly problems: string[]) {
    super(`The experiment's topology could not be built:\n- ${problems.join('\n- ')}`);
  }
}

const POLL_MS = 5;

export async function runExperiment(shell: ExperimentShell, experiment: Experiment, options: RunOptions = {}): Promise<ExperimentResult> {
  const wall = options.wallClock ?? (() => performance.now());
  const wallStart = wall();
  const seed = (options.seed ?? experiment.seed ?? 1) >>> 0;
  const ctx: RunContext = {
    shell,
    rng: createSeededRng(deriveSeed(seed, STREAM.workload)),
    timeline: [],
    errors: [],
    onProgress: options.onProgress,
  };
  const plan = planExperiment(experiment);
  const setupStart = shell.now();
  // Watching from before the build: the agents' kinds come from their deploys.
  const contracts = options.contracts ? watchContracts(shell, options.contracts) : undefined;
  try {
    const result = await runBuilt(ctx, experiment, plan, { seed, setupStart, wallStart, wall, signal: options.signal });
    return contracts ? { ...result, contracts: contracts.summary() } : result;
  } finally {
    contracts?.stop();
  }
}

interface RunClock {
  seed: number;
  setupStart: number;
  wallStart: number;
  wall: () => number;
  signal: AbortSignal | undefined;
}

async function runBuilt(ctx: RunContext, experiment: Experiment, plan: ExperimentPlan, run: RunClock): Promise<ExperimentResult> {
  const { shell } = ctx;
  const { seed, setupStart, wallStart, wall } = run;
  build(shell, experiment.topology);
  await waitRunning(shell, experiment.topology, experiment.schedule.setupTimeoutMs ?? 10_000, (entry) => note(ctx, entry));

  const t0 = shell.now();
  const aborted = () => run.signal?.aborted === true;
  await drive(ctx, plan, experiment.workload.clients, t0, aborted);
  // Clear whatever is still injected (an aborted run) before draining.
  if (aborted()) shell.command({ type: 'chaos.clear' });
  await shell.advanceTo(Math.max(shell.now(), t0 + plan.end));
  return judgeRun(ctx, { experiment, plan, seed, t0, setupStart, wallMs: wall() - wallStart });
}

/** Interleaves the schedule's actions and the workload's sends in time order until both are done. */
async function drive(
  ctx: RunContext,
  plan: ExperimentPlan,
  clients: readonly ClientLoad[],
  t0: number,
  aborted: () => boolean,
): Promise<void> {
  const loads = clients.map((c, i) => startLoad(c, i, clients.length, ctx.rng));
  let next = 0;
  for (;;) {
    if (aborted()) break;
    const action = plan.actions[next];
    let load: LoadState | undefined;
    for (const l of loads) if (l.next < plan.workloadEnd && (!load || l.next < load.next)) load = l;
    if (!action && !load) break;
    if (action && (!load || action.at <= load.next)) {
      await ctx.shell.advanceTo(t0 + action.at);
      next++;
      perform(ctx, action);
    } else if (load) {
      await ctx.shell.advanceTo(t0 + load.next);
      sendOne(ctx, load);
    }
  }
}

// ─── Topology ─────────────────────────────────────────────────────────────────

/** Applies the topology as commands; throws ExperimentSetupError listing every refusal. */
export function build(shell: Pick<ExperimentShell, 'command'>, topology: Topology): void {
  const problems: string[] = [];
  const run = (what: string, command: Parameters<ExperimentShell['command']>[0]) => {
    const { error } = shell.command(command);
    if (error) problems.push(`${what}: ${error.code}: ${error.message}`);
  };
  for (const g of topology.groups ?? []) run(`group ${g.name}`, { type: 'group.create', spec: g });
  for (const c of topology.clients ?? []) run(`client ${c}`, { type: 'client.create', name: c });
  for (const t of topology.topics ?? []) run(`topic ${t}`, { type: 'topic.create', name: t });
  for (const a of topology.agents) run(`agent ${a.name}`, { type: 'agent.deploy', spec: a });
  for (const l of topology.links ?? []) {
    const id = l.id ?? `${l.a}--${l.b}`;
    run(`link ${l.a}–${l.b}`, { type: 'link.add', a: l.a, b: l.b, id });
    if (l.policy) run(`link ${id} policy`, { type: 'link.configure', id, policy: l.policy });
  }
  for (const [i, c] of (topology.commands ?? []).entries()) run(`commands[${i}] (${c.type})`, c);
  if (problems.length > 0) throw new ExperimentSetupError(problems);
}

async function waitRunning(shell: ExperimentShell, topology: Topology, timeoutMs: number, note: (e: TimelineEntry) => void): Promise<void> {
  const names = topology.agents.map((a) => a.name);
  const deadline = shell.now() + timeoutMs;
  for (;;) {
    const agents = shell.snapshot().agents;
    const pending = names.filter((n) => agents.find((a) => a.name === n)?.status !== 'running');
    if (pending.length === 0) return;
    const settled = pending.every((n) => {
      const s = agents.find((a) => a.name === n)?.status;
      return s === 'failed' || s === 'stopped' || s === undefined;
    });
    if (settled || shell.now() >= deadline) {
      note({
        t: shell.now(),
        kind: 'setup',
        label: `not running after setup: ${pending.map((n) => `${n} (${agents.find((a) => a.name === n)?.status ?? 'absent'})`).join(', ')}`,
      });
      return;
    }
    await shell.advanceTo(shell.now() + POLL_MS);
  }
}
