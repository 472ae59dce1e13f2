/**
 * Validate a component against the `workbench:agent` world and transpile it with jco's
 * js-component-bindgen (the same wasm-in-JS build runs in Node and in a browser worker).
 * The result is plain data (JS source + core module bytes) that can be posted to workers.
 */
import { AGENT_WORLD, GUEST_FUNCTIONS, GUEST_INTERFACE, HOST_FUNCTIONS, HOST_INTERFACE } from './agentWorld';
import { ComponentValidationError } from './componentError';
import { hashBytes } from './hashBytes';
import { describeBytes, sniffWasm } from './wasmBinary';

export const DEFAULT_MAX_COMPONENT_BYTES = 32 * 1024 * 1024;
/** Name given to jco: files come out as `agent.js`, `agent.core.wasm`, ... */
const GLUE_NAME = 'agent';

export interface CoreModuleFile {
  name: string;
  bytes: Uint8Array;
}

export interface CompiledComponent {
  /** SHA-256 of the component bytes, hex. */
  hash: string;
  bytes: number;
  /** jco's generated ES module (async instantiation, no Node compat, no imports). */
  js: string;
  coreModules: CoreModuleFile[];
  /** Host functions the component imports (a subset of HOST_FUNCTIONS). */
  hostFunctions: string[];
}

export interface CompileOptions {
  maxBytes?: number;
}

type Bindgen = typeof import('@bytecodealliance/jco-transpile/component');
let bindgen: Promise<Bindgen> | undefined;

/** jco's bindgen is a ~3.5 MB wasm component itself: load it once, on first use. */
function loadBindgen(): Promise<Bindgen> {
  bindgen ??= import('@bytecodealliance/jco-transpile/component').then(async (m) => {
    await m.$init;
    return m;
  });
  return bindgen;
}

/** Checks that need no parsing: size and file kind. */
export function checkComponentBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_COMPONENT_BYTES): void {
  if (bytes.length === 0) {
    throw new ComponentValidationError({
      code: 'wasm-empty',
      summary: 'The file is empty',
      expected: 'a WebAssembly component',
      received: '0 bytes',
    });
  }
  if (bytes.length > maxBytes) {
    throw new ComponentValidationError({
      code: 'wasm-too-large',
      summary: 'The component is too large',
      expected: `at most ${formatBytes(maxBytes)}`,
      received: formatBytes(bytes.length),
    });
  }
  if (sniffWasm(bytes) === 'core-module') {
    throw new ComponentValidationError({
      code: 'wasm-core-module',
      summary: 'This is a core WebAssembly module, not a component',
      expected: `a component (layer 1) of the world ${AGENT_WORLD}`,
      received: 'a core module (version 1, layer 0)',
      hint: 'Wrap it with `jco embed` + `jco new` (componentEmbed + componentNew) against wit/agent.wit.',
    });
  }
}

export async function compileComponent(bytes: Uint8Array, options: CompileOptions = {}): Promise<CompiledComponent> {
  checkComponentBytes(bytes, options.maxBytes);
  const hash = await hashBytes(bytes);
  const { generate } = await loadBindgen();
  let out: ReturnType<Bindgen['generate']>;
  try {
    out = generate(bytes, {
      name: GLUE_NAME,
      instantiation: { tag: 'async' },
      noNodejsCompat: true,
      noTypescript: true,
      map: [],
    });
  } catch (e) {
    throw new ComponentValidationError({
      code: 'wasm-corrupt',
      summary: 'The component could not be decoded',
      expected: 'a valid WebAssembly component',
      received: `${bytes.length} bytes starting with ${describeBytes(bytes)} (${errorText(e)})`,
    });
  }
  const decoder = new TextDecoder();
  let js = '';
  const coreModules: CoreModuleFile[] = [];
  for (const [name, content] of out.files) {
    if (name === `${GLUE_NAME}.js`) js = decoder.decode(content);
    else if (name.endsWith('.wasm')) coreModules.push({ name, bytes: content });
  }
  const hostFunctions = checkWorld(out.imports, out.exports, js);
  return { hash, bytes: bytes.length, js, coreModules, hostFunctions };
}

