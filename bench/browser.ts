/**
 * Browser figures: runs the Playwright perf scripts (e2e/perf/*.perf.ts) against a
 * production build in Chromium and turns the JSON line each prints into figures.
 */
import { spawnSync } from 'node:child_process';
import type { Figure } from './table';

interface PerfLine {
  figure: string;
  [key: string]: unknown;
}

export function measureInBrowser(port = 4199): Figure[] {
  const run = spawnSync('npx', ['playwright', 'test', '-c', 'e2e/perf/playwright.perf.config.ts'], {
    encoding: 'utf8',
    env: { ...process.env, ORRERY_E2E_PORT: String(port) },
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines: PerfLine[] = [];
  for (const text of `${run.stdout}\n${run.stderr}`.split('\n')) {
    const start = text.indexOf('{"figure"');
    if (start < 0) continue;
    try {
      lines.push(JSON.parse(text.slice(start)) as PerfLine);
    } catch {
      // a line that merely mentions a figure: not ours
    }
  }
  if (lines.length === 0) throw new Error(`the browser perf scripts printed no figures (exit ${run.status}):\n${run.stdout.slice(-2000)}`);
  return lines.flatMap(toFigures);
}

const num = (line: PerfLine, key: string): number => (typeof line[key] === 'number' ? (line[key] as number) : NaN);

function toFigures(line: PerfLine): Figure[] {
  if (line.figure === 'canvas-fps') {
    const note = `${num(line, 'agentsRunning')} agents, ${Math.round(num(line, 'msgsPerSecond'))} msgs/s`;
    return [
      {
        name: `canvas fps under load (${note}; log hidden)`,
        value: num(line, 'fps'),
        unit: 'fps',
        baseline: { name: 'idle canvas', value: num(line, 'idleFps') },
        target: { min: 50 },
      },
      {
        name: `canvas fps under load (${note}; log open)`,
        value: num(line, 'fpsLog'),
        unit: 'fps',
        baseline: { name: 'idle canvas', value: num(line, 'idleFps') },
      },
    ];
  }
  if (line.figure === 'agents-per-tab') {
    return [
      { name: `deploy ${num(line, 'agents')} echo agents in one tab`, value: num(line, 'deployMs') / 1000, unit: 's', target: { max: 3 } },
      {
        name: 'agents answering a request in that tab',
        value: num(line, 'answered'),
        unit: 'agents',
        target: { min: num(line, 'agents') },
      },
    ];
  }
  return [];
}
