import { describe, expect, it } from 'vitest';
import { refused } from './refusedArgs';
import { parseCli } from './args';
import { EXIT } from './exitCodes';
import { overviewHelp, RUN_VERBS, verbHelp, VERBS } from './help';
import { cli } from './captureCli';

const FILE: Record<(typeof RUN_VERBS)[number], string> = {
  run: 'ws.orrery.json',
  experiment: 'e.json',
  swarm: 'e.json',
  load: 'l.load.json',
  replay: 'r.orrery-rec',
};

describe('the flags every verb that runs something takes', () => {
  it.each(RUN_VERBS)('%s takes --seed, --json, --junit and --quiet', (verb) => {
    const parsed = parseCli([verb, FILE[verb], '--seed', '5', '--json', 'o.json', '--junit', 'o.xml', '--quiet']);
    expect(parsed).toMatchObject({ command: verb, file: FILE[verb], json: 'o.json', junit: 'o.xml', quiet: true });
    // A swarm's --seed is where its seeds start.
    expect(parsed).toMatchObject(verb === 'swarm' ? { from: 5, count: 20 } : { seed: 5 });
  });

  it.each(RUN_VERBS)('%s refuses an empty output path and a seed that is not a whole number', (verb) => {
    expect(refused([verb, FILE[verb], '--json', ''])).toContain('--json: expected a file name, received nothing');
    expect(refused([verb, FILE[verb], '--junit', ''])).toContain('--junit: expected a file name, received nothing');
    expect(refused([verb, FILE[verb], '--seed', '1.5'])).toContain('--seed: expected a whole number');
  });

  it('reads run WORKSPACE and refuses other verbs flags on it by name', () => {
    expect(parseCli(['run', 'ws.orrery.json'])).toEqual({ command: 'run', file: 'ws.orrery.json', quiet: false });
    expect(refused(['run'])).toContain('run: expected a workspace file, received nothing');
    expect(refused(['run', 'a.json', 'b.json'])).toContain('run: expected one file, received also b.json');
    expect(refused(['run', 'ws.json', '--sim'])).toContain('run: --sim belongs to load');
    expect(refused(['swarm', 'e.json', '--seeds', '1..3', '--seed', '2'])).toContain('not both');
  });
});

describe('help, version and mistakes', () => {
  it('lists every verb, the common flags and every exit code, and each verb in full', () => {
    const overview = overviewHelp();
    for (const verb of VERBS) expect(overview).toMatch(new RegExp(`^  ${verb} +\\S`, 'm'));
    expect(overview).toContain('--junit OUT');
    for (const code of [0, 1, 2, 3, 99]) expect(overview).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
    expect(verbHelp('run')).toMatch(/^orrery run <workspace\.orrery\.json>/);
    expect(verbHelp('run')).toContain('Common flags');
    expect(verbHelp('schema')).not.toContain('Common flags');
    expect(parseCli(['help', 'swarm'])).toEqual({ command: 'help', verb: 'swarm' });
    expect(parseCli(['swarm', '--help'])).toEqual({ command: 'help', verb: 'swarm' });
    expect(refused(['help', 'launch'])).toContain('help: unknown verb "launch"');
  });

  it('prints the package version', async () => {
    const { code, text } = await cli('--version');
    expect(code).toBe(EXIT.pass);
    expect(text).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('answers an unknown verb or flag on stderr with the invalid-input code, a pointer to the help and no stack', async () => {
    const verb = await cli('launch', 'x.json');
    expect(verb).toEqual({ code: EXIT.badInput, text: '', err: expect.stringContaining('unknown verb "launch"') as string });
    expect(verb.err).toContain('Run "orrery help" for the verbs.');
    const flag = await cli('experiment', 'x.json', '--sed', '3');
    expect(flag.code).toBe(EXIT.badInput);
    expect(flag.text).toBe('');
    expect(flag.err).toBe(`orrery: Unknown option '--sed'\nRun "orrery help experiment" for its flags.`);
    expect(flag.err).not.toMatch(/\n\s+at /);
  });
});
