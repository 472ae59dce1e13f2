/**
 * Node agent workers. The worker entry is TypeScript; it is bundled once per process
 * with esbuild into a self-contained .mjs in the OS temp dir (~20 ms), so workers start
 * as plain Node (no loader hooks, same speed under vitest, tsx or a built CLI).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { AgentWorkerHandle } from '../worker/transport';
import { withRingHost, type RawAgentWorkerHandle } from '../worker/ring/ringTransport';

let enabledWasmFeatures = false;

/** Node 20 gates extended-const (QuickJS agents) behind a flag; V8 flags are per process. */
export function enableWasmFeatures(): void {
  if (enabledWasmFeatures) return;
  enabledWasmFeatures = true;
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) setFlagsFromString('--experimental-wasm-extended-const');
}

let bundled: Promise<string> | undefined;

/** Path of a runnable JS file for the agent worker entry. */
export function agentWorkerScript(): Promise<string> {
  bundled ??= bundle();
  return bundled;
}

async function bundle(): Promise<string> {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const built = join(here, 'agentWorker.node.js');
  if (existsSync(built)) return built;
  const entry = join(here, 'agentWorker.node.ts');
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'orrery-workers');
  const file = join(dir, `agent-worker-${hash}.mjs`);
  if (!existsSync(file)) {
    await mkdir(dir, { recursive: true });
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, code);
    await rename(temp, file);
  }
  return file;
}

/** Spawns one Node agent worker; `script` from agentWorkerScript(); `ring: false` talks by posts only. */
export function spawnNodeAgentWorker(script: string, options: { ring?: boolean } = {}): AgentWorkerHandle {
  enableWasmFeatures();
  const worker = new Worker(script);
  let exitHandler: ((reason: string) => void) | undefined;
  let terminated = false;
  worker.on('error', (e) => exitHandler?.(`error: ${e.message}`));
  worker.on('exit', (code) => {
    if (!terminated) exitHandler?.(`exit code ${code}`);
  });
  const raw: RawAgentWorkerHandle = {
    post: (message, transfer) => worker.postMessage(message, transfer),
    onMessage: (handler) => worker.on('message', handler),
    onExit: (handler) => {
      exitHandler = handler;
    },
    terminate: () => {
      terminated = true;
      void worker.terminate();
    },
  };
  return withRingHost(raw, options);
}
