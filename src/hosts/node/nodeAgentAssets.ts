/** Node: built-in agent assets read from disk (default `<repo>/public/agents`). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BuiltinKindsError, type AgentAssetSource } from '../loadBuiltinKinds';

export const DEFAULT_AGENTS_DIR = fileURLToPath(new URL('../../../public/agents', import.meta.url));

export function nodeAgentAssets(dir = DEFAULT_AGENTS_DIR): AgentAssetSource {
  const read = async (file: string) => {
    try {
      return await readFile(join(dir, file));
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw new BuiltinKindsError(
        code === 'ENOENT' ? `${join(dir, file)} is missing: run npm run build:agents` : `${join(dir, file)}: ${(e as Error).message}`,
      );
    }
  };
  return {
    where: dir,
    readManifest: async () => JSON.parse((await read('manifest.json')).toString('utf8')) as unknown,
    readFile: async (file) => new Uint8Array(await read(file)),
  };
}
