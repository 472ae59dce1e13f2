/** `replay --stand-in` and `orrery shrink` on the command line (parsing only). */
import { refused } from './refusedArgs';
import { describe, expect, it } from 'vitest';
import { parseCli } from './args';
import { overviewHelp, verbHelp } from './help';

describe('replay --stand-in', () => {
  it('takes AGENT or AGENT=MODE, repeatable, replay mode by default', () => {
    expect(
      parseCli(['replay', 'r.orrery-rec', '--stand-in', 'echo', '--stand-in', 'db=passthrough', '--stand-in', 'kv=record-if-missing']),
    ).toEqual({
      command: 'replay',
      file: 'r.orrery-rec',
      standIns: [
        { agent: 'echo', mode: 'replay' },
        { agent: 'db', mode: 'passthrough' },
        { agent: 'kv', mode: 'record-if-missing' },
      ],
      quiet: false,
    });
    expect(parseCli(['replay', 'r.orrery-rec'])).not.toHaveProperty('standIns');
  });

  it('refuses an unknown mode, no agent, an agent named twice, and --stand-in on other verbs', () => {
    expect(refused(['replay', 'r', '--stand-in', 'echo=record'])).toBe(
      '--stand-in echo: expected a mode of replay, passthrough, record-if-missing, received "record"',
    );
    expect(refused(['replay', 'r', '--stand-in', '=replay'])).toBe('--stand-in: expected AGENT[=MODE], received "=replay"');
    expect(refused(['replay', 'r', '--stand-in', ''])).toBe('--stand-in: expected AGENT[=MODE], received ""');
    expect(refused(['replay', 'r', '--stand-in', 'echo', '--stand-in', 'echo=passthrough'])).toBe('--stand-in: echo is named twice');
    expect(refused(['experiment', 'e.json', '--stand-in', 'echo'])).toBe('experiment: --stand-in belongs to replay');
  });
});

describe('orrery shrink', () => {
  it('reads a recording, --out, --json and --quiet', () => {
    expect(parseCli(['shrink', 'r.orrery-rec', '--out', 'min.orrery-rec', '--json', 's.json', '-q'])).toEqual({
      command: 'shrink',
      file: 'r.orrery-rec',
      out: 'min.orrery-rec',
      json: 's.json',
      quiet: true,
    });
    expect(parseCli(['shrink', 'r.orrery-rec'])).toEqual({ command: 'shrink', file: 'r.orrery-rec', quiet: false });
  });

  it('refuses no file, two files, an empty --out and flags it does not take', () => {
    expect(refused(['shrink'])).toBe('shrink: expected a recording file (.orrery-rec), received nothing');
    expect(refused(['shrink', 'a', 'b'])).toBe('shrink: expected one recording file, received also b');
    expect(refused(['shrink', 'a', '--out', ''])).toBe('--out: expected a file name, received nothing');
    expect(refused(['shrink', 'a', '--seed', '3'])).toMatch(/^shrink: --seed /);
    expect(refused(['shrink', 'a', '--junit', 'x.xml'])).toMatch(/^shrink: --junit /);
    expect(refused(['replay', 'a', '--out', 'x'])).toBe('replay: --out belongs to shrink');
  });

  it('is in the verb list and has its help', () => {
    expect(overviewHelp()).toMatch(/\n {2}shrink +shrink a failing chaos recording/);
    expect(verbHelp('shrink')).toContain('orrery shrink <rec.orrery-rec> [--out min.orrery-rec] [--json OUT] [--quiet]');
    expect(verbHelp('shrink')).toContain('orrery experiment FILE --record REC');
    expect(verbHelp('replay')).toContain('--stand-in AGENT[=MODE]');
  });
});
