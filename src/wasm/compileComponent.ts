/**
 * Validate a component against the `workbench:agent` world and transpile it with jco's
 * js-component-bindgen (the same wasm-in-JS build runs in Node and in a browser worker).
 * The result is plain data (JS source + core module bytes) that can be posted to workers.
 */
import { AGENT_WORLD } from './agentWorld';
import { ComponentValidationError } from './componentError';
import { checkAgentWorld, readComponentInterface } from './componentInterface';
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
type WasmTools = typeof import('@bytecodealliance/jco-transpile/wasm-tools');
let bindgen: Promise<Bindgen> | undefined;
let wasmTools: Promise<WasmTools> | undefined;

/** jco's bindgen is a ~3.5 MB wasm component itself: load it once, on first use. */
function loadBindgen(): Promise<Bindgen> {
  bindgen ??= import('@bytecodealliance/jco-transpile/component').then(async (m) => {
    await m.$init;
    return m;
  });
  return bindgen;
}

/** jco's wasm-tools (~2.4 MB of wasm): reads the WIT of a component. Loaded on first use. */
function loadWasmTools(): Promise<WasmTools> {
  wasmTools ??= import('@bytecodealliance/jco-transpile/wasm-tools');
  return wasmTools;
}

/** Checks that need no parsing: size and file kind. */
export function checkComponentBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_COMPONENT_BYTES): void {
  if (bytes.length === 0) {
    throw new ComponentValidationError({
      code: 'ORR101',
      summary: 'The file is empty',
      expected: 'a WebAssembly component',
      received: '0 bytes',
    });
  }
  if (bytes.length > maxBytes) {
    throw new ComponentValidationError({
      code: 'ORR102',
      summary: 'The component is too large',
      expected: `at most ${formatBytes(maxBytes)}`,
      received: formatBytes(bytes.length),
    });
  }
  if (sniffWasm(bytes) === 'core-module') {
    throw new ComponentValidationError({
      code: 'ORR104',
      summary: 'This is a core WebAssembly module, not a component',
      expected: `a component (layer 1) of the world ${AGENT_WORLD}`,
      received: 'a core module (version 1, layer 0)',
    });
  }
}

export async function compileComponent(bytes: Uint8Array, options: CompileOptions = {}): Promise<CompiledComponent> {
  checkComponentBytes(bytes, options.maxBytes);
  const hash = await hashBytes(bytes);
  const [tools, jco] = await Promise.all([loadWasmTools(), loadBindgen()]);
  // The world first: a component of another world is named as such, not transpiled.
  const hostFunctions = checkAgentWorld(await decoded(bytes, () => readComponentInterface(bytes, tools, jco)));
  const out = await decoded(bytes, async () =>
    jco.generate(bytes, { name: GLUE_NAME, instantiation: { tag: 'async' }, noNodejsCompat: true, noTypescript: true, map: [] }),
  );
  const decoder = new TextDecoder();
  let js = '';
  const coreModules: CoreModuleFile[] = [];
  for (const [name, content] of out.files) {
    if (name === `${GLUE_NAME}.js`) js = decoder.decode(content);
    else if (name.endsWith('.wasm')) coreModules.push({ name, bytes: content });
  }
  return { hash, bytes: bytes.length, js, coreModules, hostFunctions };
}

/** Runs a step that decodes the component; a failure means the bytes are not a valid component. */
async function decoded<T>(bytes: Uint8Array, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw new ComponentValidationError({
      code: 'ORR106',
      summary: 'The component could not be decoded',
      expected: 'a valid WebAssembly component',
      received: `${bytes.length} bytes starting with ${describeBytes(bytes)} (${errorText(e)})`,
    });
  }
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