/** Returns the host functions used; throws when the component is of another world. */
function checkWorld(imports: string[], exports: Array<[string, string]>, js: string): string[] {
  const foreign = imports.filter((name) => name !== HOST_INTERFACE);
  if (foreign.length > 0) {
    throw new ComponentValidationError({
      code: 'wasm-wrong-imports',
      summary: 'The component imports interfaces the workbench does not provide',
      expected: `imports from ${HOST_INTERFACE}@0.1.x only`,
      received: `imports of ${foreign.join(', ')}`,
      hint: 'Build against wit/agent.wit with WASI stubbed out (e.g. componentize with --disable all).',
    });
  }
  const versions = new Set(Array.from(js.matchAll(/workbench:agent\/host@([0-9][^#'"\s]*)#/g), (m) => m[1]!));
  const wrongVersion = [...versions].filter((v) => !v.startsWith('0.1.'));
  if (wrongVersion.length > 0) {
    throw new ComponentValidationError({
      code: 'wasm-wrong-imports',
      summary: 'The component was built against another version of the agent world',
      expected: `${HOST_INTERFACE}@0.1.x`,
      received: wrongVersion.map((v) => `${HOST_INTERFACE}@${v}`).join(', '),
    });
  }
  const hostFunctions = importedHostFunctions(js);
  const unknown = hostFunctions.filter((f) => !(HOST_FUNCTIONS as readonly string[]).includes(f));
  if (unknown.length > 0) {
    throw new ComponentValidationError({
      code: 'wasm-wrong-imports',
      summary: `The component imports host functions that ${HOST_INTERFACE} does not have`,
      expected: `some of ${HOST_FUNCTIONS.join(', ')}`,
      received: unknown.join(', '),
    });
  }
  const exported = exports.map(([name]) => name);
  const guest = exported.find((name) => name.startsWith(`${GUEST_INTERFACE}@0.1.`));
  if (!guest) {
    throw new ComponentValidationError({
      code: 'wasm-wrong-exports',
      summary: `The component does not export ${GUEST_INTERFACE}`,
      expected: `an export of ${GUEST_INTERFACE}@0.1.x (init, handle)`,
      received: exported.length > 0 ? `exports ${exported.join(', ')}` : 'no exports',
    });
  }
  const functions = exportedGuestFunctions(js);
  const missing = GUEST_FUNCTIONS.filter((f) => functions !== undefined && !functions.includes(f));
  if (missing.length > 0) {
    throw new ComponentValidationError({
      code: 'wasm-wrong-exports',
      summary: `The component's ${guest} export lacks functions`,
      expected: `functions ${GUEST_FUNCTIONS.join(', ')}`,
      received: functions && functions.length > 0 ? `functions ${functions.join(', ')}` : 'no functions',
    });
  }
  return hostFunctions;
}

/** jco's glue destructures the host interface: `const { kvGet, log } = imports['workbench:agent/host'];` */
function importedHostFunctions(js: string): string[] {
  const m = /const\s*\{([^}]*)\}\s*=\s*imports\[['"]workbench:agent\/host['"]\]/.exec(js);
  if (!m) return [];
  return m[1]!.split(',').map((s) => s.trim().split(':')[0]!.trim()).filter((s) => s.length > 0);
}

/** jco's glue returns `{ guest: guest010, 'workbench:agent/guest@0.1.0': guest010 }`. */
function exportedGuestFunctions(js: string): string[] | undefined {
  const ret = /return\s*\{\s*guest:\s*([A-Za-z0-9_$]+)/.exec(js);
  if (!ret) return undefined;
  const obj = new RegExp(`const\\s+${ret[1]!.replace(/\$/g, '\\$')}\\s*=\\s*\\{([^}]*)\\}`).exec(js);
  if (!obj) return undefined;
  return obj[1]!.split(',').map((s) => s.trim().split(':')[0]!.trim()).filter((s) => s.length > 0);
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'payload' in e) return String((e as { payload: unknown }).payload);
  return e instanceof Error ? e.message : String(e);
}
