/**
 * Reads a load experiment file for `orrery load`: every way it can be wrong (missing, too
 * large, not JSON, invalid against orrery.load/1, unknown agent kinds, a topology the kernel
 * refuses, a chaos experiment nobody can find) becomes an InputError naming the file and
 * each field, before any agent is compiled.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { topologyProblems, type Experiment } from '../experiments';
import {
  LOAD_LIMITS,
  loadKindProblems,
  LoadExperimentError,
  parseLoadExperiment,
  type LoadExperiment,
} from '../experiments/load/experiment';
import { closest } from '../protocol/describe';
import { ERROR_CODES } from '../protocol/errors';
import { InputError } from './exitCodes';
import { readExperiment, readJsonText } from './readExperiment';

/** The shipped chaos experiments a load file may name (examples/*.experiment.json). */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples', import.meta.url));

const invalid = (file: string, problems: readonly string[]) =>
  new InputError(
    `ORR302: ${file} is not a valid load experiment:\n${problems.map((p) => `  ${p}`).join('\n')}\n${ERROR_CODES.ORR302.hint}`,
  );

/** The kinds a run deploys: the topology's agents, agent.deploy commands and a canary's new version. */
export function loadExperimentKinds(experiment: LoadExperiment): string[] {
  const kinds = new Set((experiment.topology?.agents ?? []).map((a) => a.kind));
  for (const c of experiment.topology?.commands ?? [])
    if (c.type === 'agent.deploy' && typeof c.spec?.kind === 'string') kinds.add(c.spec.kind);
  if (experiment.canary) kinds.add(experiment.canary.canary.kind);
  return [...kinds];
}

export async function readLoadExperiment(file: string, knownKinds: () => Promise<readonly string[]>): Promise<LoadExperiment> {
  const text = await readJsonText(file, LOAD_LIMITS.fileBytes);
  let experiment: LoadExperiment;
  try {
    experiment = parseLoadExperiment(text);
  } catch (e) {
    if (e instanceof LoadExperimentError) throw invalid(file, e.problems);
    throw e;
  }
  if (!experiment.topology || experiment.topology.agents.length === 0)
    throw invalid(file, ['experiment.topology.agents: expected the agents to deploy (a headless run has no canvas system), received none']);
  const unknown = loadKindProblems(experiment, await knownKinds());
  if (unknown.length > 0) throw invalid(file, unknown);
  const refused = topologyProblems(experiment.topology);
  if (refused.length > 0)
    throw new InputError(`${file}: the experiment's topology could not be built:\n${refused.map((p) => `  ${p}`).join('\n')}`);
  return experiment;
}

/**
 * The chaos experiment a load file names in `chaos.experiment`, looked up by name in the
 * --chaos files, then in the shipped examples. Undefined when the file names none.
 */
export async function resolveChaosExperiment(
  file: string,
  experiment: LoadExperiment,
  chaosFiles: readonly string[],
  knownKinds: () => Promise<readonly string[]>,
): Promise<Experiment | undefined> {
  const candidates = await Promise.all(chaosFiles.map((f) => readExperiment(f, knownKinds)));
  const name = experiment.chaos?.experiment;
  if (name === undefined) return undefined;
  const given = candidates.find((c) => c.name === name);
  if (given) return given;
  const shipped = await shippedChaosExperiments(knownKinds);
  const found = shipped.find((c) => c.name === name);
  if (found) return found;
  const names = [...candidates, ...shipped].map((c) => c.name);
  const hint = closest(name, names);
  throw invalid(file, [
    `experiment.chaos.experiment: expected the name of a chaos experiment given with --chaos FILE or shipped in examples/ (${names.map((n) => JSON.stringify(n)).join(', ') || 'none'}), received ${JSON.stringify(name)}${hint ? ` (did you mean "${hint}"?)` : ''}`,
  ]);
}

async function shippedChaosExperiments(knownKinds: () => Promise<readonly string[]>): Promise<Experiment[]> {
  const names = (await readdir(EXAMPLES_DIR).catch(() => [] as string[])).filter((n) => n.endsWith('.experiment.json')).sort();
  const read = await Promise.all(names.map((n) => readExperiment(join(EXAMPLES_DIR, n), knownKinds).catch(() => undefined)));
  return read.filter((e): e is Experiment => e !== undefined);
}
