/**
 * Checks a load experiment file (parsed JSON or text) and returns it typed, durations in
 * milliseconds and defaults filled in, or throws LoadExperimentError listing every
 * problem with its path. In order: size, JSON syntax, nesting depth, the JSON Schema
 * (shapes and bounds), then normalization and the cross-checks (references, rules that
 * combine fields, templates). Nothing starts before a file passes.
 */
import { closest, utf8Length } from '../../../protocol/describe';
import { ERROR_CODES } from '../../../protocol/errors';
import { deeperThan } from '../../chaos/parseExperiment';
import { capped, pathOf } from '../../chaos/schemaProblems';
import { crossCheck } from './crossCheck';
import { LOAD_LIMITS as L } from './limits';
import { normalize } from './normalize';
import { schemaProblems } from './schemaProblems';
import type { LoadExperiment, LoadExperimentFile } from './types';

/** `ORR302: The load experiment is not valid (N problems):`, one line per problem, then the registry's hint. */
export class LoadExperimentError extends Error {
  override readonly name = 'LoadExperimentError';
  readonly code = 'ORR302' as const;
  readonly hint: string = ERROR_CODES.ORR302.hint;
  constructor(readonly problems: string[]) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    super(`ORR302: The load experiment is not valid (${count}):\n- ${problems.join('\n- ')}\n${ERROR_CODES.ORR302.hint}`);
  }
}

export function parseLoadExperiment(input: unknown): LoadExperiment {
  const value = typeof input === 'string' ? parseText(input) : input;
  const tooDeep = deeperThan(value, L.depth);
  if (tooDeep !== undefined)
    throw new LoadExperimentError([`${pathOf(tooDeep)}: expected at most ${L.depth} levels of nested arrays and objects, received more`]);
  const problems = schemaProblems(value);
  if (problems.length > 0) throw new LoadExperimentError(capped(problems));
  const experiment = normalize(value as LoadExperimentFile, problems);
  if (problems.length === 0) crossCheck(experiment, problems);
  if (problems.length > 0) throw new LoadExperimentError(capped(problems));
  return experiment;
}

/** parseLoadExperiment without the throw: for editors that show problems as you type. */
export function checkLoadExperiment(input: unknown): { ok: true; experiment: LoadExperiment } | { ok: false; error: LoadExperimentError } {
  try {
    return { ok: true, experiment: parseLoadExperiment(input) };
  } catch (e) {
    if (e instanceof LoadExperimentError) return { ok: false, error: e };
    throw e;
  }
}

function parseText(text: string): unknown {
  const bytes = utf8Length(text);
  if (bytes > L.fileBytes) throw new LoadExperimentError([`experiment: expected at most ${L.fileBytes} bytes of JSON, received ${bytes}`]);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new LoadExperimentError([`experiment: expected JSON text, received text that does not parse (${(e as Error).message})`]);
  }
}

/** Problems for agent kinds the runner cannot spawn (known only at run time), each naming the kinds it can. */
export function loadKindProblems(e: LoadExperiment, known: readonly string[]): string[] {
  const list = [...known].sort().join(', ') || 'none';
  const agents = (e.topology?.agents ?? []).map((a, i) => ({ kind: a.kind, at: `experiment.topology.agents[${i}].kind` }));
  if (e.canary) agents.push({ kind: e.canary.canary.kind, at: 'experiment.canary.canary.kind' });
  return agents.flatMap(({ kind, at }) => {
    if (known.includes(kind)) return [];
    const hint = closest(kind, known);
    return [`${at}: expected a known agent kind (${list}), received ${JSON.stringify(kind)}${hint ? ` (did you mean "${hint}"?)` : ''}`];
  });
}
