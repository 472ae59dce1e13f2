import { describe, expect, it } from 'vitest';
import { refused } from './refusedArgs';
import { parseCli, USAGE } from './args';
import { EXIT_CODES_HELP } from './exitCodes';

describe('orrery replay and --record arguments', () => {
  it('reads a recording and every replay flag', () => {
    expect(
      parseCli(['replay', 'a.orrery-rec', '--against', 'ws.json', '--rules', 'r.json', '--json', 'o.json', '--junit', 'o.xml', '-q']),
    ).toEqual({
      command: 'replay',
      file: 'a.orrery-rec',
      against: 'ws.json',
      rules: 'r.json',
      json: 'o.json',
      junit: 'o.xml',
      quiet: true,
    });
    expect(parseCli(['replay', 'a.orrery-rec'])).toEqual({ command: 'replay', file: 'a.orrery-rec', quiet: false });
  });

  it('refuses a replay without a file, with two, or with flags of other commands', () => {
    expect(refused(['replay'])).toContain('replay: expected a recording file (.orrery-rec), received nothing');
    expect(refused(['replay', 'a', 'b'])).toContain('expected one recording file, received also b');
    expect(refused(['replay', 'a', '--seeds', '1..3'])).toContain('replay: --seeds belongs to swarm');
    expect(refused(['replay', 'a', '--record', 'x'])).toContain('replay: --record belongs to experiment and load');
    expect(refused(['replay', 'a', '--junit', ''])).toContain('--junit: expected a file name');
  });

  it('takes --record on experiment and load --sim, and nowhere else', () => {
    expect(parseCli(['experiment', 'e.json', '--record', 'r.orrery-rec'])).toEqual({
      command: 'experiment',
      file: 'e.json',
      record: 'r.orrery-rec',
      quiet: false,
    });
    expect(parseCli(['load', 'l.json', '--sim', '--record', 'r.orrery-rec'])).toMatchObject({
      command: 'load',
      sim: true,
      record: 'r.orrery-rec',
    });
    expect(refused(['load', 'l.json', '--record', 'r.orrery-rec'])).toContain('--record: applies only with --sim');
    expect(refused(['swarm', 'e.json', '--record', 'r'])).toContain('swarm: --record belongs to experiment and load');
    expect(refused(['experiment', 'e.json', '--record', ''])).toContain('--record: expected a file name');
  });

  it('refuses replay flags on other commands by name', () => {
    expect(refused(['experiment', 'e.json', '--rules', 'r.json'])).toContain('experiment: --rules belongs to replay');
    expect(refused(['load', 'l.json', '--against', 'ws.json'])).toContain('load: --against belongs to replay');
  });

  it('takes --seed on replay (the simulation seed instead of the recorded one)', () => {
    expect(parseCli(['replay', 'a.orrery-rec', '--seed', '7'])).toEqual({ command: 'replay', file: 'a.orrery-rec', seed: 7, quiet: false });
  });

  it('documents replay, --record and the exit codes in the help', () => {
    expect(USAGE).toContain('orrery replay <rec.orrery-rec> [--against workspace.orrery.json]');
    expect(USAGE).toContain('[--record out.orrery-rec]');
    expect(USAGE).toContain(EXIT_CODES_HELP);
    expect(EXIT_CODES_HELP).toMatch(/1 {2}check failed: [^\n]*replay: a\s+divergence/);
    expect(refused(['nope'])).toContain(
      'unknown verb "nope": expected run, experiment, swarm, load, replay, shrink, contract, can-deploy, compare, schema, help',
    );
  });
});
