/**
 * `orrery`: the headless runner. Experiments run in the deterministic simulation with
 * the real built-in WebAssembly agents, so a CI failure reproduces from its seed. Every
 * mistake a person can make ends in a message on stderr and exit 2; anything else is an
 * internal error: one line on stderr and exit 3, never a stack trace.
 */
import { EXPERIMENT_JSON_SCHEMA } from '../experiments/chaos/experimentSchema';
import { parseCli } from './args';
import { compareCommand, experimentCommand, swarmCommand, type CliIo } from './commands';
import { canDeployCommand } from './canDeployCommand';
import { contractCommand } from './contractCommand';
import { EXIT, InputError, type ExitCode } from './exitCodes';
import { isVerb, overviewHelp, verbHelp } from './help';
import { loadCommand } from './loadCommand';
import { replayCommand } from './replayCommand';
import { runCommand } from './runCommand';
import { shrinkCommand } from './shrinkCommand';
import { packageVersion } from './version';

export { EXIT };
export type { CliIo };

export const consoleIo: CliIo = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
  progress: {
    tty: process.stderr.isTTY === true,
    write: (text) => void process.stderr.write(text),
    now: () => performance.now(),
    ...(process.stderr.isTTY && process.stderr.columns ? { columns: process.stderr.columns } : {}),
  },
  onInterrupt(listener) {
    process.on('SIGINT', listener);
    return () => void process.off('SIGINT', listener);
  },
};

/** One line, no stack: what an internal error shows. */
export function internalMessage(e: unknown): string {
  const text = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return `orrery: internal error: ${text.split('\n')[0]!.slice(0, 300)} (please report it)`;
}

/** After an argument mistake: where the verb's flags are listed (not the whole manual). */
function usageHint(argv: readonly string[]): string {
  const verb = argv.find((a) => !a.startsWith('-'));
  return verb && verb !== 'help' && isVerb(verb) ? `Run "orrery help ${verb}" for its flags.` : 'Run "orrery help" for the verbs.';
}

export async function runCli(argv: readonly string[], io: CliIo = consoleIo): Promise<ExitCode> {
  try {
    const cli = parseCli(argv);
    switch (cli.command) {
      case 'help':
        io.out(cli.verb ? verbHelp(cli.verb) : overviewHelp());
        return EXIT.pass;
      case 'version':
        io.out(packageVersion());
        return EXIT.pass;
      case 'run':
        return await runCommand(cli, io);
      case 'contract':
        return await contractCommand(cli, io);
      case 'can-deploy':
        return await canDeployCommand(cli, io);
      case 'experiment':
        return await experimentCommand(cli, io);
      case 'swarm':
        return await swarmCommand(cli, io);
      case 'compare':
        return await compareCommand(cli, io);
      case 'load':
        return await loadCommand(cli, io);
      case 'replay':
        return await replayCommand(cli, io);
      case 'shrink':
        return await shrinkCommand(cli, io);
      case 'schema':
        io.out(JSON.stringify(EXPERIMENT_JSON_SCHEMA, null, 2));
        return EXIT.pass;
    }
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.showUsage ? `${e.message}\n${usageHint(argv)}` : e.message);
      return EXIT.badInput;
    }
    io.err(internalMessage(e));
    return EXIT.internal;
  }
}
