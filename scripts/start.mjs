// `npm start`: install what is missing, build the agents, serve the workbench.
import { ensureAgents, ensureDependencies, must } from './setup.mjs';

ensureDependencies();
ensureAgents();
must('node', ['scripts/build-cli.mjs', '--if-stale']); // `npx orrery` beside the workbench
console.log('› starting the workbench on http://127.0.0.1:5173 (cross-origin isolated)');
must('npx', ['vite', '--host', '127.0.0.1', '--port', '5173', ...(canOpenBrowser() ? ['--open'] : [])]);

function canOpenBrowser() {
  return !process.env.CI && (process.platform === 'darwin' || process.platform === 'win32' || Boolean(process.env.DISPLAY));
}
