// Architecture lint (DESIGN §2, STYLE "upward imports"):
// 1. imports point one way: protocol ← kernel ← (hosts, wasm, experiments) ← workspace ← app; cli uses all but app;
// 2. the kernel stays pure (no wall clock, ambient randomness, timers, workers or DOM),
//    so a run is a pure function of its inputs and replays byte for byte.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';
import { root } from './setup.mjs';

const LAYER = { protocol: 0, kernel: 1, hosts: 2, wasm: 2, experiments: 2, workspace: 3, cli: 4, app: 4 };
/** Same-rank layers that may use each other. */
const PEERS = { hosts: ['wasm'], experiments: ['hosts', 'wasm'] };
const MAY_NOT = { cli: ['app'], app: ['cli'] };

const IMPURE = [
  [/\bDate\.now\b|\bnew Date\(/, 'wall clock (inject a Clock)'],
  [/\bMath\.random\b/, 'ambient randomness (inject an Rng)'],
  [/\bcrypto\.(randomUUID|getRandomValues)\b/, 'ambient randomness (inject an Rng)'],
  [/\b(setTimeout|setInterval|setImmediate|queueMicrotask|requestAnimationFrame)\s*\(/, 'timers (emit a timer effect)'],
  [/\bnew (Shared)?Worker\b|worker_threads/, 'workers (hosts run agents)'],
  [/\b(document|window|navigator|localStorage|indexedDB)\./, 'the DOM (the kernel runs in Node too)'],
  [/\bperformance\.now\b/, 'wall clock (inject a Clock)'],
];

const src = join(root, 'src');
const problems = [];
for (const file of walk(src)) {
  const layer = layerOf(file);
  if (!layer) continue;
  const isTest = /\.(int\.)?test\.tsx?$/.test(file);
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, index) => {
    const where = `${relative(root, file)}:${index + 1}`;
    const code = line.replace(/\/\/.*$/, '');
    if (layer === 'kernel' && !isTest) {
      for (const [pattern, why] of IMPURE) if (pattern.test(code)) problems.push(`${where}: kernel must be pure: ${why}\n    ${line.trim()}`);
    }
    for (const match of code.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.[^'"]+)['"]/g)) {
      const target = layerOf(resolve(dirname(file), match[1]));
      if (!target || target === layer) continue;
      const upward = LAYER[target] > LAYER[layer] || (LAYER[target] === LAYER[layer] && !(PEERS[layer] ?? []).includes(target));
      if (upward || (MAY_NOT[layer] ?? []).includes(target)) problems.push(`${where}: ${layer} must not import ${target}\n    ${line.trim()}`);
    }
  });
}
if (problems.length) {
  console.error(`✗ architecture:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('✓ imports point one way and src/kernel is pure');

function layerOf(path) {
  const rel = relative(src, path);
  if (rel.startsWith('..')) return undefined;
  const top = rel.split(sep)[0];
  return top in LAYER ? top : undefined;
}

function* walk(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.tsx?$/.test(name)) yield path;
  }
}
