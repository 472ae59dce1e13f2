/**
 * What `orrery run WORKSPACE` will run: the workspace file read and checked as the workbench
 * imports it, then every saved chaos experiment and load experiment checked in full (schema,
 * agent kinds, topology, a load's chaos by name) before the first starts. Every problem of
 * every case is collected into one InputError, so one run lists them all.
 */
import { ExperimentSchemaError, kindProblems, parseExperiment, topologyProblems, type Experiment } from '../experiments';
import { LoadExperimentError, loadKindProblems, parseLoadExperiment, type LoadExperiment } from '../experiments/load/experiment';
// Not the workspace barrel: it reaches scenarios.ts, which only Vite can load.
import { formatProblem } from '../workspace/errors';
import { importWorkspace, MAX_FILE_BYTES } from '../workspace/exportImport';
import type { Workspace } from '../workspace/model';
import { parseContract, type Contracts } from '../experiments/contracts/parseContract';
import { InputError } from './exitCodes';
import { readJsonText } from './readExperiment';
import { resolveChaosExperiment } from './readLoadExperiment';

export type RunCase =
  | { type: 'experiment'; name: string; experiment: Experiment }
  | { type: 'load'; name: string; experiment: LoadExperiment; chaos?: Experiment };

export interface WorkspaceRun {
  name: string;
  cases: RunCase[];
  /** The workspace's `contracts`, parsed in full: every case is checked against them. */
  contracts?: Contracts;
}

/** The saved contracts parsed in full (the workspace schema checked their shape only). */
function checkContracts(saved: Workspace['contracts'], problems: string[]): Contracts | undefined {
  if (saved === undefined) return undefined;
  const parsed = parseContract(saved);
  if (parsed.ok) return parsed.contracts;
  problems.push(...parsed.problems.map((p) => `ORR601 contracts.${p.path}: ${p.message}`));
  return undefined;
}

export async function readWorkspaceFile(file: string, knownKinds: readonly string[]): Promise<Workspace> {
  const text = await readJsonText(file, MAX_FILE_BYTES);
  const checked = importWorkspace(text, { knownKinds: new Set(knownKinds) });
  if (!checked.ok)
    throw new InputError(`${file}: not a valid workspace:\n${checked.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  return checked.value;
}

function checkExperiment(where: string, saved: unknown, known: readonly string[], problems: string[]): Experiment | undefined {
  try {
    const experiment = parseExperiment(saved);
    const found = [...kindProblems(experiment, known), ...topologyProblems(experiment.topology)];
    problems.push(...found.map((p) => `${where}: ${p}`));
    return found.length === 0 ? experiment : undefined;
  } catch (e) {
    if (!(e instanceof ExperimentSchemaError)) throw e;
    problems.push(...e.problems.map((p) => `${where}: ${p}`));
    return undefined;
  }
}

function checkLoad(where: string, saved: unknown, known: readonly string[], problems: string[]): LoadExperiment | undefined {
  try {
    const experiment = parseLoadExperiment(saved);
    if (!experiment.topology || experiment.topology.agents.length === 0) {
      problems.push(`${where}: topology.agents: expected the agents to deploy (a headless run has no canvas system), received none`);
      return undefined;
    }
    const found = [...loadKindProblems(experiment, known), ...topologyProblems(experiment.topology)];
    problems.push(...found.map((p) => `${where}: ${p}`));
    return found.length === 0 ? experiment : undefined;
  } catch (e) {
    if (!(e instanceof LoadExperimentError)) throw e;
    problems.push(...e.problems.map((p) => `${where}: ${p}`));
    return undefined;
  }
}

/** A load's `chaos.experiment`: one of the workspace's experiments by name, else a shipped example. */
async function chaosFor(where: string, load: LoadExperiment, saved: readonly Experiment[], known: readonly string[], problems: string[]) {
  const name = load.chaos?.experiment;
  if (name === undefined) return undefined;
  const own = saved.find((e) => e.name === name);
  if (own) return own;
  try {
    return await resolveChaosExperiment(where, load, [], () => Promise.resolve(known));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    problems.push(
      `${where}: chaos.experiment: expected the name of one of the workspace's experiments or a shipped example, received "${name}"`,
    );
    return undefined;
  }
}

export async function readWorkspaceRun(file: string, knownKinds: readonly string[]): Promise<WorkspaceRun> {
  const workspace = await readWorkspaceFile(file, knownKinds);
  const problems: string[] = [];
  const contracts = checkContracts(workspace.contracts, problems);
  const cases: RunCase[] = [];
  const experiments: Experiment[] = [];
  (workspace.experiments ?? []).forEach((saved, i) => {
    const experiment = checkExperiment(`experiments[${i}] "${saved.name}"`, saved, knownKinds, problems);
    if (!experiment) return;
    experiments.push(experiment);
    cases.push({ type: 'experiment', name: experiment.name, experiment });
  });
  for (const [i, saved] of (workspace.loads ?? []).entries()) {
    const where = `loads[${i}] "${saved.name}"`;
    const experiment = checkLoad(where, saved, knownKinds, problems);
    if (!experiment) continue;
    const chaos = await chaosFor(where, experiment, experiments, knownKinds, problems);
    cases.push({ type: 'load', name: experiment.name, experiment, ...(chaos ? { chaos } : {}) });
  }
  if (problems.length > 0)
    throw new InputError(
      `${file}: the workspace's experiments are not valid (nothing was run):\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  if (cases.length === 0)
    throw new InputError(`${file}: expected saved experiments ("experiments") or load experiments ("loads") to run, received none`);
  return { name: workspace.name, cases, ...(contracts ? { contracts } : {}) };
}
