import { describe, expect, it } from 'vitest';
import { refused } from './refusedArgs';
import { parseCli } from './args';

describe('orrery load arguments', () => {
  it('reads the file and every flag', () => {
    expect(
      parseCli([
        'load',
        'a.load.json',
        '--sim',
        '--seed',
        '7',
        '--summary-export',
        's.json',
        '--html',
        'r.html',
        '--text',
        'r.txt',
        '--baseline',
        'b.json',
        '--regression',
        '2.5%',
        '--save-baseline',
        'n.json',
        '--chaos',
        'c1.json',
        '--chaos',
        'c2.json',
        '-q',
      ]),
    ).toEqual({
      command: 'load',
      file: 'a.load.json',
      sim: true,
      seed: 7,
      summaryExport: 's.json',
      html: 'r.html',
      text: 'r.txt',
      baseline: 'b.json',
      saveBaseline: 'n.json',
      regressionPct: 2.5,
      chaos: ['c1.json', 'c2.json'],
      quiet: true,
    });
    expect(parseCli(['load', 'a.load.json'])).toEqual({
      command: 'load',
      file: 'a.load.json',
      sim: false,
      regressionPct: 10,
      chaos: [],
      quiet: false,
    });
  });

  it('refuses what does not fit, naming the flag', () => {
    expect(refused(['load'])).toMatch(/load: expected a load experiment file/);
    expect(refused(['load', 'a.json', 'b.json'])).toMatch(/expected one file, received also b\.json/);
    expect(refused(['load', 'a.json', '--regression', '5'])).toMatch(/--regression: applies only with --baseline/);
    expect(refused(['load', 'a.json', '--baseline', 'b.json', '--regression=-5'])).toMatch(/--regression: expected a percentage/);
    expect(refused(['load', 'a.json', '--baseline', 'b.json', '--regression', 'ten'])).toMatch(/received "ten"/);
    expect(refused(['load', 'a.json', '--summary-export', ''])).toMatch(/--summary-export: expected a file name/);
    expect(refused(['load', 'a.json', '--report', 'r.json'])).toMatch(/load: --report belongs to experiment and swarm/);
    expect(refused(['load', 'a.json', '--seed', '1.5'])).toMatch(/--seed: expected a whole number/);
  });

  it('leaves the other commands as they were: load flags are refused by name', () => {
    expect(refused(['experiment', 'x.json', '--sim'])).toMatch(/experiment: --sim belongs to load/);
    expect(refused(['swarm', 'x.json', '--summary-export', 'o.json'])).toMatch(/swarm: --summary-export belongs to load/);
    expect(parseCli(['experiment', 'x.json', '--seed', '3'])).toEqual({ command: 'experiment', file: 'x.json', seed: 3, quiet: false });
  });
});
