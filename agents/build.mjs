// Builds the built-in agents into public/agents/: AssemblyScript agents (agents/builtin)
// and JavaScript agents on QuickJS (agents/js). Skips an agent whose inputs are unchanged.
// Usage: node agents/build.mjs [--force]
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renameExports } from './lib/wasm-exports.mjs';
import { caseTablesSource } from './lib/case-tables.mjs';

const AGENTS = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(AGENTS);
const OUT = join(ROOT, 'public/agents');
const WORK = join(AGENTS, 'build');
const WIT = join(ROOT, 'wit/agent.wit');
const FORCE = process.argv.includes('--force');
const CASE_TABLES = join(WORK, 'generated/case-tables.ts');

/** The catalogue: order is the order of the manifest. */
const CATALOGUE = [
  {
    kind: 'echo',
    label: 'Echo agent',
    role: 'core',
    language: 'assemblyscript',
    description: 'Answers request, query-if and query-ref with an inform carrying the same content; accepts answers silently.',
  },
  {
    kind: 'counter',
    label: 'Counter agent',
    role: 'core',
    language: 'assemblyscript',
    description: 'Keeps a durable count: increment, get, reset.',
  },
  {
    kind: 'text',
    label: 'Text agent',
    role: 'core',
    language: 'assemblyscript',
    description: 'Uppercase, lowercase, reverse or measure a string, exactly as JavaScript does.',
  },
  {
    kind: 'sequence',
    label: 'Sequence agent',
    role: 'core',
    language: 'assemblyscript',
    description: 'Records sequence numbers and verifies they arrived in order without gaps.',
  },
  {
    kind: 'crasher',
    label: 'Crasher agent',
    role: 'core',
    language: 'assemblyscript',
    description: 'Traps on request; for testing crashes and supervision.',
  },
  {
    kind: 'spinner',
    label: 'Spinner agent',
    role: 'core',
    language: 'assemblyscript',
    description: 'Spins forever or grows its memory on request; for testing CPU and memory caps.',
  },
  {
    kind: 'greeter',
    label: 'Greeter agent (JS)',
    role: 'core',
    language: 'javascript',
    description: 'Greets by name; written in plain JavaScript, run on QuickJS.',
  },
  // Role agents of the pattern gallery (agents/patterns/*.json). Not on a hot path, so
  // optimized for size, which compiles several times faster than -O3 (see PATTERN_FLAGS).
  {
    kind: 'requester',
    label: 'Requester agent',
    role: 'pattern',
    language: 'assemblyscript',
    description:
      'Starts one request, query or burst of one-way messages to an agent when asked, and reports the outcome (a timeout after its deadline).',
  },
  {
    kind: 'service',
    label: 'Service agent',
    role: 'pattern',
    language: 'assemblyscript',
    description: 'A calculator speaking FIPA-request: agree, then inform with the result (or failure).',
  },
  {
    kind: 'kv-store',
    label: 'Key-value store agent',
    role: 'pattern',
    language: 'assemblyscript',
    description: 'Answers query-ref and query-if about keys, stores values on request; seeded from config.',
  },
  {
    kind: 'sink',
    label: 'Sink agent',
    role: 'pattern',
    language: 'assemblyscript',
    description: 'Collects informs and reports them once the expected number has arrived.',
  },
  {
    kind: 'stage',
    label: 'Stage agent',
    role: 'pattern',
    language: 'assemblyscript',
    description: 'One pipeline step: transforms the value it receives and passes it on to the next agent.',
  },
  {
    kind: 'cnet-manager',
    label: 'Contract-net manager agent',
    role: 'pattern',
    language: 'assemblyscript',
    description:
      'Calls for proposals with a deadline, awards the task to the best bid it has by then, rejects the rest and reports the result.',
  },
  {
    kind: 'bidder',
    label: 'Bidder agent',
    role: 'pattern',
    language: 'assemblyscript',
    description: 'Bids in a contract net (its price) or an English auction (up to its private limit); performs what it wins.',
  },
  {
    kind: 'auctioneer',
    label: 'Auctioneer agent',
    role: 'pattern',
    language: 'assemblyscript',
    description: 'Runs an English auction in rounds of cfp and propose with a deadline each, raising the price until one bidder is left.',
  },
  {
    kind: 'publisher',
    label: 'Publisher agent',
    role: 'pattern',
    language: 'assemblyscript',
    description: 'Accepts subscriptions, publishes its events on a topic and reports deliveries when subscribers cancel.',
  },
  {
    kind: 'subscriber',
    label: 'Subscriber agent',
    role: 'pattern',
    language: 'assemblyscript',
    description: 'Subscribes to a publisher, collects the events from the topic, then cancels.',
  },
  {
    kind: 'blackboard',
    label: 'Blackboard agent',
    role: 'pattern',
    language: 'assemblyscript',
    description: 'Holds the entries of a problem, notifies subscribed knowledge sources and reports when the goal entry appears.',
  },
  {
    kind: 'knowledge-source',
    label: 'Knowledge source agent',
    role: 'pattern',
    language: 'assemblyscript',
    description: 'Subscribes to one blackboard entry and contributes a transformed entry back.',
  },
  {
    kind: 'gatherer',
    label: 'Scatter-gather agent',
    role: 'pattern',
    language: 'assemblyscript',
    description:
      'Sends one query to many agents, gathers the answers that come by the deadline and reports them with the best and who was missing.',
  },
  {
    kind: 'saga-coordinator',
    label: 'Saga coordinator agent',
    role: 'pattern',
    language: 'assemblyscript',
    description: 'Runs steps in order; when one fails or stays silent past the deadline, compensates the completed steps in reverse order.',
  },
  {
    kind: 'saga-step',
    label: 'Saga step agent',
    role: 'pattern',
    language: 'assemblyscript',
    description: 'Performs or compensates a local transaction; configured to fail for the compensation path.',
  },
];

