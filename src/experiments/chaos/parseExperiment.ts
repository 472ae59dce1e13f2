/**
 * Checks an experiment file (parsed JSON or text) and returns it typed, with defaults
 * filled in, or throws ExperimentSchemaError listing every problem with its path. In
 * order: size, JSON syntax, nesting depth, the JSON Schema (shapes and bounds), then the
 * cross-checks in code (references, uniqueness, totals).
 */
import { closest, utf8Length } from '../../protocol/describe';
import { ERROR_CODES } from '../../protocol/errors';
import { crossCheck, probeIds } from './crossCheck';
import { defaultHypothesis } from './defaultHypothesis';
import { EXPERIMENT_LIMITS as L } from './limits';
import { capped, pathOf, schemaProblems } from './schemaProblems';
import type { Experiment } from './types';

export { probeIds };

/** `ORR301: The experiment is not valid (N problems):`, one line per problem, then the registry's hint. */
export class ExperimentSchemaError extends Error {
  override readonly name = 'ExperimentSchemaError';
  readonly code = 'ORR301' as const;
  readonly hint: string = ERROR_CODES.ORR301.hint;
  constructor(readonly problems: string[]) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    super(`ORR301: The experiment is not valid (${count}):\n- ${problems.join('\n- ')}\n${ERROR_CODES.ORR301.hint}`);
  }
}

export function parseExperiment(input: unknown): Experiment {
  const value = typeof input === 'string' ? parseText(input) : input;
  const tooDeep = deeperThan(value, L.depth);
  if (tooDeep !== undefined)
    throw new ExperimentSchemaError([`${pathOf(tooDeep)}: expected at most ${L.depth} levels of nested arrays and objects, received more`]);
  const problems = schemaProblems(value);
  if (problems.length === 0) crossCheck(withDefaults(value as Experiment), problems);
  if (problems.length > 0) throw new ExperimentSchemaError(capped(problems));
  return withDefaults(value as Experiment);
}

function parseText(text: string): unknown {
  const bytes = utf8Length(text);
  if (bytes > L.fileBytes)
    throw new ExperimentSchemaError([`experiment: expected at most ${L.fileBytes} bytes of JSON, received ${bytes}`]);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ExperimentSchemaError([`experiment: expected JSON text, received text that does not parse (${(e as Error).message})`]);
  }
}

/** A file that names no hypothesis gets the default one (see defaultHypothesis). */
function withDefaults(e: Experiment): Experiment {
  return Object.hasOwn(e, 'hypothesis') ? e : { ...e, hypothesis: defaultHypothesis() };
}

/** The JSON pointer of the first place nested deeper than `max`, or undefined. Iterative: depth cannot overflow the stack. */
export function deeperThan(value: unknown, max: number): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value: v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return path;
    const entries = Array.isArray(v)
      ? v.map((x, i) => [String(i), x] as const)
      : Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]] as const);
    for (const [key, item] of entries)
      if (item !== null && typeof item === 'object')
        stack.push({ value: item, depth: depth + 1, path: `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` });
  }
  return undefined;
}

/** Every agent kind the experiment deploys (topology agents and agent.deploy commands). */
export function experimentKinds(e: Experiment): string[] {
  const kinds = new Set(e.topology.agents.map((a) => a.kind));
  for (const c of e.topology.commands ?? []) if (c.type === 'agent.deploy' && typeof c.spec?.kind === 'string') kinds.add(c.spec.kind);
  return [...kinds];
}

/** Problems for kinds the runner cannot spawn, each naming the kinds it can. */
export function kindProblems(e: Experiment, known: readonly string[]): string[] {
  const can = new Set(known);
  const list = [...can].sort().join(', ') || 'none';
  const out: string[] = [];
  e.topology.agents.forEach((a, i) => {
    if (can.has(a.kind)) return;
    const hint = closest(a.kind, [...can]);
    out.push(
      `experiment.topology.agents[${i}].kind: expected a known agent kind (${list}), received ${JSON.stringify(a.kind)}${hint ? ` (did you mean "${hint}"?)` : ''}`,
    );
  });
  for (const kind of experimentKinds(e))
    if (!can.has(kind) && !e.topology.agents.some((a) => a.kind === kind))
      out.push(`experiment.topology.commands: expected a known agent kind (${list}), received ${JSON.stringify(kind)}`);
  return out;
}
