// Import rules for src/ (DESIGN §2–3): imports point one way,
//   protocol ← kernel ← (wasm, hosts, experiments) ← workspace ← (browser, cli) ← app,
// and nothing imports in a circle — type-only imports included (tsPreCompilationDeps).
// Test files are held to the same rules as the code they test.
// Run: `npm run check:deps` (part of `npm test`).

/** Rank of each top-level folder of src/; a folder may import only from lower ranks (and itself). */
const RANK = { protocol: 0, kernel: 1, wasm: 2, hosts: 2, experiments: 2, workspace: 3, browser: 4, cli: 4, app: 5 };
/** Same-rank folders that may use each other, one way. */
const PEERS = { hosts: ['wasm'], experiments: ['hosts', 'wasm'] };
/** Explicit exceptions to "lower ranks only" (a higher rank that is still forbidden). */
const NEVER = {
  // The CLI is a Node program: it must not reach into the page.
  cli: ['app', 'browser'],
  // The UI must not depend on the Node command (its modules use node: APIs).
  app: ['cli'],
};

const layers = Object.keys(RANK);

function forbiddenTargets(layer) {
  const peers = PEERS[layer] ?? [];
  const above = layers.filter((other) => other !== layer && RANK[other] >= RANK[layer] && !peers.includes(other));
  return [...new Set([...above, ...(NEVER[layer] ?? [])])];
}

const layerRules = layers
  .map((layer) => ({ layer, targets: forbiddenTargets(layer) }))
  .filter(({ targets }) => targets.length > 0)
  .map(({ layer, targets }) => ({
    name: `layer-${layer}`,
    severity: 'error',
    comment: `src/${layer} must not import ${targets.map((t) => `src/${t}`).join(', ')} (imports point one way: DESIGN §2).`,
    from: { path: `^src/${layer}/` },
    to: { path: `^src/(${targets.join('|')})/` },
  }));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles (type-only imports count) tie modules together: break the cycle by moving the shared part down a layer.',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing: a typo, or a file that was moved.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'src-not-to-outside',
      severity: 'error',
      comment: 'Application code must not import tests, benches or scripts.',
      from: { path: '^src/' },
      to: { path: '^(e2e|bench|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Vite asset/worker suffixes (`x?worker`, `x?url`) resolve at build time, not here.
    exclude: { path: '\\?(worker|url|raw|inline)$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
