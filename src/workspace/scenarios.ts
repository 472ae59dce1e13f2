/**
 * The pattern gallery's scenarios, bundled at build time from agents/patterns/*.json and
 * checked on load: the scenario schema, then — as the workspace they become — the same
 * cross-reference rules as any imported file. A broken scenario is reported, not shown.
 */
import { fileProblem } from '../protocol/errors';
import { describeReceived, type Checked, type WorkspaceProblem } from './errors';
import { layoutGraph } from './layout';
import { CURRENT_VERSION, WORKSPACE_MARKER, type Scenario, type Workspace } from './model';
import { schemaProblems } from './schemaProblems';
import { validateWorkspace, type ValidateOptions } from './validateWorkspace';

const FILES = import.meta.glob<unknown>('../../agents/patterns/*.json', { eager: true, import: 'default' });

/** The gallery's order: from the simplest exchange to the longest protocol. */
export const PATTERN_ORDER = [
  'request-response',
  'fire-and-forget',
  'query',
  'publish-subscribe',
  'contract-net',
  'english-auction',
  'blackboard',
  'pipeline',
  'scatter-gather',
  'saga',
] as const;

/** The raw bundled files by id (file name without `.json`). */
export function bundledScenarioFiles(): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [path, value] of Object.entries(FILES)) {
    const id = /([^/]+)\.json$/.exec(path)?.[1];
    if (id) out[id] = value;
  }
  return out;
}

export function checkScenario(id: string, value: unknown, options: ValidateOptions = {}): Checked<Scenario> {
  const shape = schemaProblems('scenario', value);
  if (shape.length > 0) return { ok: false, problems: shape };
  const s = value as Scenario;
  const problems: WorkspaceProblem[] = [];
  if (s.id !== id) problems.push(fileProblem('ORR204', 'id', JSON.stringify(id), describeReceived(s.id)));
  const names = new Set(s.nodes.map((n) => n.name));
  s.run.forEach((step, i) => {
    if (step.from !== undefined && s.nodes.find((n) => n.name === step.from)?.type !== 'client') {
      problems.push(fileProblem('ORR207', `run[${i}].from`, 'a client node of the scenario', describeReceived(step.from)));
    }
  });
  if (!names.has(s.expect.from))
    problems.push(fileProblem('ORR207', 'expect.from', 'a node of the scenario', describeReceived(s.expect.from)));
  const ws = validateWorkspace(scenarioToWorkspace(s), options);
  if (!ws.ok) problems.push(...ws.problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: s };
}

export interface LoadedScenarios {
  scenarios: Scenario[];
  /** Scenario id → why it was left out. */
  broken: Record<string, WorkspaceProblem[]>;
}

export function loadScenarios(options: ValidateOptions = {}, files = bundledScenarioFiles()): LoadedScenarios {
  const scenarios: Scenario[] = [];
  const broken: Record<string, WorkspaceProblem[]> = Object.create(null) as Record<string, WorkspaceProblem[]>;
  const rank = (id: string) => {
    const i = (PATTERN_ORDER as readonly string[]).indexOf(id);
    return i === -1 ? PATTERN_ORDER.length : i;
  };
  const ids = Object.keys(files).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const id of ids) {
    const checked = checkScenario(id, files[id], options);
    if (checked.ok) scenarios.push(checked.value);
    else broken[id] = checked.problems;
  }
  return { scenarios, broken };
}

/** Where a scenario's traffic enters: the clients that start it, else the console's receivers. */
export function entryNodes(s: Scenario): string[] {
  const out: string[] = [];
  for (const step of s.run) {
    if (step.from !== undefined) out.push(step.from);
    else {
      const r = step.message.receiver;
      for (const name of typeof r === 'string' ? [r] : r) out.push(name);
    }
  }
  return [...new Set(out)];
}

/** The workspace a scenario becomes: its nodes laid out, its links. */
export function scenarioToWorkspace(s: Scenario): Workspace {
  const positions = layoutGraph(
    s.nodes.map((n) => n.name),
    s.links,
    entryNodes(s),
  );
  return {
    orrery: WORKSPACE_MARKER,
    version: CURRENT_VERSION,
    name: s.title,
    nodes: s.nodes.map((n) => {
      const position = Object.hasOwn(positions, n.name) ? positions[n.name] : undefined;
      return position ? { ...n, position } : { ...n };
    }),
    links: s.links.map(([a, b]) => ({ a, b })),
    modules: [],
    composerHistory: [],
  };
}
