/**
 * Browser figures: runs the Playwright perf scripts (e2e/perf/*.perf.ts) against a
 * production build in Chromium and turns the JSON line each prints into figures.
 */
import { spawnSync } from 'node:child_process';
import type { Figure } from './table';

export interface PerfLine {
  figure: string;
  [key: string]: unknown;
}

/** Agents the agents-per-tab script deploys (its `ORRERY_AGENTS`). */
export const AGENTS_PER_TAB = 10_000;

/** The scripts the bench expects a line from: one missing still gets its rows, unmeasured. */
const EXPECTED: readonly PerfLine[] = [{ figure: 'canvas-fps' }, { figure: 'agents-per-tab', agents: AGENTS_PER_TAB }];

export interface BrowserFigures {
  figures: Figure[];
  /** What went wrong, for the notes under the table. */
  problems: string[];
}

export function measureInBrowser(options: { quick: boolean; port?: number }): BrowserFigures {
  const run = spawnSync('npx', ['playwright', 'test', '-c', 'e2e/perf/playwright.perf.config.ts'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      ORRERY_E2E_PORT: String(options.port ?? 4199),
      ORRERY_AGENTS: String(AGENTS_PER_TAB),
      ...(options.quick ? { ORRERY_FPS_WINDOW_MS: '2000' } : {}),
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  const lines = parsePerfLines(output);
  const missing = EXPECTED.filter((e) => !lines.some((l) => l.figure === e.figure));
  const problems = missing.map(
    (m) =>
      `Browser: the ${m.figure} perf script printed no figure (playwright exit ${run.status}); ` +
      `see .cache/perf-results-${options.port ?? 4199}/. Last output:\n${output.trim().split('\n').slice(-8).join('\n')}`,
  );
  return { figures: [...lines, ...missing].flatMap(toFigures), problems };
}

/** The JSON lines the perf scripts print, each starting with `{"figure":`. */
export function parsePerfLines(output: string): PerfLine[] {
  const lines: PerfLine[] = [];
  for (const text of output.split('\n')) {
    const start = text.indexOf('{"figure"');
    if (start < 0) continue;
    try {
      lines.push(JSON.parse(text.slice(start)) as PerfLine);
    } catch {
      // a line that merely mentions a figure: not ours
    }
  }
  return lines;
}

const num = (line: PerfLine, key: string): number => (typeof line[key] === 'number' ? (line[key] as number) : NaN);

function canvasFigures(line: PerfLine): Figure[] {
  const idle = { name: 'idle canvas', value: num(line, 'idleFps') };
  const load = (rate: number) => `${num(line, 'agentsRunning')} agents, ${Math.round(rate)} msgs/s`;
  const rateLog = Number.isFinite(num(line, 'msgsPerSecondLog')) ? num(line, 'msgsPerSecondLog') : num(line, 'msgsPerSecond');
  return [
    {
      name: 'canvas fps under load, log hidden',
      value: num(line, 'fps'),
      unit: 'fps',
      baseline: idle,
      target: { min: 55 },
      better: 'higher',
      note: load(num(line, 'msgsPerSecond')),
    },
    {
      name: 'canvas fps under load, log open',
      value: num(line, 'fpsLog'),
      unit: 'fps',
      baseline: idle,
      target: { min: 55 },
      better: 'higher',
      note: load(rateLog),
    },
  ];
}

function agentsPerTabFigures(line: PerfLine): Figure[] {
  const agents = num(line, 'agents');
  const figures: Figure[] = [
    {
      name: `deploy ${agents} echo agents in one tab`,
      value: num(line, 'deployMs') / 1000,
      unit: 's',
      target: { max: 10 },
      better: 'lower',
    },
    {
      name: `agents answering a request, of ${agents} in one tab`,
      value: num(line, 'answered'),
      unit: 'agents',
      target: { min: agents },
      better: 'higher',
    },
  ];
  // Printed by the agents-per-tab script once it measures memory; absent from older versions.
  const memory: [string, string][] = [
    ['liveBytesPerAgent', 'memory per live agent (agents-per-tab)'],
    ['passiveBytesPerAgent', 'memory per passivated agent (agents-per-tab)'],
  ];
  for (const [key, name] of memory) {
    if (Number.isFinite(num(line, key))) figures.push({ name, value: num(line, key), unit: 'bytes', better: 'lower' });
  }
  return figures;
}

export function toFigures(line: PerfLine): Figure[] {
  if (line.figure === 'canvas-fps') return canvasFigures(line);
  if (line.figure === 'agents-per-tab') return agentsPerTabFigures(line);
  return [];
}
