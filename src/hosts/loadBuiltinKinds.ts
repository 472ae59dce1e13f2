/**
 * Built-in agent kinds: `manifest.json` plus the `.wasm` files written by
 * `npm run build:agents` (fetched in the browser, read from public/agents in Node).
 */
import type { AgentHost, KindInfo } from './types';

export interface ManifestEntry {
  kind: string;
  label: string;
  description: string;
  file: string;
  hash: string;
  bytes: number;
  language: string;
  role: 'core' | 'pattern';
}

export interface AgentAssetSource {
  /** Where the assets come from, for error messages. */
  where: string;
  readManifest(): Promise<unknown>;
  readFile(file: string): Promise<Uint8Array>;
}

export class BuiltinKindsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuiltinKindsError';
  }
}

export function parseManifest(raw: unknown, where: string): ManifestEntry[] {
  if (!Array.isArray(raw)) {
    throw new BuiltinKindsError(`${where}/manifest.json: expected an array of kinds, received ${typeof raw}`);
  }
  return raw.map((entry, i) => {
    const e = entry as Record<string, unknown>;
    for (const field of ['kind', 'label', 'file', 'hash'] as const) {
      if (typeof e?.[field] !== 'string' || e[field] === '') {
        throw new BuiltinKindsError(`${where}/manifest.json[${i}]: expected a string "${field}", received ${JSON.stringify(e?.[field])}`);
      }
    }
    return {
      kind: e['kind'] as string,
      label: e['label'] as string,
      description: typeof e['description'] === 'string' ? e['description'] : '',
      file: e['file'] as string,
      hash: e['hash'] as string,
      bytes: typeof e['bytes'] === 'number' ? e['bytes'] : 0,
      language: typeof e['language'] === 'string' ? e['language'] : 'unknown',
      role: e['role'] === 'pattern' ? 'pattern' : 'core',
    };
  });
}

/**
 * Registers every built-in kind with the host. `only` limits it to some kinds (tests).
 * Core kinds are compiled now, in parallel; a broken one fails the whole load, naming it.
 * Pattern kinds are only declared when the host can defer them: they compile on first
 * spawn, so start-up does not pay for agents most sessions never deploy.
 */
export async function loadBuiltinKinds(host: AgentHost, source: AgentAssetSource, only?: readonly string[]): Promise<KindInfo[]> {
  const manifest = parseManifest(await source.readManifest(), source.where).filter((e) => !only || only.includes(e.kind));
  const register = async (entry: ManifestEntry): Promise<KindInfo> => {
    const bytes = await source.readFile(entry.file);
    let info: KindInfo;
    try {
      info = await host.registerKind(entry.kind, bytes, metaOf(entry));
    } catch (e) {
      throw new BuiltinKindsError(
        `built-in kind "${entry.kind}" (${source.where}/${entry.file}): ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    if (info.hash !== entry.hash) {
      throw new BuiltinKindsError(
        `built-in kind "${entry.kind}": expected hash ${entry.hash} from manifest.json, received ${info.hash} — rebuild with npm run build:agents`,
      );
    }
    return info;
  };
  const deferred = host.declareKind ? manifest.filter((e) => e.role === 'pattern') : [];
  for (const entry of deferred) {
    const info: KindInfo = { kind: entry.kind, hash: entry.hash, bytes: entry.bytes, ...metaOf(entry) };
    host.declareKind!(info, () => register(entry));
  }
  const eager = await Promise.all(manifest.filter((e) => !deferred.includes(e)).map(register));
  return [...eager, ...deferred.map((e) => ({ kind: e.kind, hash: e.hash, bytes: e.bytes, ...metaOf(e) }))];
}

function metaOf(entry: ManifestEntry): Omit<KindInfo, 'kind' | 'hash' | 'bytes'> {
  return { label: entry.label, description: entry.description, builtin: true, role: entry.role, language: entry.language };
}

/** Browser: assets served next to the app (`<base>agents/`). */
export function fetchAgentAssets(baseUrl: string): AgentAssetSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const get = async (file: string) => {
    const res = await fetch(new URL(file, base));
    if (!res.ok) throw new BuiltinKindsError(`${base}${file}: expected HTTP 200, received ${res.status} — run npm run build:agents`);
    return res;
  };
  return {
    where: base.replace(/\/$/, ''),
    readManifest: async () => (await get('manifest.json')).json(),
    readFile: async (file) => new Uint8Array(await (await get(file)).arrayBuffer()),
  };
}
