/** `npm run bench` options. */
export interface BenchArgs {
  quick: boolean;
  browser: boolean;
  /** Write the run's document here too (besides .cache/bench.json). */
  json?: string;
  /** Compare with this earlier document; non-zero exit on a regression. */
  compare?: string;
  /** With `compare`: compare with this document instead of running the bench. */
  against?: string;
  /** Run only the groups whose figure names contain this (case-insensitive). */
  only?: string;
}

const VALUED = new Set(['--json', '--compare', '--against', '--only']);

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { quick: false, browser: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--quick') args.quick = true;
    else if (flag === '--no-browser') args.browser = false;
    else if (VALUED.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new Error(`${flag} needs a value`);
      args[flag.slice(2) as 'json' | 'compare' | 'against' | 'only'] = value;
    } else
      throw new Error(
        `unknown option ${arg} (known: --quick, --no-browser, --json FILE, --compare OLD.json, --against NEW.json, --only TEXT)`,
      );
  }
  if (args.against !== undefined && args.compare === undefined) throw new Error('--against NEW.json needs --compare OLD.json');
  return args;
}
