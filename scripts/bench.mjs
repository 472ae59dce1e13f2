// `npm run bench [-- --quick] [-- --no-browser]`: set up like `npm test`, then print the
// figures table (Node figures, then browser figures measured in Chromium).
import { ensureAgents, ensureBrowser, ensureDependencies, must } from './setup.mjs';

ensureDependencies();
ensureAgents();
if (!process.argv.includes('--no-browser')) ensureBrowser();
must('npx', ['tsx', 'bench/run.ts', ...process.argv.slice(2)]);
