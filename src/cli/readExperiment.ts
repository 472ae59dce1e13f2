/**
 * Reads an experiment file for the runner: every way it can be wrong (missing, a folder,
 * too large, not JSON, invalid, unknown agent kinds) becomes an InputError whose message
 * names the file and each problem.
 */
import { readFile, stat } from 'node:fs/promises';
import { EXPERIMENT_LIMITS, ExperimentSchemaError, kindProblems, parseExperiment, topologyProblems, type Experiment } from '../experiments';
import { ERROR_CODES } from '../protocol/errors';
import { InputError } from './exitCodes';

/** `file: what went wrong` for the errors a person can fix (missing file, no permission...). */
export function fileError(file: string, e: unknown): InputError | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return new InputError(`${file}: no such file`);
  if (code === 'EISDIR') return new InputError(`${file}: is a directory, expected a file`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`${file}: permission denied`);
  if (code === 'ENOTDIR' || code === 'ENAMETOOLONG' || code === 'ELOOP')
    return new InputError(`${file}: not a valid path (${String(code)})`);
  return undefined;
}

/** A JSON file of at most `maxBytes`, as text (a UTF-8 byte-order mark is dropped). */
export async function readJsonText(file: string, maxBytes: number): Promise<string> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError(`${file}: is a directory, expected a file`);
    if (info.size > maxBytes) throw new InputError(`${file}: expected at most ${maxBytes} bytes, received ${info.size} bytes`);
    const text = await readFile(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fileError(file, e) ?? e;
  }
}

const invalid = (file: string, problems: readonly string[]) =>
  new InputError(`ORR301: ${file} is not a valid experiment:\n${problems.map((p) => `  ${p}`).join('\n')}\n${ERROR_CODES.ORR301.hint}`);

/** The experiment in `file`, checked against the schema and against the kinds the runner can spawn. */
export async function readExperiment(file: string, knownKinds: () => Promise<readonly string[]>): Promise<Experiment> {
  const text = await readJsonText(file, EXPERIMENT_LIMITS.fileBytes);
  let experiment: Experiment;
  try {
    experiment = parseExperiment(text);
  } catch (e) {
    if (e instanceof ExperimentSchemaError) throw invalid(file, e.problems);
    throw e;
  }
  const unknown = kindProblems(experiment, await knownKinds());
  if (unknown.length > 0) throw invalid(file, unknown);
  const refused = topologyProblems(experiment.topology);
  if (refused.length > 0)
    throw new InputError(`${file}: the experiment's topology could not be built:\n${refused.map((p) => `  ${p}`).join('\n')}`);
  return experiment;
}
