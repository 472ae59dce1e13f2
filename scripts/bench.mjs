// `npm run bench [-- --quick]`: set up like `npm test`, then print the figures table.
import { ensureAgents, ensureDependencies, must } from './setup.mjs';

ensureDependencies();
ensureAgents();
must('npx', ['tsx', 'bench/run.ts', ...process.argv.slice(2)]);
