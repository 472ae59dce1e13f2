/** The kernel worker's handle on the compiler worker: `compile` with errors rebuilt. */
import * as Comlink from 'comlink';
import type { CompiledComponent } from '../wasm/compileComponent';
import { ComponentValidationError } from '../wasm/componentError';
import type { CompilerWorkerApi } from './compiler.worker';

export function connectCompiler(): { compile(bytes: Uint8Array): Promise<CompiledComponent>; dispose(): void } {
  const worker = new Worker(new URL('./compiler.worker.ts', import.meta.url), { type: 'module', name: 'orrery-compiler' });
  const remote = Comlink.wrap<CompilerWorkerApi>(worker);
  return {
    async compile(bytes) {
      // A copy crosses, so the caller's bytes (hashed, cached) stay intact.
      const outcome = await remote.compile(bytes.slice());
      if (outcome.ok) return outcome.compiled;
      throw outcome.component ? new ComponentValidationError(outcome.component) : new Error(outcome.message);
    },
    dispose() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
