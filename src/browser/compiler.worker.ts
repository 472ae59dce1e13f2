/**
 * The compiler worker: validates and transpiles components with jco, off the kernel
 * worker, so a large upload (QuickJS agents take ~1 s) never stalls message routing.
 * The kernel worker's pool caches results by module hash, so each module is compiled once.
 */
import * as Comlink from 'comlink';
import { compileComponent, type CompiledComponent } from '../wasm/compileComponent';
import { isComponentValidationError, type ComponentErrorDetail } from '../wasm/componentError';

/** comlink keeps only name/message/stack of an Error: validation details go as data. */
export type CompileOutcome = { ok: true; compiled: CompiledComponent } | { ok: false; component?: ComponentErrorDetail; message: string };

export interface CompilerWorkerApi {
  compile(bytes: Uint8Array): Promise<CompileOutcome>;
}

const api: CompilerWorkerApi = {
  async compile(bytes) {
    try {
      // Copied, not transferred: jco's output may be views into its own memory.
      return { ok: true, compiled: await compileComponent(bytes) };
    } catch (e) {
      if (isComponentValidationError(e)) return { ok: false, component: e.detail, message: e.message };
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  },
};

Comlink.expose(api);
