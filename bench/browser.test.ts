import { describe, expect, it } from 'vitest';
import { parsePerfLines, toFigures } from './browser';

const canvas = { figure: 'canvas-fps', fps: 52, fpsLog: 44, idleFps: 60, agentsRunning: 200, msgsPerSecond: 9800, msgsPerSecondLog: 9500 };
const perTab = { figure: 'agents-per-tab', agents: 10000, deployMs: 8200, answered: 10000 };

describe('browser figures', () => {
  it('finds the perf lines among the reporter output and ignores lines that only mention a figure', () => {
    const output = ['  ✓ canvas-fps (31s)', `stdout: ${JSON.stringify(canvas)}`, '{"figure": broken', JSON.stringify(perTab)].join('\n');
    expect(parsePerfLines(output).map((l) => l.figure)).toEqual(['canvas-fps', 'agents-per-tab']);
  });

  it('turns canvas-fps into two fps figures with the 55 fps target and the load in the note, not the name', () => {
    const figures = toFigures(canvas);
    expect(figures.map((f) => [f.name, f.value, f.target, f.better])).toEqual([
      ['canvas fps under load, log hidden', 52, { min: 55 }, 'higher'],
      ['canvas fps under load, log open', 44, { min: 55 }, 'higher'],
    ]);
    expect(figures[1]!.note).toBe('200 agents, 9500 msgs/s');
  });

  it('turns agents-per-tab into deploy seconds against 10 s, and memory per agent when the script prints it', () => {
    expect(toFigures(perTab).map((f) => f.name)).toEqual([
      'deploy 10000 echo agents in one tab',
      'agents answering a request, of 10000 in one tab',
    ]);
    const withMemory = toFigures({ ...perTab, liveBytesPerAgent: 300_000, passiveBytesPerAgent: 2_000 });
    expect(withMemory[0]).toMatchObject({ value: 8.2, unit: 's', target: { max: 10 }, better: 'lower' });
    expect(withMemory.slice(2).map((f) => [f.value, f.unit, f.better])).toEqual([
      [300_000, 'bytes', 'lower'],
      [2_000, 'bytes', 'lower'],
    ]);
  });
});

describe('a perf script that printed nothing', () => {
  it('still has its rows, with no number', () => {
    const figures = toFigures({ figure: 'agents-per-tab', agents: 10000 });
    expect(figures.map((f) => f.name)).toEqual(['deploy 10000 echo agents in one tab', 'agents answering a request, of 10000 in one tab']);
    expect(figures.every((f) => Number.isNaN(f.value))).toBe(true);
  });
});
