import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_AGENTS_DIR } from './nodeAgentAssets';

/** Integration tests need the built agents: fail loudly (never skip) when they are missing. */
export function requireBuiltAgents(dir = DEFAULT_AGENTS_DIR): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${dir}/manifest.json is missing: run npm run build:agents before the integration tests`);
  }
}
