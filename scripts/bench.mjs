// `npm run bench [-- --quick] [-- --no-browser] [-- --only TEXT] [-- --json FILE] [-- --compare OLD.json [--against NEW.json]]`:
// set up like `npm test`, then print the figures table (Node figures, then browser figures
// measured in Chromium); see bench/run.ts. --expose-gc lets the heap figure sample heapUsed
// after a full collection rather than whenever V8 last ran one. `--compare A --against B`
// only reads two files, so it needs no set-up.
import { ensureAgents, ensureBrowser, ensureDependencies, run } from './setup.mjs';

const args = process.argv.slice(2);
const offline = args.includes('--against') || args.some((a) => a.startsWith('--against='));
ensureDependencies();
if (!offline) {
  ensureAgents();
  if (!args.includes('--no-browser')) ensureBrowser();
}
// Not `must`: exit 1 is how `--compare` reports a regression, and it says so itself.
// One Node process with tsx as its loader, not `npx tsx`: npx and tsx's CLI would stay alive as
// two more Node processes, which took CPU in the first seconds of a run (docs/data-path.md,
// "Where the p99 goes").
process.exit(run(process.execPath, ['--import', 'tsx', '--expose-gc', 'bench/run.ts', ...args]));