const GUEST = 'workbench:agent/guest@0.1.0';
const EXPORT_NAMES = {
  guest_init: `${GUEST}#init`,
  guest_handle: `${GUEST}#handle`,
  guest_init_post: `cabi_post_${GUEST}#init`,
  guest_handle_post: `cabi_post_${GUEST}#handle`,
};

// minimal runtime: the SDK collects garbage in post-return, when no Wasm frame is live.
const ASC_FLAGS = ['--runtime', 'minimal', '--noAssert', '--use', 'abort=agents/sdk/abi/abortTrap'];
// Binaryen's optimizer is most of the build time: -O3 takes ~4x as long as -Os per agent.
// Core agents are on the hot paths (bench, load tests): -O3. Pattern agents: -Os.
const OPT_FLAGS = { core: ['-O3'], pattern: ['-Os'] };

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

async function filesUnder(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out.sort();
}

async function exists(p) {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * An agent's file plus its helpers: `builtin/<kind>-*.ts` and every file under builtin/
 * it imports, transitively (e.g. `./common/pattern`), so a helper's change rebuilds exactly
 * the agents that use it. The SDK is hashed for every agent anyway.
 */
async function agentSources(kind) {
  const builtin = join(AGENTS, 'builtin');
  const names = await readdir(builtin);
  const seen = new Set(
    names.filter((n) => n === `${kind}.ts` || (n.startsWith(`${kind}-`) && n.endsWith('.ts'))).map((n) => join(builtin, n)),
  );
  const todo = [...seen];
  while (todo.length > 0) {
    const file = todo.pop();
    const src = await readFile(file, 'utf8');
    for (const m of src.matchAll(/\bfrom\s+["'](\.{1,2}\/[^"']+)["']/g)) {
      const dep = join(dirname(file), `${m[1]}.ts`);
      if (!dep.startsWith(`${builtin}/`) || seen.has(dep) || !(await exists(dep))) continue;
      seen.add(dep);
      todo.push(dep);
    }
  }
  return [...seen].sort();
}

async function inputsHash(files, extra) {
  const h = createHash('sha256');
  for (const f of files)
    h.update(relative(ROOT, f))
      .update('\0')
      .update(await readFile(f))
      .update('\0');
  h.update(extra);
  return h.digest('hex');
}

function entrySource(kind, hasInit) {
  const init = hasInit
    ? 'const c = readConfig(ptr, len);\n  if (c === null) return invalidConfig();\n  return finish(agent.init(c));'
    : 'const c = readConfig(ptr, len);\n  if (c === null) return invalidConfig();\n  return returnOk();';
  return `// Generated by agents/build.mjs: the component ABI around agents/builtin/${kind}.ts.
import * as agent from "../../builtin/${kind}";
import { readMessage, readConfig, finish, invalidMessage, invalidConfig, postReturn, returnOk } from "../../sdk/entry";
export { cabi_realloc } from "../../sdk/entry";

export function guest_init(ptr: usize, len: usize): usize {
  ${init}
}
export function guest_handle(ptr: usize, len: usize): usize {
  const m = readMessage(ptr, len);
  if (m === null) return invalidMessage();
  return finish(agent.handle(m));
}
export function guest_init_post(ret: usize): void { postReturn(); }
export function guest_handle_post(ret: usize): void { postReturn(); }
`;
}

/** The case tables depend on the Unicode version of this Node; regenerate when it changes. */
async function writeCaseTables() {
  const marker = `Unicode ${process.versions.unicode} (Node ${process.version})`;
  if ((await exists(CASE_TABLES)) && (await readFile(CASE_TABLES, 'utf8')).includes(marker)) return;
  await mkdir(dirname(CASE_TABLES), { recursive: true });
  await writeFile(CASE_TABLES, caseTablesSource());
}

let ascModule;
let wasmTools;

async function buildAssemblyScript(kind, role) {
  ascModule ??= (await import('assemblyscript/asc')).default;
  wasmTools ??= await import('@bytecodealliance/jco-transpile/wasm-tools');
  const src = await readFile(join(AGENTS, 'builtin', `${kind}.ts`), 'utf8');
  const dir = join(WORK, kind);
  await mkdir(dir, { recursive: true });
  const entry = join(dir, 'entry.ts');
  await writeFile(entry, entrySource(kind, /export\s+function\s+init\s*\(/.test(src)));
  const rawCore = join(dir, 'raw.wasm');
  const stderr = [];
  const { error } = await ascModule.main(
    [relative(ROOT, entry), '--outFile', relative(ROOT, rawCore), ...ASC_FLAGS, ...(OPT_FLAGS[role] ?? OPT_FLAGS.core)],
    { stdout: { write() {} }, stderr: { write: (s) => stderr.push(String(s)) }, baseDir: ROOT },
  );
  if (error) throw new Error(`asc failed for ${kind}:\n${stderr.join('')}`);
  const core = renameExports(await readFile(rawCore), EXPORT_NAMES);
  await writeFile(join(dir, `${kind}.core.wasm`), core);
  if (kind === 'echo') {
    await mkdir(join(OUT, 'core'), { recursive: true });
    await writeFile(join(OUT, 'core/echo.core.wasm'), core);
  }
  const embedded = await wasmTools.componentEmbed({ binary: core, witPath: WIT, world: 'agent', stringEncoding: 'utf8' });
  return wasmTools.componentNew(embedded);
}

async function buildJavaScript(kind) {
  const { componentize } = await import('componentize-qjs');
  const jsPath = join(AGENTS, 'js', `${kind}.js`);
  // QuickJS needs absolute paths; sync runtime, WASI stubbed so only workbench imports remain.
  const { component } = await componentize({
    witPath: WIT,
    jsSource: await readFile(jsPath, 'utf8'),
    jsPath,
    world: 'agent',
    sync: true,
    stubWasi: true,
  });
  return new Uint8Array(component);
}

async function main() {
  const started = performance.now();
  await mkdir(OUT, { recursive: true });
  await mkdir(WORK, { recursive: true });
  const pkg = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8'));
  const toolVersions = ['assemblyscript', '@bytecodealliance/jco-transpile', 'componentize-qjs']
    .map((n) => `${n}@${pkg.packages?.[`node_modules/${n}`]?.version}`)
    .join(',');
  await writeCaseTables();
  const shared = [
    CASE_TABLES,
    WIT,
    join(AGENTS, 'lib/wasm-exports.mjs'),
    join(AGENTS, 'lib/case-tables.mjs'),
    ...(await filesUnder(join(AGENTS, 'sdk'))),
  ];
  const manifest = [];
  for (const entry of CATALOGUE) {
    const t0 = performance.now();
    const isJs = entry.language === 'javascript';
    const sources = isJs ? [join(AGENTS, 'js', `${entry.kind}.js`)] : await agentSources(entry.kind);
    // The recipe, not all of build.mjs: editing the catalogue must not rebuild every agent.
    const recipe = isJs
      ? buildJavaScript.toString()
      : [buildAssemblyScript, entrySource, agentSources].map(String).join('\n') +
        JSON.stringify([ASC_FLAGS, OPT_FLAGS[entry.role] ?? OPT_FLAGS.core, EXPORT_NAMES]);
    const hash = await inputsHash(isJs ? [WIT, ...sources] : [...shared, ...sources], toolVersions + recipe);
    const file = `${entry.kind}.wasm`;
    const outFile = join(OUT, file);
    const stampFile = join(WORK, `${entry.kind}.inputs`);
    const extraOk = entry.kind !== 'echo' || (await exists(join(OUT, 'core/echo.core.wasm')));
    let bytes;
    let note = 'built';
    if (!FORCE && extraOk && (await exists(outFile)) && (await exists(stampFile)) && (await readFile(stampFile, 'utf8')) === hash) {
      bytes = await readFile(outFile);
      note = 'up to date';
    } else {
      bytes = isJs ? await buildJavaScript(entry.kind) : await buildAssemblyScript(entry.kind, entry.role);
      await writeFile(outFile, bytes);
      await writeFile(stampFile, hash);
    }
    manifest.push({ ...entry, file, hash: sha256(bytes), bytes: bytes.byteLength });
    const ms = (performance.now() - t0).toFixed(0);
    console.log(`${entry.kind.padEnd(16)} ${String(bytes.byteLength).padStart(9)} B  ${note} (${ms} ms)`);
  }
  const ordered = manifest.map(({ kind, label, description, file, hash, bytes, language, role }) => ({
    kind,
    label,
    description,
    file,
    hash,
    bytes,
    language,
    role,
  }));
  await writeFile(join(OUT, 'manifest.json'), `${JSON.stringify(ordered, null, 2)}\n`);
  console.log(`agents: ${manifest.length} in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${relative(ROOT, OUT)}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
