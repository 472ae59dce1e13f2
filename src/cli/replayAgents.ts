/**
 * The agents a replay runs against: the built agents for built-in kinds (only those the
 * replay deploys are compiled), a custom kind from the recording's module bytes, and with
 * --against a workspace whose agents replace the recorded ones of the same name (their
 * kind; a custom kind from the workspace's modules).
 */
import type { KindLibrary } from '../hosts/inProcess/createKindLibrary';
import type { Recording } from '../experiments/replay/types';
// Not the workspace barrel: it reaches scenarios.ts, which only Vite can load.
import { base64ToBytes } from '../workspace/base64';
import { formatProblem } from '../workspace/errors';
import { importWorkspace, MAX_FILE_BYTES } from '../workspace/exportImport';
import type { Workspace } from '../workspace/model';
import { InputError } from './exitCodes';
import { readJsonText } from './readExperiment';

export interface ReplayAgents {
  library: KindLibrary;
  /** Agent name → kind to deploy instead of the recorded one. */
  kinds: Record<string, string>;
  /** Agents whose kind changed. */
  replaced: { agent: string; recorded: string; now: string }[];
}

interface ModuleSource {
  kind: string;
  label: string;
  bytes: Uint8Array;
  from: string;
}

/** Agent name → kind, as the tape deploys them (a later deploy of the same name wins). */
export function recordedAgents(recording: Recording): Map<string, string> {
  const agents = new Map<string, string>();
  for (const { input } of recording.tape)
    if (input.type === 'agent.deploy' && typeof input.spec?.name === 'string' && typeof input.spec.kind === 'string')
      agents.set(input.spec.name, input.spec.kind);
  return agents;
}

async function readWorkspace(file: string, builtins: readonly string[]): Promise<Workspace> {
  const text = await readJsonText(file, MAX_FILE_BYTES).catch((e: unknown) => {
    if (e instanceof InputError) throw new InputError(`--against ${e.message}`);
    throw e;
  });
  const checked = importWorkspace(text, { knownKinds: new Set(builtins) });
  if (!checked.ok)
    throw new InputError(`--against ${file}: not a valid workspace:\n${checked.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  return checked.value;
}

/** Which agents change kind, and the modules a workspace brings. */
export function replacementsFrom(
  recorded: ReadonlyMap<string, string>,
  workspace: Workspace,
): { kinds: Record<string, string>; replaced: ReplayAgents['replaced']; modules: ModuleSource[] } {
  const kinds: Record<string, string> = Object.create(null) as Record<string, string>;
  const replaced: ReplayAgents['replaced'] = [];
  for (const node of workspace.nodes) {
    if (node.type !== 'agent' || !recorded.has(node.name)) continue;
    kinds[node.name] = node.kind;
    if (recorded.get(node.name) !== node.kind) replaced.push({ agent: node.name, recorded: recorded.get(node.name)!, now: node.kind });
  }
  const modules = workspace.modules.map((m) => ({
    kind: m.kind,
    label: m.label,
    bytes: base64ToBytes(m.bytes)!,
    from: `the workspace's module "${m.label}"`,
  }));
  return { kinds, replaced, modules };
}

async function register(library: KindLibrary, module: ModuleSource): Promise<void> {
  try {
    await library.registerKind(module.kind, module.bytes, { label: module.label });
  } catch (e) {
    throw new InputError(
      `${module.from} (kind ${module.kind}) cannot be compiled: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    );
  }
}

export async function replayAgents(recording: Recording, against: string | undefined): Promise<ReplayAgents> {
  const [{ createKindLibrary }, { loadLibraryKinds }, { nodeAgentAssets }, { parseManifest }] = await Promise.all([
    import('../hosts/inProcess/createKindLibrary'),
    import('../hosts/inProcess/loadLibraryKinds'),
    import('../hosts/node/nodeAgentAssets'),
    import('../hosts/loadBuiltinKinds'),
  ]);
  const assets = nodeAgentAssets();
  const builtins = parseManifest(await assets.readManifest(), assets.where).map((e) => e.kind);
  const recorded = recordedAgents(recording);
  const fromWorkspace = against === undefined ? undefined : replacementsFrom(recorded, await readWorkspace(against, builtins));
  const kinds = fromWorkspace?.kinds ?? {};
  // The replay brings a bare kernel through the recorded setup first, so it deploys the recorded kinds too, replaced or not.
  const needed = new Set([...recorded.values(), ...Object.values(kinds)]);
  const library = createKindLibrary();
  await loadLibraryKinds(
    library,
    assets,
    builtins.filter((k) => needed.has(k)),
  );
  const modules: ModuleSource[] = [
    ...(fromWorkspace?.modules ?? []),
    ...recording.header.modules.flatMap((m) =>
      m.bytes ? [{ kind: m.kind, label: m.label, bytes: m.bytes, from: `the recording's module "${m.label}"` }] : [],
    ),
  ];
  for (const kind of needed) {
    const module = library.get(kind) ? undefined : modules.find((m) => m.kind === kind);
    if (module) await register(library, module);
  }
  return { library, kinds, replaced: fromWorkspace?.replaced ?? [] };
}
