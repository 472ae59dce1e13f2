// Builds the `orrery` command (src/cli) into plain JavaScript: dist-cli/orrery.mjs (the
// package's `bin`, with a `#!/usr/bin/env node` line) and dist-cli/agentWorker.node.js (the
// Node agent worker a live load run starts). Packages stay imports (they are `dependencies`);
// our own code is bundled. `node scripts/build-cli.mjs` builds; `--if-stale` builds only when
// an input changed since the last build (npm test, npm start). Node built-ins and esbuild only.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_DIR = join(root, 'dist-cli');
export const CLI_BIN = join(CLI_DIR, 'orrery.mjs');
const META = join(CLI_DIR, 'inputs.json');

// The built bin sits one folder below the root, not three like src/hosts/node/: the agents
// folder it reads by default is found from there.
const AGENTS_DIR_SOURCE = "new URL('../../../public/agents', import.meta.url)";
const AGENTS_DIR_BUILT = "new URL('../public/agents', import.meta.url)";

const relocateAgentsDir = {
  name: 'orrery-agents-dir',
  setup(build) {
    build.onLoad({ filter: /nodeAgentAssets\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(AGENTS_DIR_SOURCE))
        return { errors: [{ text: `${args.path}: expected ${AGENTS_DIR_SOURCE} (update scripts/build-cli.mjs)` }] };
      return { contents: source.replace(AGENTS_DIR_SOURCE, AGENTS_DIR_BUILT), loader: 'ts' };
    });
  },
};

/** True when a build is missing or any file it was built from changed since. */
export function cliIsStale() {
  if (!existsSync(CLI_BIN) || !existsSync(META)) return true;
  const built = statSync(CLI_BIN).mtimeMs;
  const inputs = JSON.parse(readFileSync(META, 'utf8'));
  return inputs.some((file) => !existsSync(join(root, file)) || statSync(join(root, file)).mtimeMs > built);
}

export async function buildCli() {
  const { build } = await import('esbuild');
  // Chunk names carry a hash: without a clean folder every build would leave the last one's behind.
  rmSync(CLI_DIR, { recursive: true, force: true });
  const common = {
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    metafile: true,
    absWorkingDir: root,
  };
  const cli = await build({
    ...common,
    entryPoints: { orrery: 'src/cli/bin.ts' },
    outdir: CLI_DIR,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    // Chunks beside the bin: modules that find files from import.meta.url (the agents folder, the worker) sit one level below the root.
    chunkNames: '[name]-[hash]',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [relocateAgentsDir],
  });
  // Looked for next to the bundle by src/hosts/node/spawnNodeAgentWorker.ts (else it is bundled at run time).
  const worker = await build({
    ...common,
    entryPoints: ['src/hosts/node/agentWorker.node.ts'],
    outfile: join(CLI_DIR, 'agentWorker.node.js'),
  });
  chmodSync(CLI_BIN, 0o755);
  const inputs = [...new Set([...Object.keys(cli.metafile.inputs), ...Object.keys(worker.metafile.inputs)])];
  writeFileSync(META, `${JSON.stringify([...inputs, 'package.json', 'scripts/build-cli.mjs'].sort(), null, 1)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--if-stale') && !cliIsStale()) process.exit(0);
  await buildCli();
  console.log(`› built the orrery command: ${CLI_BIN}`);
}
