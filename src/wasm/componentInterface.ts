/**
 * What a component imports and exports, read from the WIT that jco extracts from it
 * (`componentWit` of `@bytecodealliance/jco-transpile/wasm-tools`), and the check of that
 * against the `workbench:agent` world.
 *
 * `componentWit` prints the component's root world (`import workbench:agent/host@0.1.0;`,
 * `export workbench:agent/guest@0.1.0;`, top-level functions) but not the bodies of the
 * interfaces it names, which live in other packages. The functions of the two interfaces
 * come from jco's typings of the same decoded WIT (`generateTypes` with the component as
 * the WIT source): one `export function name(...)` per WIT function, in jco's camelCase.
 */
import { AGENT_WORLD, GUEST_FUNCTIONS, GUEST_INTERFACE, HOST_FUNCTIONS, HOST_INTERFACE } from './agentWorld';
import { ComponentValidationError } from './componentError';

export interface WorldItem {
  /** An interface (`workbench:agent/host@0.1.0`) or a top-level function or inline interface name. */
  name: string;
  kind: 'interface' | 'function' | 'inline';
}

export interface ComponentInterface {
  /** The root world as jco printed it. */
  wit: string;
  imports: WorldItem[];
  exports: WorldItem[];
  /** Functions per interface (`workbench:agent/host@0.1.0` → ['send', 'log']), jco's names. */
  functions: Map<string, string[]>;
}

type WasmTools = typeof import('@bytecodealliance/jco-transpile/wasm-tools');
type Bindgen = typeof import('@bytecodealliance/jco-transpile/component');

/** Reads the component's interface; throws what jco throws on bytes it cannot decode. */
export async function readComponentInterface(bytes: Uint8Array, tools: WasmTools, bindgen: Bindgen): Promise<ComponentInterface> {
  const wit = await tools.componentWit(bytes);
  const { imports, exports } = parseRootWorld(wit);
  const functions = new Map<string, string[]>();
  const decoder = new TextDecoder();
  for (const [name, content] of bindgen.generateTypes('agent', { wit: { tag: 'binary', val: bytes } })) {
    if (!name.startsWith('interfaces/')) continue;
    const typings = interfaceTypings(decoder.decode(content));
    if (typings) functions.set(typings.name, typings.functions);
  }
  return { wit, imports, exports, functions };
}

/** The `import` and `export` items of the first world in `wit` (bodies of inline items skipped). */
export function parseRootWorld(wit: string): { imports: WorldItem[]; exports: WorldItem[] } {
  const imports: WorldItem[] = [];
  const exports: WorldItem[] = [];
  const start = wit.search(/^\s*world\s+[^\s{]+\s*\{/m);
  if (start < 0) return { imports, exports };
  let depth = 0;
  for (const line of wit.slice(start).split('\n')) {
    const trimmed = line.trim();
    if (depth === 1) {
      const item = /^(import|export)\s+([^\s:;{]+(?::[^\s/;{:]+\/[^\s;{:]+)?)\s*(:\s*(func|interface)\b)?/.exec(trimmed);
      if (item) {
        const kind = item[4] === 'func' ? 'function' : item[4] === 'interface' ? 'inline' : 'interface';
        (item[1] === 'import' ? imports : exports).push({ name: item[2]!, kind });
      }
    }
    for (const c of trimmed) {
      if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    if (depth === 0 && trimmed.includes('}')) break;
  }
  return { imports, exports };
}

/** `/** @module Interface ns:pkg/name@v **\/` + `export function f(`: the interface and its functions. */
function interfaceTypings(dts: string): { name: string; functions: string[] } | undefined {
  const header = /@module Interface (\S+?)\s*\*\*\//.exec(dts);
  if (!header) return undefined;
  const functions = Array.from(dts.matchAll(/^export function ([A-Za-z0-9_$]+)\s*\(/gm), (m) => m[1]!);
  return { name: header[1]!, functions };
}

const HOST_PATTERN = new RegExp(`^${HOST_INTERFACE}(@0\\.1\\.[0-9][^;\\s]*)?$`);
const EXPECTED_WORLD = `the world ${AGENT_WORLD}: imports ${HOST_INTERFACE}@0.1.x (${HOST_FUNCTIONS.join(', ')}), exports ${GUEST_INTERFACE}@0.1.x (${GUEST_FUNCTIONS.join(', ')})`;

function describeItems(items: WorldItem[]): string {
  return items.length > 0 ? items.map((i) => (i.kind === 'function' ? `${i.name} (a function)` : i.name)).join(', ') : 'nothing';
}

/** Checks `iface` against the agent world; returns the host functions it imports. */
export function checkAgentWorld(iface: ComponentInterface): string[] {
  const has = `exports ${describeItems(iface.exports)}; imports ${describeItems(iface.imports)}`;
  const foreign = iface.imports.filter((i) => !HOST_PATTERN.test(i.name));
  if (foreign.length > 0) {
    const sameInterface = foreign.every((i) => i.name.startsWith(`${HOST_INTERFACE}@`));
    throw new ComponentValidationError({
      code: 'ORR107',
      summary: sameInterface
        ? 'The component was built against another version of the agent world'
        : 'The component imports interfaces the workbench does not provide',
      expected: EXPECTED_WORLD,
      received: `${has}; not provided: ${describeItems(foreign)}`,
      hint: sameInterface
        ? 'Rebuild it against wit/agent.wit.'
        : 'Build against wit/agent.wit with WASI stubbed out (e.g. componentize with --disable all).',
    });
  }
  const guest = iface.exports.find((i) => i.kind === 'interface' && i.name.startsWith(`${GUEST_INTERFACE}@0.1.`));
  if (!guest) {
    throw new ComponentValidationError({
      code: 'ORR108',
      summary: `The component does not export ${GUEST_INTERFACE}`,
      expected: EXPECTED_WORLD,
      received: has,
    });
  }
  const host = iface.imports[0];
  const hostFunctions = host ? (iface.functions.get(host.name) ?? []) : [];
  const unknown = hostFunctions.filter((f) => !(HOST_FUNCTIONS as readonly string[]).includes(f));
  if (unknown.length > 0) {
    throw new ComponentValidationError({
      code: 'ORR107',
      summary: `The component imports host functions that ${HOST_INTERFACE} does not have`,
      expected: `some of ${HOST_FUNCTIONS.join(', ')} from ${HOST_INTERFACE}`,
      received: unknown.join(', '),
    });
  }
  const guestFunctions = iface.functions.get(guest.name) ?? [];
  const missing = GUEST_FUNCTIONS.filter((f) => !guestFunctions.includes(f));
  if (missing.length > 0) {
    throw new ComponentValidationError({
      code: 'ORR108',
      summary: `The component's ${guest.name} export lacks functions`,
      expected: `functions ${GUEST_FUNCTIONS.join(', ')}`,
      received: guestFunctions.length > 0 ? `functions ${guestFunctions.join(', ')}` : 'no functions',
    });
  }
  return hostFunctions;
}
