// `npm run bench [-- --quick] [-- --no-browser]`: set up like `npm test`, then print the
// figures table (Node figures, then browser figures measured in Chromium). --expose-gc lets
// the heap figure sample heapUsed after a full collection rather than whenever V8 last ran one.
import { ensureAgents, ensureBrowser, ensureDependencies, must } from './setup.mjs';

ensureDependencies();
ensureAgents();
if (!process.argv.includes('--no-browser')) ensureBrowser();
must('npx', ['tsx', '--expose-gc', 'bench/run.ts', ...process.argv.slice(2)]);
