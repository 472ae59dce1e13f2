// Set-up shared by `npm start`, `npm test` and `npm run bench`: everything a fresh
// clone needs, installed or built only when missing or stale. Node built-ins only,
// because this runs before `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function must(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} exited with ${status}`);
    process.exit(status);
  }
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/**
 * Install from the committed lockfile when node_modules is missing or older than it.
 * `npm ci`, never `npm install`: a clean machine gets exactly what was tested (the
 * lockfile carries every platform's optional packages, so ci accepts it anywhere).
 */
export function ensureDependencies() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (mtime(installed) >= mtime(lock) && mtime(installed) >= mtime(join(root, 'package.json'))) return;
  console.log('› installing dependencies (npm ci)');
  must('npm', ['ci', '--no-audit', '--no-fund']);
}

/** The agents build is incremental: it skips agents whose sources did not change. */
export function ensureAgents() {
  console.log('› building agents');
  must('node', ['agents/build.mjs']);
}

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Playwright cannot download browsers on these machines; use Debian's chromium.
 * Root on Debian installs it; anyone else gets told exactly what to do.
 */
export function ensureBrowser() {
  if (existsSync(DEBIAN_CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('› installing Debian chromium for the end-to-end tests');
    must('apt-get', ['update', '-qq']);
    must('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return;
  }
  if (playwrightHasOwnChromium()) return;
  console.error(
    [
      '✗ No Chromium for the end-to-end tests.',
      hasApt
        ? '  Install it with:  sudo apt-get install -y chromium'
        : "  Install Playwright's browser with:  npx playwright install chromium",
      '  then run npm test again.',
    ].join('\n'),
  );
  process.exit(1);
}

function playwrightHasOwnChromium() {
  const result = spawnSync('node', ['-e', "const {chromium}=require('@playwright/test');process.stdout.write(chromium.executablePath())"], {
    cwd: root,
    encoding: 'utf8',
  });
  return result.status === 0 && existsSync(result.stdout.trim());
}
